/**
 * Round trip document -> NIR (through the .nir file bytes) -> document gives the same spikes,
 * for networks built with nir_neuron (every type, both discretisations, per-neuron values),
 * conv and pool rules, flattening, delays (constant and per target), recurrence, and a
 * stochastic_lif network (exported as a NIR LIF with euler semantics).
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { validateDocument } from '../../../src/model/index.ts';
import type { NetworkDocument, Population, Projection } from '../../../src/model/document.ts';
import type { NirNeuronParams } from '../../../src/model/document-nir.ts';
import { exportNir } from '../../../src/model/interchange/nir/export.ts';
import { readNirFile, writeNirFile } from '../../../src/model/interchange/nir/graph.ts';
import { importNir } from '../../../src/model/interchange/nir/import.ts';
import { runDocument } from './nir-map-helpers.ts';

const DT = 0.5;

function generator(
  id: string,
  size: number,
  seed: number,
  shape?: number[],
  every = 1,
): Population {
  // A fixed pseudo-random spike pattern (a small LCG), so the test needs no engine draws.
  const indices: number[] = [];
  const times: number[] = [];
  let x = seed;
  for (let step = 0; step < 160; step += every) {
    for (let i = 0; i < size; i += 1) {
      x = (x * 1103515245 + 12345) % 2147483648;
      if (x / 2147483648 < 0.12) {
        indices.push(i);
        times.push(step * DT);
      }
    }
  }
  return {
    id,
    size,
    ...(shape === undefined ? {} : { shape }),
    position: { x: 0, y: 0 },
    model: 'spike_generator',
    params: { indices, times, period: 0 },
  };
}

function neuron(id: string, size: number, params: NirNeuronParams, shape?: number[]): Population {
  return {
    id,
    size,
    ...(shape === undefined ? {} : { shape }),
    position: { x: 0, y: 0 },
    model: 'nir_neuron',
    params,
  };
}

function project(
  id: string,
  source: string,
  target: string,
  rest: Partial<Projection>,
): Projection {
  return {
    id,
    source,
    target,
    connectivity: { rule: 'all_to_all', allow_self: true },
    weight: { kind: 'constant', value: 1 },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'delta' },
    ...rest,
  };
}

function documentOf(
  name: string,
  populations: Population[],
  projections: Projection[],
): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name,
    populations,
    projections,
    stimuli: [],
    probes: populations.map((p) => ({ id: `${p.id}_spikes`, kind: 'spikes', population: p.id })),
    run: { dt: DT, duration: 80, seed: 1, backend: 'reference' },
  };
}

function lifParams(
  discretisation: 'exact' | 'euler',
  tau: number,
  r: number,
  bias: number,
): NirNeuronParams {
  return {
    type: 'LIF',
    discretisation,
    tau_mem: tau,
    r,
    v_leak: 0,
    v_threshold: 1,
    v_reset: 0,
    bias,
    v_init: 0,
  };
}

const weights = (n: number, scale: number, seed: number): number[] =>
  Array.from({ length: n }, (_, k) => Math.fround(scale * Math.sin(seed + 1.7 * k)));

const DENSE = documentOf(
  'dense',
  [
    generator('in', 5, 3),
    neuron('lif', 4, {
      type: 'LIF',
      discretisation: 'exact',
      tau_mem: [5, 8, 10, 20],
      r: 4,
      v_leak: 0,
      v_threshold: 1,
      v_reset: [0, -0.2, 0, 0.1],
      bias: [0.05, 0, 0.02, 0],
      v_init: 0,
    }),
    neuron('cuba', 4, {
      type: 'CubaLIF',
      discretisation: 'euler',
      tau_mem: 10,
      tau_syn: 4,
      r: 6,
      v_leak: 0,
      v_threshold: 0.8,
      v_reset: 0,
      w_in: 1.5,
      bias: 0,
      v_init: 0,
    }),
    neuron('if', 3, {
      type: 'IF',
      discretisation: 'exact',
      r: [0.5, 1, 2],
      v_threshold: 1.2,
      v_reset: 0,
      bias: 0,
      v_init: 0,
    }),
    neuron('thr', 3, {
      type: 'Threshold',
      discretisation: 'exact',
      v_threshold: 0.4,
      bias: 0,
      v_init: 0,
    }),
  ],
  [
    project('in_lif', 'in', 'lif', { weight: { kind: 'explicit', values: weights(20, 0.9, 1) } }),
    project('lif_rec', 'lif', 'lif', {
      connectivity: { rule: 'all_to_all', allow_self: false },
      weight: { kind: 'explicit', values: weights(12, 0.3, 2) },
      delay: { kind: 'constant', steps: 2 },
    }),
    project('lif_cuba', 'lif', 'cuba', {
      connectivity: { rule: 'one_to_one' },
      weight: { kind: 'explicit', values: [2.9, 3.1, 2.7, 3.3] },
    }),
    project('in_if', 'in', 'if', {
      connectivity: {
        rule: 'explicit',
        pairs: { sources: [0, 0, 1, 2, 3, 4], targets: [0, 2, 1, 2, 0, 1] },
      },
      weight: { kind: 'explicit', values: [0.6, 0.5, 0.7, 0.4, 0.8, 0.3] },
      delay: { kind: 'explicit', steps: [1, 3, 0, 3, 1, 0] },
    }),
    project('cuba_thr', 'cuba', 'thr', {
      weight: { kind: 'explicit', values: weights(12, 0.5, 4).map((w) => w + 0.3) },
    }),
  ],
);

const CONV = documentOf(
  'conv',
  [
    generator('img', 36, 7, [1, 6, 6]),
    generator('seq', 10, 13, [2, 5]),
    neuron(
      'c1',
      72,
      { type: 'IF', discretisation: 'exact', r: 1, v_threshold: 1, v_reset: 0, bias: 0, v_init: 0 },
      [2, 6, 6],
    ),
    neuron('p1', 18, lifParams('exact', 10, 20, 0), [2, 3, 3]),
    neuron('a1', 8, lifParams('euler', 8, 16, 0), [2, 2, 2]),
    neuron(
      'c2',
      12,
      {
        type: 'CubaLIF',
        discretisation: 'exact',
        tau_mem: 10,
        tau_syn: 5,
        r: 8,
        v_leak: 0,
        v_threshold: 0.2,
        v_reset: 0,
        w_in: 1,
        bias: 0,
        v_init: 0,
      },
      [2, 6],
    ),
    neuron('out', 3, lifParams('exact', 10, 20, 0.01)),
  ],
  [
    project('conv1', 'img', 'c1', {
      connectivity: {
        rule: 'conv2d',
        kernel: { shape: [2, 1, 3, 3], values: weights(18, 0.8, 5) },
        stride: [1, 1],
        padding: [1, 1],
        dilation: [1, 1],
        groups: 1,
      },
    }),
    project('pool1', 'c1', 'p1', {
      connectivity: { rule: 'sum_pool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] },
      delay: { kind: 'constant', steps: 1 },
    }),
    project('avg1', 'p1', 'a1', {
      connectivity: { rule: 'avg_pool2d', kernel_size: [2, 2], stride: [1, 1], padding: [0, 0] },
      weight: { kind: 'constant', value: 2 },
    }),
    project('conv2', 'seq', 'c2', {
      connectivity: {
        rule: 'conv1d',
        kernel: { shape: [2, 2, 2], values: weights(8, 1, 6) },
        stride: 1,
        padding: 1,
        dilation: 1,
        groups: 1,
      },
    }),
    project('dense', 'p1', 'out', { weight: { kind: 'explicit', values: weights(54, 0.7, 8) } }),
  ],
);

const STOCHASTIC_LIF = documentOf(
  'stochastic_lif',
  [
    // Inputs only on even steps: a delta weight lands after the step's integration, so h can
    // cross its threshold only on odd steps (bias < 0 pulls V down otherwise) and no weight
    // ever arrives in a step where h fires. There Spikelab's reset would discard it, while
    // NIR (and nir_neuron) keep it for the next step: the one place the two LIFs differ.
    generator('in', 6, 11, undefined, 2),
    {
      id: 'h',
      size: 5,
      position: { x: 0, y: 0 },
      model: 'stochastic_lif',
      params: {
        v_rest: 0,
        v_reset: -5,
        v_threshold: 15,
        tau_mem: 10,
        resistance: 2,
        noise_std: 0,
        refractory_period: 0,
        bias: -0.5,
        v_init: { kind: 'constant', value: 0 },
      },
    },
  ],
  [
    project('in_h', 'in', 'h', {
      weight: { kind: 'explicit', values: weights(30, 3, 9).map((w) => w + 4) },
    }),
  ],
);

const RANDOM = documentOf(
  'random draws',
  [generator('in', 8, 17), neuron('lif', 6, lifParams('exact', 10, 12, 0))],
  [
    project('drawn', 'in', 'lif', {
      connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: false },
      weight: { kind: 'normal', mean: 0.6, std: 0.3 },
      delay: { kind: 'constant', steps: 1 },
    }),
  ],
);

async function roundTrip(doc: NetworkDocument): Promise<NetworkDocument> {
  const valid = validateDocument(doc);
  if (!valid.ok) throw new Error('invalid document');
  const { graph } = exportNir(doc, { drawn: compile(valid.document) });
  const { graph: read } = await readNirFile(await writeNirFile(graph));
  const back = importNir(read, { dt: doc.run.dt / 1000, timeUnit: 's', discretisation: 'exact' });
  // The inputs' spikes are data NIR does not hold: give the imported generators the same ones.
  const populations = back.document.populations.map((p) => {
    const original = doc.populations.find((q) => q.id === p.id);
    return p.model === 'spike_generator' && original?.model === 'spike_generator' ? original : p;
  });
  return { ...back.document, populations, probes: doc.probes, run: doc.run };
}

async function spikesOf(
  doc: NetworkDocument,
): Promise<Record<string, { steps: number[]; indices: number[] }>> {
  const chunk = await runDocument(doc, createReferenceBackend);
  return Object.fromEntries(
    Object.entries(chunk.spikes).map(([id, b]) => [
      id,
      { steps: Array.from(b.steps), indices: Array.from(b.indices) },
    ]),
  );
}

describe('round trip document -> NIR -> document', () => {
  it.each([
    ['nir_neuron of every spiking type, recurrent, explicit pairs and delays', DENSE],
    ['conv2d, sum and avg pools, conv1d, flatten into a dense layer', CONV],
    ['stochastic_lif with delta synapses (as a NIR LIF, euler)', STOCHASTIC_LIF],
    ['fixed_probability with normal weights, exported as compile drew them', RANDOM],
  ])('%s: the same spikes', async (_, doc) => {
    const before = await spikesOf(doc);
    const after = await spikesOf(await roundTrip(doc));
    for (const [id, s] of Object.entries(before)) {
      if (doc.populations.find((p) => p.id === id)?.model !== 'spike_generator') {
        expect(s.steps.length, `${id} spikes at all`).toBeGreaterThan(3);
      }
    }
    expect(after).toEqual(before);
  });

  it('reports what NIR cannot hold instead of dropping it silently', () => {
    const noisy: NetworkDocument = {
      ...STOCHASTIC_LIF,
      populations: STOCHASTIC_LIF.populations.map((p) =>
        p.model === 'stochastic_lif'
          ? { ...p, params: { ...p.params, noise_std: 0.5, refractory_period: 2 } }
          : p,
      ),
      stimuli: [
        { id: 'kick', kind: 'current_step', target: 'h', start: 0, stop: 10, amplitude: 1 },
      ],
    };
    noisy.projections = [
      ...noisy.projections,
      {
        id: 'random',
        source: 'in',
        target: 'h',
        connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: false },
        weight: { kind: 'normal', mean: 1, std: 0.2 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'delta' },
      },
    ];
    const { graph, report } = exportNir(noisy);
    expect(Object.keys(graph.nodes)).not.toContain('random');
    expect(report.notImported.find((n) => n.node === 'random')?.reason).toBe(
      'normal weights are drawn from the seed at compile; make them explicit first',
    );
    const types = report.notImported.map((n) => `${n.node} ${n.type}`);
    expect(types).toEqual(
      expect.arrayContaining([
        'h stochastic_lif.noise_std',
        'h stochastic_lif.refractory_period',
        'kick stimulus (current_step)',
        'in spike_generator',
      ]),
    );
  });
});
