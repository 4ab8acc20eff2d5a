/**
 * An OnlineO1 projection (CONTEXT.md step 5e, `online_o1`) against `stepMany` replayed on the
 * run's own spike trains: the pre spike of synapse e at step t is its source's spike at
 * t - d_e, the post spike its target's at t, the reward `amount` times the reward population's
 * spikes at t. Weights, traces and eligibility must agree at every step, and the delivered
 * weight must be `weight * weight_scale`.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import { onlineO1Config } from '../../../src/engine/learning/online-o1-config.ts';
import { createOnlineO1Population, stepMany } from '../../../src/engine/learning/online-o1-many.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { NetworkDocument, OnlineO1Rule, Probe } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/validate.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';

const f = Math.fround;
const RULE: OnlineO1Rule = {
  rule: 'online_o1',
  weight_bits: 8,
  trace_bits: 6,
  reward_bits: 4,
  learning_shift: 2,
  trace_decay_shift: 1,
  weight_scale: 0.01,
  reward: { population: 'reward', amount: 3 },
};
/**
 * 6 x 3 synapses. -0.5 saturates to 0, 3 to 255, 0.005 / 0.01 is exactly 0.5 in float32 and
 * rounds up to 1, 0.0149 to 1, 0.0151 to 2.
 */
const WEIGHTS = [
  -0.5, 0.005, 3, 0.0149, 0.0151, 0.5, 1, 1.2, 0.3, 0.77, 2, 0.05, 0.6, 0.6, 0.6, 0.01, 2.5, 0.9,
];
const VARIABLES = ['w', 'pre_trace', 'post_trace', 'eligibility'] as const;

function onlineDocument(): NetworkDocument {
  const probes: Probe[] = [
    { id: 'pre_spikes', kind: 'spikes', population: 'pre' },
    { id: 'post_spikes', kind: 'spikes', population: 'post' },
    { id: 'reward_spikes', kind: 'spikes', population: 'reward' },
    ...VARIABLES.map((variable): Probe => ({
      id: variable,
      kind: 'synapse',
      projection: 'learn',
      variable,
      synapses: WEIGHTS.map((_, e) => e),
    })),
  ];
  return makeDocument(
    {
      populations: [
        { id: 'pre', size: 6, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 150 } },
        { id: 'reward', size: 2, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 60 } },
        lifPopulation('post', 3, tutorialLif({ bias: 0.15 })),
      ],
      projections: [
        {
          id: 'learn',
          source: 'pre',
          target: 'post',
          connectivity: { rule: 'all_to_all', allow_self: true },
          weight: { kind: 'explicit', values: WEIGHTS },
          delay: { kind: 'uniform_int', low: 0, high: 2 },
          synapse: { kind: 'delta' },
          plasticity: RULE,
        },
      ],
      probes,
    },
    { dt: 1, duration: 400, seed: 5 },
  );
}

/** spiked[t][i] for a population's spike block. */
function spikeMatrix(
  block: { steps: Int32Array; indices: Uint32Array } | undefined,
  steps: number,
  size: number,
) {
  const m = Array.from({ length: steps }, () => new Uint8Array(size));
  block?.steps.forEach((t, k) => {
    const row = m[t];
    if (row) row[block.indices[k] ?? 0] = 1;
  });
  return m;
}

describe('OnlineO1 projection', () => {
  it('starts from saturate(round(w / weight_scale)) and delivers weight * weight_scale', () => {
    const doc = onlineDocument();
    const validated = validateDocument(doc);
    if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
    const pr = compile(validated.document).projections[0];
    const rule = pr?.plasticity?.rule;
    if (rule?.rule !== 'online_o1') throw new Error('no online_o1 plan');
    expect(Array.from(rule.initialWeights.slice(0, 6))).toEqual([0, 1, 255, 1, 2, 50]);
    expect(rule.weightScale).toBe(f(0.01));
    expect(rule.reward).toEqual({ population: 1, amount: 3 });
    const weights = pr?.csr.weights;
    expect(weights).toBeInstanceOf(Float32Array);
    expect(Array.from(weights as Float32Array)).toEqual(
      Array.from(rule.initialWeights, (w) => f(w * f(0.01))),
    );
  });

  it.each(['reference', 'wasm'] as const)(
    'equals stepMany replayed on the run spikes, step by step (%s)',
    async (backend) => {
      const doc = onlineDocument();
      const sim = await createSimulation(doc, { backend });
      expect(sim.backend).toBe(backend);
      const chunk = await sim.step(sim.totalSteps);
      const learned = (await sim.learnedWeights()).learn;
      sim.dispose();
      const steps = sim.totalSteps;
      const validated = validateDocument(doc);
      if (!validated.ok) throw new Error('invalid');
      const csr = compile(validated.document).projections[0]?.csr;
      if (!csr || !(csr.delays instanceof Uint8Array))
        throw new Error('per-synapse delays expected');
      const pre = spikeMatrix(chunk.spikes.pre, steps, 6);
      const post = spikeMatrix(chunk.spikes.post, steps, 3);
      const reward = spikeMatrix(chunk.spikes.reward, steps, 2);
      // The network does something worth checking: spikes of all three kinds, and a saturated reward.
      expect(chunk.spikes.post?.steps.length).toBeGreaterThan(20);
      expect(reward.some((r) => r[0] === 1 && r[1] === 1)).toBe(true);

      const n = WEIGHTS.length;
      const scale = f(RULE.weight_scale);
      const initial = WEIGHTS.map((w) => Math.min(255, Math.max(0, Math.round(f(w) / scale))));
      const state = createOnlineO1Population(
        onlineO1Config({
          weight_bits: RULE.weight_bits,
          trace_bits: RULE.trace_bits,
          reward_bits: RULE.reward_bits,
          learning_shift: RULE.learning_shift,
          trace_decay_shift: RULE.trace_decay_shift,
        }),
        n,
        initial,
      );
      const preOf = new Uint8Array(n);
      const postOf = new Uint8Array(n);
      const values = VARIABLES.map((v) => chunk.traces[v]?.values ?? new Float32Array());
      for (let t = 0; t < steps; t++) {
        for (let s = 0; s < 6; s++) {
          for (let e = csr.rowPtr[s] ?? 0; e < (csr.rowPtr[s + 1] ?? 0); e++) {
            const from = t - (csr.delays[e] ?? 0);
            preOf[e] = from >= 0 ? (pre[from]?.[s] ?? 0) : 0;
            postOf[e] = post[t]?.[csr.targets[e] ?? 0] ?? 0;
          }
        }
        const k = (reward[t]?.[0] ?? 0) + (reward[t]?.[1] ?? 0);
        stepMany(state, preOf, postOf, RULE.reward.amount * k);
        const expected = [
          Array.from(state.weight, (w) => f(w * scale)),
          Array.from(state.preTrace),
          Array.from(state.postTrace),
          Array.from(state.eligibility),
        ];
        VARIABLES.forEach((_, v) => {
          expect(Array.from(values[v]?.subarray(t * n, (t + 1) * n) ?? [])).toEqual(expected[v]);
        });
      }
      expect(Array.from(learned ?? [])).toEqual(Array.from(state.weight, (w) => f(w * scale)));
      // It learned: weights moved, and the one that started saturated stayed within range.
      expect(Array.from(state.weight)).not.toEqual(initial);
      expect(Math.max(...state.weight)).toBeLessThanOrEqual(255);
    },
  );
});
