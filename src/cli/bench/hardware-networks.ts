/**
 * The hardware bench's networks, built in code and seeded: a Poisson input driving a recurrent
 * population of `fixed_point_lif` or `loihi` neurons, every neuron receiving a fixed number of
 * synapses from the input and from the population (so the mean fan-out is fixed too), at any
 * size. Every size of one kind has the same population ids, probes and steps, so one
 * Verilator build of the exported testbench runs them all (the images are data).
 */
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '../../model/document.ts';
import type { NetworkDocument, Population, Projection } from '../../model/document.ts';
import { validateDocument } from '../../model/index.ts';

export type HardwareNetworkKind = 'fixed_point_lif' | 'loihi';

export interface HardwareNetworkOptions {
  kind: HardwareNetworkKind;
  /** Neurons of the recurrent population (the input has a quarter as many, at least 8). */
  neurons: number;
  steps: number;
  seed?: number;
}

/** Synapses each neuron receives from the input. */
export const INPUT_FAN_IN = 8;
/** Synapses each neuron receives from its own population (delay 1 step). */
export const RECURRENT_FAN_IN = 16;

/** Input neurons for a population of `neurons`. */
export function inputSize(neurons: number): number {
  return Math.max(8, Math.round(neurons / 4));
}

/**
 * The network (validated: a mistake here throws with the validator's message).
 *
 * @example hardwareNetwork({ kind: 'loihi', neurons: 256, steps: 1000 }) // 256 + 64 neurons
 */
export function hardwareNetwork(options: HardwareNetworkOptions): NetworkDocument {
  const { kind, neurons } = options;
  const input: Population = {
    id: 'input',
    model: 'poisson',
    size: inputSize(neurons),
    position: { x: 60, y: 100 },
    // dt = 1 ms: about one input spike per neuron per 10 steps, 0.8 input events per neuron-step.
    params: { rate: 100 },
  };
  const core: Population =
    kind === 'fixed_point_lif'
      ? {
          id: 'core',
          model: 'fixed_point_lif',
          size: neurons,
          position: { x: 340, y: 100 },
          params: {
            total_bits: 16,
            fraction_bits: 12,
            scale_bits: 14,
            v_rest: 0,
            v_reset: 0,
            v_threshold: 1,
            tau_mem: 20,
            resistance: 0.05,
            refractory_period: 2,
            bias: 0,
            v_init: { kind: 'uniform', low: 0, high: 0.5 },
          },
        }
      : {
          id: 'core',
          model: 'loihi',
          size: neurons,
          position: { x: 340, y: 100 },
          // brian2-loihi's worked example's neuron (issue 5) with threshold 80 * 2^6.
          params: { refractory: 2, threshold_v_mant: 80, decay_v: 400, decay_I: 1000 },
        };
  const projection = (
    id: string,
    source: string,
    k: number,
    delay: number,
    weight: number,
  ): Projection => ({
    id,
    source,
    target: 'core',
    connectivity: { rule: 'fixed_fan_in', k, allow_self: false },
    weight: { kind: 'constant', value: weight },
    delay: { kind: 'constant', steps: delay },
    synapse:
      kind === 'fixed_point_lif'
        ? { kind: 'exponential', tau: 5 }
        : { kind: 'loihi', w_exp: 0, sign_mode: 'excitatory', num_weight_bits: 8 },
  });
  // Weights: fixed-point in units of the threshold, Loihi as mantissas (x 2^6 into I).
  const [inputWeight, recurrentWeight] = kind === 'fixed_point_lif' ? [0.25, 0.05] : [2, 1];
  const doc: NetworkDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name: `${kind === 'loihi' ? 'Loihi' : 'fixed-point LIF'} bench network, ${neurons} neurons`,
    populations: [input, core],
    projections: [
      projection('input_core', 'input', INPUT_FAN_IN, 0, inputWeight),
      projection('core_core', 'core', RECURRENT_FAN_IN, 1, recurrentWeight),
    ],
    stimuli: [],
    probes: [{ id: 'core_spikes', kind: 'spikes', population: 'core' }],
    run: { dt: 1, duration: options.steps, seed: options.seed ?? 1, backend: 'auto' },
  };
  const result = validateDocument(doc);
  if (!result.ok) {
    const issues = result.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new Error(`hardwareNetwork(${kind}, ${neurons}): invalid document: ${issues}`);
  }
  return result.document;
}
