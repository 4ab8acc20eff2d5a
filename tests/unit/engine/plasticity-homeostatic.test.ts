/**
 * Homeostatic synaptic scaling (CONTEXT.md step 5e, `homeostatic`): LIF neurons driven by 200
 * Poisson inputs settle near the target rate whether their weights start far too strong or too
 * weak, and each interval's scaling factor stays within [1 - max_change, 1 + max_change].
 */
import { describe, expect, it } from 'vitest';
import { homeostaticUpdate } from '../../../src/engine/plasticity/homeostatic-step.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { HomeostaticRule } from '../../../src/model/document.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';

const f = Math.fround;
const DT = 0.5;
const NEURONS = 20;
const RULE: HomeostaticRule = {
  rule: 'homeostatic',
  target_rate: 10,
  tau: 1000,
  interval: 100,
  max_change: 0.05,
};
const INTERVAL_STEPS = RULE.interval / DT;

async function run(weight: number, durationMs: number) {
  const doc = makeDocument(
    {
      populations: [
        { id: 'in', size: 200, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 20 } },
        lifPopulation('out', NEURONS, tutorialLif({ refractory_period: 2 })),
      ],
      projections: [
        {
          id: 'drive',
          source: 'in',
          target: 'out',
          connectivity: { rule: 'all_to_all', allow_self: true },
          weight: { kind: 'constant', value: weight },
          delay: { kind: 'constant', steps: 0 },
          synapse: { kind: 'delta' },
          plasticity: RULE,
        },
      ],
      probes: [
        { id: 'out_spikes', kind: 'spikes', population: 'out' },
        // Synapse 0 of each row is source 0 into target 0 .. NEURONS-1: row 0 is synapses 0..19.
        { id: 'w', kind: 'synapse', projection: 'drive', variable: 'w', synapses: [0, 1] },
      ],
    },
    { dt: DT, duration: durationMs, seed: 7 },
  );
  const sim = await createSimulation(doc, { backend: 'reference' });
  const chunk = await sim.step(sim.totalSteps);
  sim.dispose();
  return chunk;
}

/** Mean rate of the population over [fromMs, toMs), Hz. */
function rate(steps: Int32Array, fromMs: number, toMs: number): number {
  let n = 0;
  for (const s of steps) if (s * DT >= fromMs && s * DT < toMs) n++;
  return (n / NEURONS / (toMs - fromMs)) * 1000;
}

/** Weight of synapse 0 after each interval, and its ratio to the one before. */
function intervalRatios(values: Float32Array): { before: number; after: number }[] {
  const out: { before: number; after: number }[] = [];
  // Two synapses sampled per step: values[2 * t] is synapse 0 after step t.
  for (let t = INTERVAL_STEPS - 1; 2 * t < values.length; t += INTERVAL_STEPS) {
    const before = t === INTERVAL_STEPS - 1 ? NaN : (values[2 * (t - 1)] ?? NaN);
    out.push({ before, after: values[2 * t] ?? NaN });
  }
  return out;
}

describe('homeostatic scaling', () => {
  it('brings an overdriven population down to within 15 % of the target rate', async () => {
    const chunk = await run(0.2, 20000);
    const steps = chunk.spikes.out?.steps ?? new Int32Array();
    expect(rate(steps, 0, 1000)).toBeGreaterThan(3 * RULE.target_rate);
    const settled = rate(steps, 10000, 20000);
    expect(Math.abs(settled - RULE.target_rate) / RULE.target_rate).toBeLessThan(0.15);
    // Far above the target the factor is clipped at 1 - max_change: exactly, the first time.
    const w = chunk.traces.w?.values ?? new Float32Array();
    const first = w[2 * (INTERVAL_STEPS - 1)];
    expect(first).toBe(f(f(0.2) * f(1 - RULE.max_change)));
  });

  it('brings a silent population up to within 15 % of the target rate', async () => {
    const chunk = await run(0.004, 20000);
    const steps = chunk.spikes.out?.steps ?? new Int32Array();
    expect(rate(steps, 0, 1000)).toBe(0);
    const settled = rate(steps, 10000, 20000);
    expect(Math.abs(settled - RULE.target_rate) / RULE.target_rate).toBeLessThan(0.15);
    // A silent neuron scales up by exactly 1 + max_change per interval.
    const w = chunk.traces.w?.values ?? new Float32Array();
    const up = f(1 + RULE.max_change);
    expect(w[2 * (INTERVAL_STEPS - 1)]).toBe(f(f(0.004) * up));
    expect(w[2 * (2 * INTERVAL_STEPS - 1)]).toBe(f(f(f(0.004) * up) * up));
  });

  it('scales by a factor within [1 - max_change, 1 + max_change] at every interval', async () => {
    const chunk = await run(0.2, 12000);
    const ratios = intervalRatios(chunk.traces.w?.values ?? new Float32Array()).slice(1);
    expect(ratios.length).toBeGreaterThan(50);
    // float32 rounding of w * scale moves the ratio by at most one part in 2^23.
    const low = f(1 - RULE.max_change) * (1 - 2 ** -23);
    const high = f(1 + RULE.max_change) * (1 + 2 ** -23);
    for (const { before, after } of ratios) {
      expect(after / before).toBeGreaterThanOrEqual(low);
      expect(after / before).toBeLessThanOrEqual(high);
    }
    // Both bounds are reached on the way down and back.
    const r = ratios.map(({ before, after }) => after / before);
    expect(Math.min(...r)).toBeLessThan(f(1 - RULE.max_change) * (1 + 2 ** -22));
    expect(Math.max(...r)).toBeGreaterThan(f(1 + RULE.max_change) * (1 - 2 ** -22));
    // Weights change only at interval ends.
    const w = chunk.traces.w?.values ?? new Float32Array();
    expect(w[2 * (INTERVAL_STEPS - 2)]).toBe(f(0.2));
  });
});

describe('homeostaticUpdate', () => {
  const plan = {
    rule: 'homeostatic' as const,
    intervalSteps: 4,
    targetRate: 10,
    rateScale: 250,
    alpha: f(0.5),
    minScale: f(0.9),
    maxScale: f(1.1),
  };

  it('scales each target by its own clipped factor at interval ends only, by hand', () => {
    // Three targets; synapses (CSR order) into targets 0, 1, 2, 0.
    const targets = Uint32Array.of(0, 1, 2, 0);
    const weights = Float32Array.of(1, 2, 3, 4);
    const counts = Int32Array.of(1, 0, 2);
    const estimates = Float32Array.of(-1, -1, 20);
    homeostaticUpdate(plan, counts, estimates, weights, targets, 2);
    expect(Array.from(weights)).toEqual([1, 2, 3, 4]);
    homeostaticUpdate(plan, counts, estimates, weights, targets, 3);
    // Target 0: 1 spike -> 250 Hz, first estimate 250, 10/250 = 0.04 clipped to 0.9.
    // Target 1: silent -> estimate 0 -> 1 + max_change.
    // Target 2: 2 spikes -> 500 Hz; estimate 20 + 0.5 (500 - 20) = 260; 10/260 clipped to 0.9.
    expect(Array.from(estimates)).toEqual([250, 0, 260]);
    expect(Array.from(counts)).toEqual([0, 0, 0]);
    expect(Array.from(weights)).toEqual([f(0.9), f(2 * f(1.1)), f(3 * f(0.9)), f(4 * f(0.9))]);
  });

  it('moves the estimate by alpha toward the rate, and scales by target / estimate in the band', () => {
    const coarse = { ...plan, rateScale: 10 };
    // A silent interval: estimate 10.5 + 0.5 (0 - 10.5) = 5.25; 10 / 5.25 = 1.9 clipped to 1.1.
    const weights = Float32Array.of(1);
    const estimates = Float32Array.of(f(10.5));
    homeostaticUpdate(coarse, Int32Array.of(0), estimates, weights, Uint32Array.of(0), 7);
    expect(estimates[0]).toBe(5.25);
    expect(weights[0]).toBe(f(1.1));
    // One spike (10 Hz): estimate 9.5 + 0.5 (10 - 9.5) = 9.75; factor fround(10 / 9.75), unclipped.
    const near = Float32Array.of(1);
    const e = Float32Array.of(f(9.5));
    homeostaticUpdate(coarse, Int32Array.of(1), e, near, Uint32Array.of(0), 3);
    expect(e[0]).toBe(9.75);
    expect(near[0]).toBe(f(10 / 9.75));
  });
});
