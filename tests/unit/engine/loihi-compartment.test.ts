/**
 * `stepLoihiCompartment` (the per-neuron form the Verilog compartment is tested against) is
 * `stepLoihi` for one neuron: on random states over the whole range the engine accepts, at
 * its limits, and where `stepLoihi` stops with NumericalError (the same field).
 */
import { describe, expect, it } from 'vitest';
import { NumericalError } from '../../../src/engine/errors.ts';
import { stepLoihi, type LoihiState } from '../../../src/engine/backends/reference/loihi-step.ts';
import {
  type LoihiCompartmentConstants,
  type LoihiCompartmentState,
  loihiDecayStep,
  stepLoihiCompartment,
} from '../../../src/engine/loihi/loihi-compartment.ts';
import { LOIHI_STATE_LIMIT } from '../../../src/engine/plan-loihi.ts';
import { rng } from '../model/random-values.ts';

const LIMIT = LOIHI_STATE_LIMIT;

/** `stepLoihi` on a one-neuron population in state `s`: its result, or the field it stopped on. */
function engineStep(c: LoihiCompartmentConstants, s: LoihiCompartmentState) {
  const state: LoihiState = {
    plan: { model: 'loihi', ...c },
    id: 'p',
    v: Float64Array.of(s.v),
    i: Float64Array.of(s.i),
    iSampled: new Float64Array(1),
    refr: Int32Array.of(s.refr),
    spikedBefore: new Uint8Array(1),
  };
  const spikes = new Uint32Array(1);
  try {
    const count = stepLoihi(state, 0, spikes);
    return {
      state: { v: state.v[0], i: state.i[0], refr: state.refr[0] },
      spiked: count === 1,
      overflow: null,
    };
  } catch (error) {
    if (!(error instanceof NumericalError)) throw error;
    return { overflow: error.variable };
  }
}

/** The pure step, shaped as `engineStep` reports it (no state when the engine stops). */
function pureStep(c: LoihiCompartmentConstants, s: LoihiCompartmentState) {
  const r = stepLoihiCompartment(c, s);
  return r.overflow === null ? r : { overflow: r.overflow };
}

describe('stepLoihiCompartment', () => {
  it('rounds the decay away from zero, as brian2-loihi', () => {
    expect(loihiDecayStep(5, 1)).toBe(1);
    expect(loihiDecayStep(-5, 1)).toBe(-1);
    expect(loihiDecayStep(4096, 4096)).toBe(4096);
    expect(loihiDecayStep(-8191, 2048)).toBe(-4096);
    expect(loihiDecayStep(100, 0)).toBe(0);
  });

  it('worked by hand: integrate with the undecayed I, spike, hold, release', () => {
    const c = { decayV: 2048, decayI: 1024, threshold: 64, refractory: 3 };
    // v: 40 - ceil(40/2) + 30 = 50; I: 30 - ceil(30/4) = 22.
    let r = stepLoihiCompartment(c, { v: 40, i: 30, refr: 0 });
    expect(r).toEqual({ state: { v: 50, i: 22, refr: 0 }, spiked: false, overflow: null });
    // 50 - 25 + 40 = 65 > 64: spike, v = 0, held 2 steps.
    r = stepLoihiCompartment(c, { v: 50, i: 40, refr: 0 });
    expect(r).toEqual({ state: { v: 0, i: 30, refr: 2 }, spiked: true, overflow: null });
    // Held: v kept, I still decays, no threshold test even for a huge I.
    r = stepLoihiCompartment(c, { v: 0, i: 10_000, refr: 2 });
    expect(r).toEqual({ state: { v: 0, i: 7500, refr: 1 }, spiked: false, overflow: null });
    // v = threshold exactly does not spike; -3 loses -ceil(1.5) = -2, towards 0.
    r = stepLoihiCompartment(c, { v: -3, i: 65, refr: 0 });
    expect(r).toEqual({ state: { v: 64, i: 48, refr: 0 }, spiked: false, overflow: null });
  });

  it('equals stepLoihi on 6,000 random states, at the limits and where it stops', () => {
    const random = rng(0x10a1);
    const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const value = () =>
      random() < 0.1 ? pick(-LIMIT - 2, LIMIT + 1) : random() < 0.5 ? pick(-2000, 2000) : 0;
    const stops = { I: 0, v: 0 };
    let spikes = 0;
    for (let n = 0; n < 6000; n++) {
      const c: LoihiCompartmentConstants = {
        decayV: random() < 0.2 ? pick(0, 1) * 4096 : pick(0, 4096),
        decayI: random() < 0.2 ? pick(0, 1) * 4096 : pick(0, 4096),
        threshold: pick(0, 4) === 0 ? 131071 * 64 : pick(0, 200) * 64,
        refractory: pick(1, 64),
      };
      const big = random() < 0.1;
      const s: LoihiCompartmentState = {
        v: big ? (random() < 0.5 ? 1 : -1) * (LIMIT - 1) : value(),
        i: big ? (random() < 0.5 ? 1 : -1) * pick(LIMIT - 2, LIMIT) : value(),
        refr: random() < 0.7 ? 0 : pick(1, 63),
      };
      const want = engineStep(c, s);
      expect(pureStep(c, s), JSON.stringify({ c, s })).toEqual(want);
      if (want.overflow === 'I' || want.overflow === 'v') stops[want.overflow]++;
      else if (want.spiked) spikes++;
    }
    // Both kinds of stop and plenty of spikes are covered.
    expect(stops.I).toBeGreaterThan(50);
    expect(stops.v).toBeGreaterThan(50);
    expect(spikes).toBeGreaterThan(300);
  });
});
