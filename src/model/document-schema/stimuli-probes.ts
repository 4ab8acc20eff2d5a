/**
 * What is injected into a run (stimuli) and what is recorded from it (probes).
 */
import type { Probe, Stimulus } from '../document.ts';
import { LOIHI_TRACE_NAMES } from '../document.ts';

/** What a synapse probe records of a classic plastic projection besides `w`. */
const CLASSIC_SYNAPSE_VARIABLES = ['pre_trace', 'post_trace', 'eligibility'] as const;
import { array, enumeration, literal, number, object, taggedUnion } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';
import { idSchema } from './populations.ts';
import { currentSeriesSchema } from './series.ts';

/** A current step into a LIF population over [start, stop) ms, or a current waveform. */
export const stimulusSchema: Schema<Stimulus> = taggedUnion('kind', {
  current_step: object({
    id: idSchema,
    kind: literal('current_step'),
    target: idSchema,
    start: number({ min: 0, description: 'ms' }),
    stop: number({ min: 0, description: 'ms' }),
    amplitude: number(),
  }),
  current_series: currentSeriesSchema,
});

/**
 * A recording: spikes, a state variable of chosen neurons, a binned population rate, or the
 * weights or traces of chosen synapses of a learning Loihi projection.
 */
export const probeSchema: Schema<Probe> = taggedUnion('kind', {
  spikes: object({ id: idSchema, kind: literal('spikes'), population: idSchema }),
  state: object({
    id: idSchema,
    kind: literal('state'),
    population: idSchema,
    variable: enumeration(['v', 'i_syn', 'u', 'w']),
    neurons: array(number({ integer: true, min: 0 })),
  }),
  rate: object({
    id: idSchema,
    kind: literal('rate'),
    population: idSchema,
    bin: number({ gt: 0, description: 'Width of a rate bin, ms.' }),
  }),
  synapse: object({
    id: idSchema,
    kind: literal('synapse'),
    projection: idSchema,
    variable: enumeration(['w', 'w_act', ...LOIHI_TRACE_NAMES, ...CLASSIC_SYNAPSE_VARIABLES]),
    synapses: array(number({ integer: true, min: 0 }), {
      description: 'Synapse indices in connection order (sources ascending, then targets).',
    }),
  }),
});
