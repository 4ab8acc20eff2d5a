/**
 * Reward-modulated STDP (CONTEXT.md step 5e, `rstdp`) learns a rewarded pairing: inputs A and B
 * each precede a (teacher-forced) post spike by 5 ms, in alternating trials 200 ms apart, and a
 * reward spike follows only the A-post pairings. The eligibility of both synapses rises at their
 * pairings, but only A's meets a reward before it decays, so w_A grows and w_B stays put.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { RstdpRule } from '../../../src/model/document.ts';
import { deltaProjection, generator, makeDocument, postPopulation } from './plasticity-fixtures.ts';

const TRIALS = 20;
const SPACING = 200;
const W0 = 0.1;

const RULE: RstdpRule = {
  rule: 'rstdp',
  a_plus: 0.01,
  a_minus: 0.012,
  tau_plus: 20,
  tau_minus: 20,
  w_min: 0,
  w_max: 0.5,
  tau_eligibility: 40,
  tau_reward: 5,
  reward: { population: 'reward', amount: 1 },
};

function pairingDocument(rewardA: boolean, rewardB: boolean) {
  const preIndices: number[] = [];
  const preTimes: number[] = [];
  const postSteps: number[] = [];
  const rewardTimes: number[] = [];
  for (let k = 0; k < TRIALS; k++) {
    const t = 20 + k * SPACING;
    const isA = k % 2 === 0;
    preIndices.push(isA ? 0 : 1);
    preTimes.push(t);
    postSteps.push(t + 5);
    if ((isA && rewardA) || (!isA && rewardB)) rewardTimes.push(t + 10);
  }
  const plastic = deltaProjection('plastic', 'pre', 'post', 'all_to_all', W0);
  plastic.plasticity = RULE;
  // A weight of 10 delivered at step s makes post spike at s + 1 (see teacherFor).
  const teacher = generator(
    'teacher',
    1,
    postSteps.map(() => 0),
    postSteps.map((s) => s - 1),
  );
  return makeDocument(
    {
      populations: [
        generator('pre', 2, preIndices, preTimes),
        teacher,
        generator(
          'reward',
          1,
          rewardTimes.map(() => 0),
          rewardTimes,
        ),
        postPopulation('post', 1),
      ],
      projections: [plastic, deltaProjection('teach', 'teacher', 'post', 'all_to_all', 10)],
      probes: [
        { id: 'post_spikes', kind: 'spikes', population: 'post' },
        {
          id: 'c',
          kind: 'synapse',
          projection: 'plastic',
          variable: 'eligibility',
          synapses: [0, 1],
        },
      ],
    },
    { dt: 1, duration: 20 + TRIALS * SPACING },
  );
}

async function learn(rewardA: boolean, rewardB: boolean) {
  const sim = await createSimulation(pairingDocument(rewardA, rewardB), { backend: 'reference' });
  const chunk = await sim.step(sim.totalSteps);
  const w = (await sim.learnedWeights()).plastic ?? new Float32Array();
  sim.dispose();
  return { chunk, wA: w[0] ?? NaN, wB: w[1] ?? NaN };
}

describe('R-STDP', () => {
  it('strengthens the rewarded pairing only', async () => {
    const { chunk, wA, wB } = await learn(true, false);
    // Every trial's post spike came from the teacher, at pre + 5 ms.
    expect(Array.from(chunk.spikes.post?.steps ?? [])).toEqual(
      Array.from({ length: TRIALS }, (_, k) => 25 + k * SPACING),
    );
    // Both pairings made their eligibility positive (pre before post).
    const c = chunk.traces.c?.values ?? new Float32Array();
    expect(c[2 * 25]).toBeGreaterThan(0);
    expect(c[2 * (25 + SPACING) + 1]).toBeGreaterThan(0);
    expect(wA - W0).toBeGreaterThan(0.02);
    expect(Math.abs(wB - W0)).toBeLessThan((wA - W0) / 100);
  });

  it('strengthens B instead when B is rewarded', async () => {
    const { wA, wB } = await learn(false, true);
    expect(wB - W0).toBeGreaterThan(0.02);
    expect(Math.abs(wA - W0)).toBeLessThan((wB - W0) / 100);
  });

  it('leaves the weights alone without a reward', async () => {
    const { wA, wB } = await learn(false, false);
    expect(wA).toBe(Math.fround(W0));
    expect(wB).toBe(Math.fround(W0));
  });

  it('weakens a punished pairing', async () => {
    const doc = pairingDocument(true, false);
    const plastic = doc.projections[0];
    if (plastic?.plasticity?.rule !== 'rstdp') throw new Error('fixture');
    plastic.plasticity = { ...plastic.plasticity, reward: { population: 'reward', amount: -1 } };
    const sim = await createSimulation(doc, { backend: 'reference' });
    await sim.step(sim.totalSteps);
    const w = (await sim.learnedWeights()).plastic ?? new Float32Array();
    expect((w[0] ?? NaN) - W0).toBeLessThan(-0.02);
    sim.dispose();
  });
});
