/**
 * The reference backend's plasticity as a runner: chunking does not change a run, a reset
 * starts it over, `learnedWeights` is a copy and the plan's weights stay the initial ones, STP
 * releases travel through the delay ring, and the memory estimate counts the plastic state.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { ReferenceRunner } from '../../../src/engine/backends/reference/runner.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { estimateMemory, measurePlan } from '../../../src/engine/compile/memory-estimate.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { NetworkDocument, Projection } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/validate.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { generator } from './plasticity-fixtures.ts';

function validated(doc: NetworkDocument): NetworkDocument {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
}

/** Poisson -> LIF with STDP, STP and per-synapse delays, plus an exponential R-STDP projection. */
function mixedDocument(): NetworkDocument {
  const stdp: Projection = {
    id: 'stdp',
    source: 'in',
    target: 'out',
    connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: true },
    weight: { kind: 'uniform', low: 0.05, high: 0.3 },
    delay: { kind: 'uniform_int', low: 0, high: 3 },
    synapse: { kind: 'delta' },
    plasticity: {
      rule: 'stdp',
      a_plus: 0.01,
      a_minus: 0.012,
      tau_plus: 10,
      tau_minus: 10,
      w_min: 0,
      w_max: 0.4,
    },
    stp: { U: 0.4, tau_d: 100, tau_f: 30 },
  };
  const rstdp: Projection = {
    id: 'rstdp',
    source: 'in',
    target: 'out',
    connectivity: { rule: 'all_to_all', allow_self: true },
    weight: { kind: 'constant', value: 0.2 },
    delay: { kind: 'constant', steps: 1 },
    synapse: { kind: 'exponential', tau: 5 },
    plasticity: {
      rule: 'rstdp',
      a_plus: 0.02,
      a_minus: 0.02,
      tau_plus: 15,
      tau_minus: 15,
      w_min: -1,
      w_max: 1,
      tau_eligibility: 50,
      tau_reward: 10,
      reward: { population: 'critic', amount: 0.5 },
    },
  };
  return makeDocument(
    {
      populations: [
        { id: 'in', size: 20, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 80 } },
        { id: 'critic', size: 1, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 20 } },
        lifPopulation('out', 8, tutorialLif({ tau_mem: 10, bias: 0.02 })),
      ],
      projections: [stdp, rstdp],
      probes: [
        { id: 'out_spikes', kind: 'spikes', population: 'out' },
        { id: 'w', kind: 'synapse', projection: 'stdp', variable: 'w', synapses: [0, 5, 9] },
        { id: 'c', kind: 'synapse', projection: 'rstdp', variable: 'eligibility', synapses: [3] },
      ],
    },
    { dt: 0.5, duration: 300, seed: 11 },
  );
}

function runIn(runner: ReferenceRunner, total: number, chunk: number): Chunk {
  const chunks: Chunk[] = [];
  for (let done = 0; done < total; done += chunk) {
    chunks.push(runner.runSync(Math.min(chunk, total - done)));
  }
  return mergeChunks(chunks);
}

function comparable(chunk: Chunk) {
  return {
    spikes: chunk.spikes,
    traces: chunk.traces,
  };
}

describe('reference plasticity runner', () => {
  it('gives the same run in one chunk or in chunks of 7 steps, and after a reset', async () => {
    const plan = compile(validated(mixedDocument()));
    const whole = new ReferenceRunner(plan);
    const a = runIn(whole, plan.totalSteps, plan.totalSteps);
    const chunked = new ReferenceRunner(plan);
    const b = runIn(chunked, plan.totalSteps, 7);
    expect(comparable(b)).toEqual(comparable(a));
    expect(await chunked.learnedWeights(0)).toEqual(await whole.learnedWeights(0));
    expect(await chunked.learnedWeights(1)).toEqual(await whole.learnedWeights(1));
    // The weights did learn, and the spikes depend on it.
    const initial = plan.projections[0]?.csr.weights;
    expect(Array.from(await whole.learnedWeights(0))).not.toEqual(
      Array.from(initial as Float32Array),
    );
    await whole.reset();
    const again = runIn(whole, plan.totalSteps, 50);
    expect(comparable(again)).toEqual(comparable(a));
  });

  it('leaves the plan weights as drawn and returns copies', async () => {
    const plan = compile(validated(mixedDocument()));
    const before = Float32Array.from(plan.projections[0]?.csr.weights as Float32Array);
    const runner = new ReferenceRunner(plan);
    runner.runSync(plan.totalSteps);
    expect(plan.projections[0]?.csr.weights).toEqual(before);
    const copy = await runner.learnedWeights(0);
    copy.fill(123);
    expect((await runner.learnedWeights(0))[0]).not.toBe(123);
    // A second runner on the same plan starts from the drawn weights.
    const second = new ReferenceRunner(plan);
    second.runSync(1);
    const one = new ReferenceRunner(compile(validated(mixedDocument())));
    one.runSync(1);
    expect(await second.learnedWeights(0)).toEqual(await one.learnedWeights(0));
  });

  it('reports learned weights of rule and structural projections only', async () => {
    const doc = mixedDocument();
    const stpOnly: Projection = { ...(doc.projections[0] as Projection), id: 'stp_only' };
    delete stpOnly.plasticity;
    doc.projections.push(stpOnly);
    const sim = await createSimulation(doc, { backend: 'reference' });
    await sim.step(10);
    expect(Object.keys(await sim.learnedWeights())).toEqual(['stdp', 'rstdp']);
    sim.dispose();
  });
});

describe('backends', () => {
  it('the gpu backend refuses STP, naming the projection and the feature; auto runs it', async () => {
    const doc = mixedDocument();
    await expect(createSimulation(doc, { backend: 'cpu' })).rejects.toThrow(
      "projection 'stdp': short-term plasticity (STP) runs on the reference and wasm backends",
    );
    const sim = await createSimulation(doc, { backend: 'auto' });
    expect(['reference', 'wasm']).toContain(sim.backend);
    sim.dispose();
  });
});

describe('STP through delays', () => {
  it('delivers each release d steps later, per synapse', async () => {
    // One source firing every 7 ms into 12 readers (tau_mem = dt: V is what arrived this step).
    const doc = makeDocument(
      {
        populations: [
          generator('train', 1, [0], [0]),
          lifPopulation('reader', 12, tutorialLif({ tau_mem: 1, v_threshold: 100 })),
        ],
        projections: [
          {
            id: 'stp',
            source: 'train',
            target: 'reader',
            connectivity: { rule: 'all_to_all', allow_self: true },
            weight: { kind: 'constant', value: 1 },
            delay: { kind: 'uniform_int', low: 0, high: 5 },
            synapse: { kind: 'delta' },
            stp: { U: 0.2, tau_d: 30, tau_f: 80 },
          },
        ],
        probes: [
          {
            id: 'v',
            kind: 'state',
            population: 'reader',
            variable: 'v',
            neurons: Array.from({ length: 12 }, (_, j) => j),
          },
        ],
      },
      { dt: 1, duration: 60 },
    );
    const train = doc.populations[0];
    if (train?.model === 'spike_generator') train.params.period = 7;
    const plan = compile(validated(doc));
    const delays = plan.projections[0]?.csr.delays;
    if (!(delays instanceof Uint8Array)) throw new Error('per-synapse delays expected');
    expect(new Set(delays).size).toBeGreaterThan(2);
    const sim = await createSimulation(doc, { backend: 'reference' });
    const v = (await sim.step(sim.totalSteps)).traces.v?.values ?? new Float32Array();
    sim.dispose();
    // The releases of the train, worked step by step (CONTEXT.md step 3b).
    const f = Math.fround;
    const [U, kd, kf] = [f(0.2), f(1 / 30), f(1 / 80)];
    let x = 1;
    let u = U;
    const release = new Map<number, number>();
    for (let t = 0; t < 60; t++) {
      x = f(x + f(kd * f(1 - x)));
      u = f(u + f(kf * f(U - u)));
      if (t % 7 === 0) {
        u = f(u + f(U * f(1 - u)));
        const rel = f(u * x);
        x = f(x - rel);
        release.set(t, rel);
      }
    }
    for (let j = 0; j < 12; j++) {
      const d = delays[j] ?? 0;
      for (let t = 0; t < 60; t++) {
        expect(v[t * 12 + j]).toBe(release.get(t - d) ?? 0);
      }
    }
  });
});

describe('memory estimate', () => {
  it('counts weights, traces, homeostatic and STP state', () => {
    const base = mixedDocument();
    const plain = structuredClone(base);
    plain.probes = [];
    for (const p of plain.projections) {
      delete p.plasticity;
      delete p.stp;
    }
    const diff = estimateMemory(base).totalBytes - estimateMemory(plain).totalBytes;
    // stdp: 0.5 * 20 * 8 = 80 expected synapses x 8 B traces (uniform weights are already per
    // synapse) + STP 20 sources x (8 + 4 x 4 slots); rstdp: 160 synapses x (4 B weight + 12 B).
    expect(diff).toBe(80 * 8 + 20 * (8 + 4 * 4) + 160 * 16);
    const homeostatic = structuredClone(plain);
    const h = homeostatic.projections[1];
    if (h)
      h.plasticity = {
        rule: 'homeostatic',
        target_rate: 5,
        tau: 100,
        interval: 10,
        max_change: 0.1,
      };
    expect(estimateMemory(homeostatic).totalBytes - estimateMemory(plain).totalBytes).toBe(
      160 * 4 + 8 * 8,
    );
    // The plan's own accounting agrees for the deterministic projection.
    const plan = compile(validated(homeostatic));
    const planPlain = compile(validated(plain));
    expect(measurePlan(plan) - measurePlan(planPlain)).toBe(160 * 4 + 8 * 8);
  });
});
