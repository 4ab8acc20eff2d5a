/**
 * Loihi populations and Loihi synapses on the gpu backend's Node modes (gpu.js cpu and webasm)
 * against the reference, bit for bit: every spike and every probed v and I of every step, with
 * 2D and flat kernel arrays, device calls of several lengths and chunks that are not multiples
 * of them; on every brian2-loihi vector case (checked against the vectors too), on a network
 * mixing Loihi with Poisson, generator and LIF populations, and on overflows of I and v.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { createOnMode, type GpuRunnerOptions } from '../../../src/engine/backends/gpu/index.ts';
import { stepSources } from '../../../src/engine/backends/gpu/kernels.ts';
import { KIND, POP, buildLayout } from '../../../src/engine/backends/gpu/layout.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { cubaDocument } from './fixtures/documents.ts';
import { dynapsimMixed } from './fixtures/dynapsim-networks.ts';
import { allCasesDocument, casePrefix } from './fixtures/loihi-all-cases.ts';
import { LOIHI_CASES } from './fixtures/loihi-documents.ts';
import { mixedLoihiNetwork, overflowNetwork } from './fixtures/loihi-gpu-networks.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';
import { scLayer, scParams } from './wasm-sc-documents.ts';

function planOf(doc: NetworkDocument): Plan {
  const valid = validateDocument(doc);
  if (!valid.ok) throw new Error(valid.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return compile(valid.document);
}

/** Device calls of one and several steps, chunks that are not multiples of them, 2D and flat. */
const VARIANTS: [string, 'cpu' | 'webasm', GpuRunnerOptions, number][] = [
  ['cpu, one step per call', 'cpu', { callLengths: [1] }, 500],
  ['cpu, flat arrays, calls of 16/4', 'cpu', { flatArrays: true, callLengths: [16, 4] }, 37],
  ['webasm, calls of 64/16/4', 'webasm', {}, 300],
  ['webasm, flat arrays, calls of 7', 'webasm', { flatArrays: true, callLengths: [7] }, 23],
  ['webasm, calls of 64, no gather unrolling', 'webasm', { gatherUnroll: 1 }, 101],
];

/** Rows [t][neuron] of a state probe over the first `steps` steps. */
function rows(chunk: Chunk, probe: string, width: number, steps: number): number[][] {
  const block = chunk.traces[probe];
  if (!block) throw new Error(`no probe ${probe}`);
  return Array.from({ length: steps }, (_, k) =>
    Array.from(block.values.subarray(k * width, (k + 1) * width)),
  );
}

/** Spikes of a population before `steps`, as [neuron, step] sorted by step then neuron. */
function spikes(chunk: Chunk, population: string, steps: number): [number, number][] {
  const block = chunk.spikes[population];
  if (!block) throw new Error(`no spikes of ${population}`);
  const out = Array.from(block.steps, (t, k): [number, number] => [block.indices[k] ?? -1, t]);
  return out.filter(([, t]) => t < steps).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/** Every group of every case against brian2-loihi's own numbers. */
function expectVectors(chunk: Chunk): void {
  LOIHI_CASES.forEach((c, k) => {
    c.groups.forEach((g, n) => {
      const want = c.expected[n];
      if (!want) throw new Error(`case ${c.name}: no expectation for group ${n}`);
      const id = `${casePrefix(k)}g${n}`;
      expect(rows(chunk, `${id}_v`, g.size, c.duration), `${c.name}: v of g${n}`).toEqual(want.v);
      expect(rows(chunk, `${id}_i`, g.size, c.duration), `${c.name}: I of g${n}`).toEqual(want.I);
      const byTime = [...want.spikes].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      expect(spikes(chunk, id, c.duration), `${c.name}: spikes of g${n}`).toEqual(byTime);
    });
  });
}

/**
 * The mixed network with SC rates layers reading a Loihi population and a LIF one (trace rows
 * beside the Loihi branch of deliver). A layer reading a Loihi population sees its spikes one
 * step late: step 5b of step t reads the Loihi spikes of t-1, as step 5c makes t's after it.
 */
function withScLayers(): NetworkDocument {
  const doc = mixedLoihiNetwork(4, 150);
  const rates = (id: string, source: string, channels: number) =>
    scLayer(
      id,
      3,
      scParams(channels, {
        inputs: { kind: 'rates', source, tau: 10 },
        x_max: 0.05,
        y_max: 1,
        length: 64,
      }),
    );
  doc.populations.push(rates('fromInh', 'inh', 17), rates('fromLif', 'lif', 19));
  doc.probes.push(
    { id: 's_fromLif', kind: 'spikes', population: 'fromLif' },
    { id: 'i_fromInh', kind: 'state', population: 'fromInh', variable: 'i_syn', neurons: [0] },
    { id: 'i_fromLif', kind: 'state', population: 'fromLif', variable: 'i_syn', neurons: [0] },
  );
  return doc;
}

/**
 * Loihi beside DynapSim (the other chip model: its rows, its slot-0 Isyn and its per-neuron
 * constants in one layout with Loihi's branch): both mixed networks side by side, and the Loihi
 * population `exc` driving the DynapSim population `E` through dpi synapses.
 */
function withDynapsim(): NetworkDocument {
  const doc = dynapsimMixed(150);
  const loihi = mixedLoihiNetwork(5, 150);
  doc.populations.push(...loihi.populations);
  doc.projections.push(...loihi.projections, {
    id: 'exc_E',
    source: 'exc',
    target: 'E',
    connectivity: { rule: 'fixed_probability', p: 0.2, allow_self: false },
    weight: { kind: 'constant', value: 0.3 },
    delay: { kind: 'uniform_int', low: 0, high: 3 },
    synapse: { kind: 'dpi' },
  });
  doc.probes.push(...loihi.probes);
  return doc;
}

function describeNetwork(name: string, build: () => NetworkDocument, vectors: boolean): void {
  describe(name, () => {
    const plan = planOf(build());
    let expected: Promise<Chunk> | undefined;
    const want = (): Promise<Chunk> =>
      (expected ??= runChunks(createReferenceBackend, plan, plan.totalSteps));

    it('is not trivial: Loihi populations spike, and their I moves', async () => {
      const ref = await want();
      const loihi = plan.populations.filter((p) => p.model.model === 'loihi');
      const spiking = loihi.filter((p) => (ref.spikes[p.id]?.steps.length ?? 0) >= 3);
      // Many vector cases never reach threshold on purpose (weights that truncate to 0,
      // inhibitory input): their v and I are still compared.
      expect(spiking.length).toBeGreaterThanOrEqual(vectors ? 10 : loihi.length);
      const moving = plan.probes.filter((p) => {
        const values = ref.traces[p.id]?.values ?? [];
        return p.kind === 'state' && p.variable === 'i_syn' && values.some((x) => x !== 0);
      });
      const iProbes = plan.probes.filter((p) => p.kind === 'state' && p.variable === 'i_syn');
      expect(moving.length).toBeGreaterThan(iProbes.length * 0.75);
    });

    for (const [label, mode, options, chunk] of VARIANTS) {
      it(`${label}: identical to the reference`, async () => {
        const factory = () => createOnMode(plan, mode, options);
        const got = await runChunks(factory, plan, chunk);
        expectIdentical(got, await want());
        if (vectors) expectVectors(got);
      });
    }
  });
}

describe('Loihi on the gpu backend (Node modes), bit for bit', () => {
  describeNetwork(
    "every brian2-loihi vector case (and brian2-loihi's numbers)",
    allCasesDocument,
    true,
  );
  describeNetwork(
    'Loihi among Poisson, generator and LIF populations, seed 1',
    () => mixedLoihiNetwork(1),
    false,
  );
  describeNetwork(
    'Loihi among Poisson, generator and LIF populations, seed 2',
    () => mixedLoihiNetwork(2),
    false,
  );
  describeNetwork(
    'the mixed network with SC rates layers reading Loihi and LIF',
    withScLayers,
    false,
  );
  describeNetwork('the mixed network beside DynapSim, Loihi driving DynapSim', withDynapsim, false);
});

describe('the SC rates layer reading the Loihi population inh', () => {
  it('is driven by its spikes from two steps after the first (reference)', async () => {
    const plan = planOf(withScLayers());
    const ref = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    const first = ref.spikes.inh?.steps[0] ?? Infinity;
    const isc = Array.from(ref.traces.i_fromInh?.values ?? []);
    // Spike at `first`, trace up in step 5b of first + 1, read by step 1b of first + 2.
    expect(isc.findIndex((x) => x !== 0)).toBeGreaterThanOrEqual(first + 2);
    expect(isc.filter((x) => x !== 0).length).toBeGreaterThan(plan.totalSteps / 2);
  });
});

describe('an overflow of I or v (|x| reaching 2^24)', () => {
  for (const variable of ['I', 'v'] as const) {
    it(`${variable}: the reference's NumericalError (step, neuron, variable, value)`, async () => {
      const plan = planOf(overflowNetwork(variable));
      const failure = async (factory: () => Promise<{ run(n: number): Promise<Chunk> }>) => {
        const runner = await factory();
        const error: unknown = await runner.run(plan.totalSteps).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(NumericalError);
        const n = error as NumericalError;
        return [n.population, n.step, n.neuron, n.variable, n.value];
      };
      const ref = await failure(() => createReferenceBackend(plan));
      expect(ref.slice(0, 1).concat(ref.slice(3))).toEqual(['big', variable, expect.any(Number)]);
      // Within a call of several steps, not at its first step, and not at neuron 0.
      expect(ref[1]).toBeGreaterThan(4);
      for (const mode of ['cpu', 'webasm'] as const) {
        for (const flatArrays of [false, true]) {
          for (const callLengths of [[16, 4], [64], [1]]) {
            const got = await failure(() => createOnMode(plan, mode, { callLengths, flatArrays }));
            expect(got, `${mode} ${callLengths.join('/')} flat ${flatArrays}`).toEqual(ref);
          }
        }
      }
    });
  }
});

describe('Loihi device layout', () => {
  it('gives Loihi neurons kind 6 and their constants in the LIF fields, no rows of their own', () => {
    const plan = planOf(mixedLoihiNetwork(1));
    const layout = buildLayout(plan);
    const exc = plan.populations.findIndex((p) => p.id === 'exc');
    const field = (f: number): number => layout.params[exc * layout.popStride + f] ?? NaN;
    expect(layout.loihi).toBe(true);
    expect([field(POP.kind), field(POP.vThreshold), field(POP.refractorySteps)]).toEqual([
      KIND.loihi,
      600 * 64,
      2,
    ]);
    expect([field(POP.leak), field(POP.rdt)]).toEqual([300, 900]);
    expect(layout.historyRow).toBe(2 + layout.slots);
    const src = stepSources(layout, plan.populations.length);
    expect(src.loihi).toContain('let sw = 0;');
    expect(src.deliver).toContain('function (S, M, L, P)');
  });

  it('a plan without Loihi populations gets no Loihi kernel, argument or branch', () => {
    const plan = compile(cubaDocument(1, 10));
    for (const flat of [false, true]) {
      const layout = buildLayout(plan, 64, flat);
      expect(layout.loihi).toBe(false);
      const src = stepSources(layout, plan.populations.length);
      expect(src.loihi).toBeNull();
      expect(src.deliver).toContain('function (S, M, P) {');
      expect(src.deliver).toContain('const flag =');
      expect(src.deliver).not.toContain('L[j]');
      expect(src.neuron).not.toContain(`kind === ${KIND.loihi}`);
    }
  });
});
