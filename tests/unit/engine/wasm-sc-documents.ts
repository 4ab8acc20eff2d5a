/**
 * Documents with `sc_dense` layers for the wasm tests: layers of any size and channel count,
 * rates-wired layers, and probes of every neuron's V and the layer's Isc.
 */
import type {
  NetworkDocument,
  Population,
  Probe,
  ScDenseParams,
} from '../../../src/model/document.ts';

/** A spread of values in [0, 1) that differs per channel and per `phase`. */
function spread(m: number, phase: number): number[] {
  return Array.from({ length: m }, (_, c) => ((c * 37 + phase * 11) % 97) / 97);
}

/**
 * An SC layer's parameters: `channels` constant inputs (tutorial-like ranges, 'sum' scaling,
 * noise on), overridden by `over`.
 */
export function scParams(channels: number, over: Partial<ScDenseParams> = {}): ScDenseParams {
  return {
    inputs: { kind: 'constant', values: spread(channels, 1) },
    weights: spread(channels, 2),
    x_min: 0,
    x_max: 1,
    w_min: 0,
    w_max: 1,
    length: 256,
    // About a quarter of the gates are active: a mean current near 0.12, a steady V near 2.5,
    // so the neurons fire every few steps and the noise decides the exact step.
    y_min: 0,
    y_max: 0.5 / channels,
    scaling: 'sum',
    v_rest: 0,
    v_reset: 0,
    v_threshold: 1,
    tau_mem: 20,
    resistance: 1,
    noise_std: 0.05,
    refractory_period: 0,
    base_seed: 1234,
    ...over,
  };
}

/** An `sc_dense` population at the origin. */
export function scLayer(id: string, size: number, params: ScDenseParams): Population {
  return { id, size, position: { x: 0, y: 0 }, model: 'sc_dense', params };
}

/** Spikes, V of every neuron, and Isc (through neuron `size - 1`) of each population named. */
export function probesOf(layers: { id: string; size: number }[]): Probe[] {
  return layers.flatMap(({ id, size }): Probe[] => [
    { id: `spk-${id}`, kind: 'spikes', population: id },
    {
      id: `v-${id}`,
      kind: 'state',
      population: id,
      variable: 'v',
      neurons: Array.from({ length: size }, (_, j) => j),
    },
    { id: `i-${id}`, kind: 'state', population: id, variable: 'i_syn', neurons: [size - 1] },
    { id: `r-${id}`, kind: 'rate', population: id, bin: 3 },
  ]);
}

/** A document of the given parts (seed 5, dt 1 ms by default). */
export function scDocument(
  parts: Partial<Pick<NetworkDocument, 'populations' | 'projections' | 'stimuli' | 'probes'>>,
  run: Partial<NetworkDocument['run']> = {},
): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'sc_dense on wasm',
    populations: parts.populations ?? [],
    projections: parts.projections ?? [],
    stimuli: parts.stimuli ?? [],
    probes: parts.probes ?? [],
    run: { dt: 1, duration: 400, seed: 5, backend: 'wasm', ...run },
  };
}

/** One constant-input layer of `size` neurons and `channels` channels, everything probed. */
export function singleLayer(
  size: number,
  channels: number,
  over: Partial<ScDenseParams> = {},
  run: Partial<NetworkDocument['run']> = {},
): NetworkDocument {
  return scDocument(
    {
      populations: [scLayer('L', size, scParams(channels, over))],
      probes: probesOf([{ id: 'L', size }]),
    },
    run,
  );
}
