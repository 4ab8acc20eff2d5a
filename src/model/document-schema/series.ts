/**
 * The shapes of the user's own time series in a document: a `current_series` stimulus and a
 * Poisson population's `rate_series`. Lengths and increasing times are cross-checks
 * (`checks/series.ts`), so each message can name the entry that is wrong.
 */
import type { CurrentSeries, PoissonParams } from '../document.ts';
import { array, literal, number, object, string } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';

// populations.ts imports this file (rate_series), so its idSchema cannot be imported back.
const idSchema = string({ minLength: 1 });

const times = array(number({ min: 0, description: 'ms' }), {
  description: 'Sample times, ms, strictly increasing.',
});

/** A piecewise-constant current waveform into every neuron of a population. */
export const currentSeriesSchema: Schema<CurrentSeries> = object({
  id: idSchema,
  kind: literal('current_series'),
  target: idSchema,
  times,
  values: array(number(), {
    description: 'values[k] holds from times[k] to the next time (the last to the run end).',
  }),
});

/** A Poisson population's rate over time (`PoissonParams.rate_series`). */
export const rateSeriesSchema: Schema<NonNullable<PoissonParams['rate_series']>> = object({
  times,
  rates: array(number({ min: 0, description: 'Hz' }), {
    description: 'rates[k] holds from times[k] to the next time (the last to the run end).',
  }),
});
