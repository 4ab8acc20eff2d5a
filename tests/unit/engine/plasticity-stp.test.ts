/**
 * Tsodyks-Markram short-term plasticity (CONTEXT.md step 3b) against its steady state for a
 * regular train.
 *
 * Derivation. Per step, with kd = dt/tau_d and kf = dt/tau_f:
 *   x <- 1 - (1 - kd)(1 - x),   u <- U - (1 - kf)(U - u),
 * and at a spike, after that: u <- u + U(1 - u), rel = u x, x <- x - rel = x(1 - u).
 * Let a spike come every T steps and (u+, x+) be the state just after a spike. The next spike
 * step first applies T recoveries, so with A = (1 - kd)^T and B = (1 - kf)^T:
 *   x- = 1 - A(1 - x+),   u- = U - B(U - u+),   u+' = U + (1 - U) u-,   x+' = x-(1 - u+').
 * The fixed point of u:   u+ = U + (1 - U)(U(1 - B) + B u+)
 *                         u+ = U (1 + (1 - U)(1 - B)) / (1 - (1 - U) B);
 * of x, with x+ = x-(1 - u+):   x- = 1 - A + A x-(1 - u+)   =>   x- = (1 - A) / (1 - A(1 - u+));
 * and the steady release is rel = u+ x-. As dt -> 0, A -> exp(-T dt / tau_d) and
 * B -> exp(-T dt / tau_f): the same formula with those is the continuous-time model's steady
 * state (u relaxing to U, resources to 1 between spikes).
 *
 * The release is read as the target's V: a LIF with tau_mem = dt (its leak takes V back to
 * v_rest = 0 each step) and a delta synapse of weight 1, so V after step 5 is exactly the release.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { ShortTermPlasticity } from '../../../src/model/document.ts';
import { lifPopulation, tutorialLif } from './fixtures/documents.ts';
import { deltaProjection, generator, makeDocument } from './plasticity-fixtures.ts';

const STP: ShortTermPlasticity = { U: 0.3, tau_d: 50, tau_f: 100 };
const PERIOD_MS = 20;
const SPIKES = 60;

function steadyRelease(A: number, B: number, U: number): number {
  const u = (U * (1 + (1 - U) * (1 - B))) / (1 - (1 - U) * B);
  const x = (1 - A) / (1 - A * (1 - u));
  return u * x;
}

/** Release at each spike of a regular train, read from the target's V. */
async function releases(
  dt: number,
  backend: 'reference' | 'wasm' = 'reference',
): Promise<number[]> {
  const stp = deltaProjection('stp', 'train', 'reader', 'one_to_one', 1);
  stp.stp = STP;
  const doc = makeDocument(
    {
      populations: [
        generator('train', 1, [0], [0]),
        lifPopulation('reader', 1, tutorialLif({ tau_mem: dt, v_threshold: 100 })),
      ],
      projections: [stp],
      probes: [{ id: 'v', kind: 'state', population: 'reader', variable: 'v', neurons: [0] }],
    },
    { dt, duration: PERIOD_MS * SPIKES },
  );
  const train = doc.populations[0];
  if (train?.model === 'spike_generator') train.params.period = PERIOD_MS;
  const sim = await createSimulation(doc, { backend });
  const chunk = await sim.step(sim.totalSteps);
  sim.dispose();
  const v = chunk.traces.v?.values ?? new Float32Array();
  const T = Math.round(PERIOD_MS / dt);
  return Array.from({ length: SPIKES }, (_, n) => v[n * T] ?? NaN);
}

describe('Tsodyks-Markram short-term plasticity', () => {
  it('releases U + U(1 - U) at the first spike, from rest', async () => {
    const rel = await releases(0.5);
    // At rest x = 1 and u = U; the spike raises u by U(1 - U) and releases u * 1.
    const f = Math.fround;
    const U = f(STP.U);
    expect(rel[0]).toBe(f(U + f(U * f(1 - U))));
    // Between spikes the target is empty again (no release, no spike).
    expect(rel.every((r) => r > 0 && r < 1)).toBe(true);
  });

  it.each(['reference', 'wasm'] as const)(
    'settles on the fixed point of the discrete map (%s)',
    async (backend) => {
      const dt = 0.1;
      const T = Math.round(PERIOD_MS / dt);
      const kd = Math.fround(dt / STP.tau_d);
      const kf = Math.fround(dt / STP.tau_f);
      const expected = steadyRelease((1 - kd) ** T, (1 - kf) ** T, Math.fround(STP.U));
      const rel = await releases(dt, backend);
      const last = rel[SPIKES - 1] ?? NaN;
      expect(Math.abs(last - expected) / expected).toBeLessThan(5e-6);
      // A depressing synapse at this rate: the train's release falls from the first spike's.
      expect(last).toBeLessThan((rel[0] ?? 0) * 0.8);
    },
  );

  it('approaches the continuous-time steady state as dt shrinks', async () => {
    const continuous = steadyRelease(
      Math.exp(-PERIOD_MS / STP.tau_d),
      Math.exp(-PERIOD_MS / STP.tau_f),
      STP.U,
    );
    const errors: number[] = [];
    for (const dt of [0.5, 0.05]) {
      const rel = await releases(dt);
      errors.push(Math.abs((rel[SPIKES - 1] ?? NaN) - continuous) / continuous);
    }
    const [coarse = NaN, fine = NaN] = errors;
    // First order in dt: ten times smaller dt, about ten times smaller error.
    expect(fine).toBeLessThan(coarse / 5);
    expect(fine).toBeLessThan(1e-3);
  });
});
