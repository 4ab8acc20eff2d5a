/**
 * Checks of the user's own time series in a document (`current_series` stimuli, a Poisson
 * population's `rate_series`): one value per time, at least one sample, times strictly
 * increasing, at most `MAX_SERIES_SAMPLES` samples, and rates the engine can draw (one spike
 * per step at most). The stimulus's target is checked with the other stimuli.
 */
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';

/**
 * The most samples one series may hold: the engine adds each series' segments to a
 * population's input every step (CONTEXT.md step 1), so a series costs per step what its
 * length costs.
 */
export const MAX_SERIES_SAMPLES = 100_000;

/** Lengths, count and order of one series at `at`; `values` names the value array. */
function checkSamples(
  ctx: CheckContext,
  at: string,
  times: readonly number[],
  values: readonly number[],
  valuesName: string,
): void {
  if (values.length !== times.length) {
    flag(
      ctx,
      `${at}.${valuesName}`,
      `must have one entry per time (${times.length}), got ${values.length}`,
    );
  }
  if (times.length === 0) flag(ctx, `${at}.times`, 'must hold at least one sample');
  if (times.length > MAX_SERIES_SAMPLES) {
    flag(ctx, `${at}.times`, `at most ${MAX_SERIES_SAMPLES} samples, got ${times.length}`);
  }
  for (let k = 1; k < times.length; k++) {
    const previous = times[k - 1] ?? 0;
    const time = times[k] ?? 0;
    if (!(time > previous)) {
      flag(
        ctx,
        `${at}.times[${k}]`,
        `must be > times[${k - 1}] (${previous} ms): times strictly increase, got ${time}`,
      );
      return;
    }
  }
}

/**
 * Every `current_series` stimulus and every Poisson `rate_series`.
 *
 * @example checkSeries(ctx) // stimuli[1].values: must have one entry per time (3), got 2
 */
export function checkSeries(ctx: CheckContext): void {
  ctx.doc.stimuli.forEach((s, i) => {
    if (s.kind === 'current_series')
      checkSamples(ctx, `stimuli[${i}]`, s.times, s.values, 'values');
  });
  const dt = ctx.doc.run.dt;
  const maxRate = 1000 / dt;
  ctx.doc.populations.forEach((p, i) => {
    if (p.model !== 'poisson' || p.params.rate_series === undefined) return;
    const at = `populations[${i}].params.rate_series`;
    const { times, rates } = p.params.rate_series;
    checkSamples(ctx, at, times, rates, 'rates');
    const k = rates.findIndex((r) => r > maxRate);
    if (k >= 0) {
      flag(
        ctx,
        `${at}.rates[${k}]`,
        `must be <= ${Number(maxRate.toPrecision(6))} Hz at run.dt = ${dt} ms (one spike per step), got ${rates[k]}`,
      );
    }
  });
}
