/**
 * The interchange bench's network, built as a NIR graph in code (the shape a snnTorch or Norse
 * convolutional classifier exports): Input [2, 34, 34] (an N-MNIST-sized event frame) ->
 * Conv2d 2->16 3x3 -> CubaLIF -> SumPool2d 2x2 -> Conv2d 16->6 3x3 -> CubaLIF -> Flatten ->
 * Affine 1176->10 -> LIF -> Output. The import composes SumPool2d x Conv2d into one projection
 * of 576 synapses a target, so the network has 984,048 synapses: about the million of issue
 * 11's benchmark. Weights come from a seeded generator, so every run reads the same file.
 */
import type { NetworkDocument } from '../../model/document.ts';
import { seededRandom } from '../../model/seeded-random.ts';
import {
  nirArray,
  nirGraph,
  type NirGraph,
  type NirNode,
} from '../../model/interchange/nir/graph.ts';

/** Sizes of the layers (channels, side) and the input activity. */
export interface InterchangeNetworkSpec {
  inputChannels: number;
  inputSide: number;
  conv1Channels: number;
  conv2Channels: number;
  outputs: number;
  /** Probability that an input neuron spikes in a step of 1 ms (a Poisson rate x dt). */
  inputSpikeProbability: number;
  seed: number;
}

export const INTERCHANGE_NETWORK: InterchangeNetworkSpec = {
  inputChannels: 2,
  inputSide: 34,
  conv1Channels: 16,
  conv2Channels: 6,
  outputs: 10,
  inputSpikeProbability: 0.05,
  seed: 11,
};

/** `--quick`'s copy of the same layers, scaled to 79,776 synapses (import in well under 1 s). */
export const QUICK_INTERCHANGE_NETWORK: InterchangeNetworkSpec = {
  ...INTERCHANGE_NETWORK,
  inputSide: 18,
  conv1Channels: 8,
  conv2Channels: 4,
};

/** dt of the NIR import (NIR's time unit is the second): 1 ms. */
export const INTERCHANGE_DT_S = 1e-3;

/** Layer shapes and the synapse count the import should produce, worked out here. */
export function interchangeShapes(spec: InterchangeNetworkSpec): {
  conv1: [number, number, number];
  pooled: [number, number, number];
  conv2: [number, number, number];
  flat: number;
  synapses: number;
} {
  const s1 = spec.inputSide - 2;
  const s2 = s1 / 2 - 2;
  const conv1: [number, number, number] = [spec.conv1Channels, s1, s1];
  const pooled: [number, number, number] = [spec.conv1Channels, s1 / 2, s1 / 2];
  const conv2: [number, number, number] = [spec.conv2Channels, s2, s2];
  const flat = spec.conv2Channels * s2 * s2;
  // conv 3x3 without padding: every target reads cin x 9 sources; pool 2x2 then conv 3x3 is a
  // 6x6 window of the pooled layer's input per channel (36 sources), disjoint blocks.
  const synapses =
    spec.conv1Channels * s1 * s1 * spec.inputChannels * 9 +
    flat * spec.conv1Channels * 36 +
    flat * spec.outputs;
  return { conv1, pooled, conv2, flat, synapses };
}

/** The NIR graph of the bench network. */
export function interchangeGraph(spec: InterchangeNetworkSpec = INTERCHANGE_NETWORK): NirGraph {
  const random = seededRandom(spec.seed);
  const uniform = (n: number, low: number, high: number) =>
    Float32Array.from({ length: n }, () => low + (high - low) * random());
  const shapes = interchangeShapes(spec);
  const ints = (values: number[]) => nirArray([values.length], values, 'int64');
  const filled = (shape: number[], value: number) =>
    nirArray(shape, new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(value));
  const conv = (cin: number, cout: number, low: number, high: number): NirNode => ({
    type: 'Conv2d',
    params: {
      weight: nirArray([cout, cin, 3, 3], uniform(cout * cin * 9, low, high)),
      bias: filled([cout], 0),
      stride: ints([1, 1]),
      padding: ints([0, 0]),
      dilation: ints([1, 1]),
      groups: 1,
    },
  });
  const cubaLif = (shape: number[]): NirNode => ({
    type: 'CubaLIF',
    params: {
      tau_mem: filled(shape, 0.01),
      tau_syn: filled(shape, 0.005),
      r: filled(shape, 1),
      v_leak: filled(shape, 0),
      v_threshold: filled(shape, 1),
      v_reset: filled(shape, 0),
      w_in: filled(shape, 1),
    },
  });
  const { inputChannels: cin, inputSide: side, conv1Channels: c1, conv2Channels: c2 } = spec;
  return nirGraph(
    {
      input: { type: 'Input', params: { shape: ints([cin, side, side]) } },
      conv1: conv(cin, c1, -0.5, 3),
      lif1: cubaLif(shapes.conv1),
      pool: {
        type: 'SumPool2d',
        params: { kernel_size: ints([2, 2]), stride: ints([2, 2]), padding: ints([0, 0]) },
      },
      conv2: conv(c1, c2, -0.1, 0.3),
      lif2: cubaLif(shapes.conv2),
      flatten: { type: 'Flatten', params: { start_dim: 0, end_dim: -1 } },
      fc: {
        type: 'Affine',
        params: {
          weight: nirArray(
            [spec.outputs, shapes.flat],
            uniform(spec.outputs * shapes.flat, -0.05, 0.15),
          ),
          bias: filled([spec.outputs], 0),
        },
      },
      lif3: {
        type: 'LIF',
        params: {
          tau: filled([spec.outputs], 0.02),
          r: filled([spec.outputs], 1),
          v_leak: filled([spec.outputs], 0),
          v_threshold: filled([spec.outputs], 1),
          v_reset: filled([spec.outputs], 0),
        },
      },
      output: { type: 'Output', params: { shape: ints([spec.outputs]) } },
    },
    [
      ['input', 'conv1'],
      ['conv1', 'lif1'],
      ['lif1', 'pool'],
      ['pool', 'conv2'],
      ['conv2', 'lif2'],
      ['lif2', 'flatten'],
      ['flatten', 'fc'],
      ['fc', 'lif3'],
      ['lif3', 'output'],
    ],
  );
}

/**
 * The imported document made runnable for the bench: Poisson-like spikes on every spike
 * generator (each neuron spikes in a step with `inputSpikeProbability`, seeded), a spike probe
 * on every population, and the run's length.
 */
export function withBenchRun(
  doc: NetworkDocument,
  spec: InterchangeNetworkSpec,
  durationMs: number,
): NetworkDocument {
  const random = seededRandom(spec.seed + 1);
  const dtMs = doc.run.dt;
  const steps = Math.round(durationMs / dtMs);
  const populations = doc.populations.map((p) => {
    if (p.model !== 'spike_generator') return p;
    const indices: number[] = [];
    const times: number[] = [];
    for (let t = 0; t < steps; t++) {
      for (let i = 0; i < p.size; i++) {
        if (random() < spec.inputSpikeProbability) {
          indices.push(i);
          times.push(Math.round(t * dtMs * 1e9) / 1e9);
        }
      }
    }
    return { ...p, params: { indices, times, period: 0 } };
  });
  return {
    ...doc,
    populations,
    probes: doc.populations.map((p) => ({
      id: `${p.id}_spikes`,
      kind: 'spikes' as const,
      population: p.id,
    })),
    run: { ...doc.run, duration: durationMs },
  };
}
