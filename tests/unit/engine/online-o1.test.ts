/**
 * OnlineO1, one synapse: traces worked by hand from the rule's definition (sc-neurocore's
 * `OnlineO1Synapse.step`), every saturation bound, the signed eligibility's decay on its
 * magnitude, and the both-spike potentiation.
 */
import { describe, expect, it } from 'vitest';
import {
  initialOnlineO1State,
  onlineO1Config,
  stepOnlineO1,
} from '../../../src/engine/learning/online-o1.ts';
import type { OnlineO1Config, OnlineO1State } from '../../../src/engine/learning/online-o1.ts';
import { decaySigned, decayUnsigned } from '../../../src/engine/learning/online-o1-step.ts';

type Row = [weight: number, pre: number, post: number, eligibility: number];
type Input = [pre: 0 | 1, post: 0 | 1, reward: number];

function replay(config: OnlineO1Config, w0: number, inputs: readonly Input[]): Row[] {
  let state: OnlineO1State = initialOnlineO1State(config, w0);
  return inputs.map(([pre, post, reward]) => {
    state = stepOnlineO1(config, state, pre === 1, post === 1, reward);
    return [state.weight, state.preTrace, state.postTrace, state.eligibility];
  });
}

// weight in [0, 255]; traces in [0, 15]; eligibility in [-8, 7]; reward in [-8, 7];
// decay loses v >> 2; the weight moves by (reward * eligibility) >> 1.
const SMALL = onlineO1Config({
  weight_bits: 8,
  trace_bits: 4,
  reward_bits: 4,
  learning_shift: 1,
  trace_decay_shift: 2,
});

describe('OnlineO1 step, worked by hand', () => {
  it('follows eight steps of a small configuration', () => {
    const rows = replay(SMALL, 100, [
      // 1. pre spike: pre trace 15; depression = previous post trace 0; e = 0; w = 100.
      [1, 0, 2],
      // 2. post spike: pre 15 - (15>>2 = 3) = 12; post 15; e = 0 + previous pre 15 = 15 -> 7;
      //    w = 100 + (2*7 >> 1 = 7) = 107.
      [0, 1, 2],
      // 3. quiet: pre 12 - 3 = 9; post 15 - 3 = 12; e = 7 - (7>>2 = 1) = 6;
      //    w = 107 + (-3*6 = -18 >> 1 = -9) = 98.
      [0, 0, -3],
      // 4. pre spike: pre 15; post 12 - 3 = 9; e = 6 - 1 - previous post 12 = -7;
      //    w = 98 + (-7 >> 1 = -4, rounded toward minus infinity) = 94.
      [1, 0, 1],
      // 5. quiet: pre 15 - 3 = 12; post 9 - 2 = 7; e = -(7 - (7>>2)) = -6 on the magnitude;
      //    w = 94 + (3*-6 = -18 >> 1 = -9) = 85.
      [0, 0, 3],
      // 6. both spike: traces 15; e = -(6 - 1) + 15 (the maximum, not the previous 12)
      //    - previous post 7 = 3; w = 85 + (-8*3 = -24 >> 1 = -12) = 73.
      [1, 1, -8],
      // 7. reward 100 saturates to 7: pre 12; post 15; e = 3 - 0 + previous pre 15 = 18 -> 7;
      //    w = 73 + (49 >> 1 = 24) = 97.
      [0, 1, 100],
      // 8. reward -100 saturates to -8: pre 9; post 12; e = 7 - 1 = 6; w = 97 - 24 = 73.
      [0, 0, -100],
    ]);
    expect(rows).toEqual([
      [100, 15, 0, 0],
      [107, 12, 15, 7],
      [98, 9, 12, 6],
      [94, 15, 9, -7],
      [85, 12, 7, -6],
      [73, 15, 15, 3],
      [97, 12, 15, 7],
      [73, 9, 12, 6],
    ]);
  });

  it('follows the default configuration through one pairing', () => {
    const config = onlineO1Config();
    // Defaults: traces max 4095, eligibility in [-2048, 2047], shifts 4.
    const rows = replay(config, 100, [
      // pre spike: pre trace 4095; nothing else moves.
      [1, 0, 0],
      // post spike: pre 4095 - 255 = 3840; e = 4095 -> 2047; w = 100 + (16*2047 >> 4) = 2147.
      [0, 1, 16],
      // quiet, no reward: pre 3840 - 240 = 3600; post 4095 - 255 = 3840;
      // e = 2047 - 127 = 1920; w unchanged.
      [0, 0, 0],
    ]);
    expect(rows).toEqual([
      [100, 4095, 0, 0],
      [2147, 3840, 4095, 2047],
      [2147, 3600, 3840, 1920],
    ]);
  });
});

describe('OnlineO1 both-spike potentiation', () => {
  it('potentiates by the full trace when pre and post spike together', () => {
    // A fresh synapse, both spike: the previous pre trace is 0, yet the pairing adds the
    // maximum 15: e = 0 + 15 - previous post 0 = 15 -> 7; w = 100 + (2*7 >> 1) = 107.
    expect(replay(SMALL, 100, [[1, 1, 2]])).toEqual([[107, 15, 15, 7]]);
    // With the previous traces both 12 (one quiet step after a both-spike step with reward
    // 0), a second both-spike step adds 15 and subtracts 12: e = (7 - 1) + 15 - 12 = 9 -> 7,
    // w = 100 + (2*7 >> 1) = 107.
    expect(
      replay(SMALL, 100, [
        [1, 1, 0],
        [0, 0, 0],
        [1, 1, 2],
      ]),
    ).toEqual([
      [100, 15, 15, 7],
      [100, 12, 12, 6],
      [107, 15, 15, 7],
    ]);
  });
});

describe('OnlineO1 saturation', () => {
  it('saturates the initial weight into [0, 2^weight_bits - 1]', () => {
    expect(initialOnlineO1State(SMALL, 300).weight).toBe(255);
    expect(initialOnlineO1State(SMALL, 255).weight).toBe(255);
    expect(initialOnlineO1State(SMALL, -5).weight).toBe(0);
    expect(initialOnlineO1State(SMALL, 1e20).weight).toBe(255);
    expect(initialOnlineO1State(SMALL, 7)).toEqual({
      weight: 7,
      preTrace: 0,
      postTrace: 0,
      eligibility: 0,
    });
  });

  it('holds the weight at its maximum and at 0, and the eligibility at both ends', () => {
    const rows = replay(SMALL, 300, [
      // post: e = 0 + previous pre 0 = 0.
      [0, 1, 0],
      // pre: e = 0 - previous post 15 = -15 -> -8 (the minimum).
      [1, 0, 0],
      // post: e = -(8 - 2) + previous pre 15 = 9 -> 7 (the maximum); w = 255 + 24 -> 255.
      [0, 1, 7],
      // pre: e = (7 - 1) - previous post 15 = -9 -> -8; w = 255 + (-56 >> 1) = 227.
      [1, 0, 7],
    ]);
    expect(rows).toEqual([
      [255, 0, 15, 0],
      [255, 15, 12, -8],
      [255, 12, 15, 7],
      [227, 15, 12, -8],
    ]);
    // From 0, a negative change stays at 0: e = -8 after a pre spike that follows a post one,
    // and a positive reward then gives 7 * -8 >> 1 = -28.
    const atZero = replay(SMALL, -5, [
      [0, 1, 0],
      [1, 0, 7],
    ]);
    expect(atZero).toEqual([
      [0, 0, 15, 0],
      [0, 15, 12, -8],
    ]);
  });

  it('saturates rewards to their signed range on both sides', () => {
    // One post spike after a pre spike leaves e = 7; w moves by (r * 7) >> 1 from 100.
    const after = (reward: number): number =>
      replay(SMALL, 100, [
        [1, 0, 0],
        [0, 1, reward],
      ])[1]?.[0] ?? NaN;
    expect(after(7)).toBe(100 + 24); // 49 >> 1
    expect(after(8)).toBe(100 + 24); // 8 -> 7
    expect(after(2 ** 40)).toBe(100 + 24);
    expect(after(-8)).toBe(100 - 28); // -56 >> 1
    expect(after(-9)).toBe(100 - 28); // -9 -> -8
    expect(after(-(2 ** 40))).toBe(100 - 28);
  });

  it('refuses a non-integer reward or initial weight', () => {
    const s = initialOnlineO1State(SMALL, 0);
    expect(() => stepOnlineO1(SMALL, s, false, false, 1.5)).toThrow(/reward must be an integer/);
    expect(() => initialOnlineO1State(SMALL, Number.NaN)).toThrow(/initial weight/);
  });
});

describe('OnlineO1 decays', () => {
  it('decays the signed eligibility on its magnitude', () => {
    // shift 1: 5 -> 5 - 2 = 3 and -5 -> -(5 - 2) = -3 (not -5 - (-5 >> 1) = -5 + 3 = -2).
    expect(decaySigned(5, 1)).toBe(3);
    expect(decaySigned(-5, 1)).toBe(-3);
    // shift 2: -7 -> -(7 - 1) = -6; -1 -> -(1 - 0) = -1 (a magnitude below 2^shift never decays).
    expect(decaySigned(-7, 2)).toBe(-6);
    expect(decaySigned(-1, 2)).toBe(-1);
    expect(decaySigned(-(2 ** 29), 30)).toBe(-(2 ** 29));
    for (let v = 1; v <= 40; v++) expect(decaySigned(-v, 3)).toBe(-decaySigned(v, 3));
  });

  it('treats a shift of 0 as no decay, for traces and eligibility', () => {
    expect(decayUnsigned(13, 0)).toBe(13);
    expect(decaySigned(-13, 0)).toBe(-13);
    const config = onlineO1Config({ ...SMALL, trace_decay_shift: 0, learning_shift: 0 });
    const rows = replay(config, 0, [
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
      [1, 0, -1],
    ]);
    expect(rows).toEqual([
      [0, 0, 15, 0],
      [0, 15, 15, -8],
      [0, 15, 15, -8], // nothing decays
      [8, 15, 15, -8], // -1 * -8 >> 0 = 8
    ]);
  });

  it('decays traces by v >> shift each quiet step', () => {
    // 4095 with shift 4: 4095 - 255 = 3840, 3840 - 240 = 3600, 3600 - 225 = 3375.
    expect(decayUnsigned(4095, 4)).toBe(3840);
    expect(decayUnsigned(3840, 4)).toBe(3600);
    expect(decayUnsigned(3600, 4)).toBe(3375);
    // A value below 2^shift is kept: the decay is an integer floor.
    expect(decayUnsigned(15, 4)).toBe(15);
  });
});
