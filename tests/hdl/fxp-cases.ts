/**
 * The fixed-point bench's grid of widths (the same entries, in the same order, as
 * `hdl/tb/tb_fxp_lif_update.v`, which echoes them so the test can check), its vectors (corner
 * cases, then random ones) and the engine's expected outputs from `fixedLifStep`, `fixedDecay`
 * and `fixedDeliver`.
 */
import { rng } from '../unit/model/random-values.ts';
import {
  type FixedLifConstants,
  fixedDecay,
  fixedDeliver,
  fixedLifStep,
  fixedRange,
} from '../../src/engine/fixed-point/fixed-lif-step.ts';

/** W = total bits, S = scale bits: every W of the contract's ends and middle, four S each. */
export const FXP_GRID: readonly { w: number; s: number }[] = [8, 16, 24].flatMap((w) =>
  [1, 5, 12, 16].map((s) => ({ w, s })),
);

/** Width of the bench's refractory counter (its RW). */
export const REFR_BITS = 16;

/** One vector: a grid entry, a neuron's step inputs and one channel's update inputs. */
export interface FxpVector {
  cfg: number;
  v: number;
  i: number;
  refr: number;
  leak: number;
  gain: number;
  vRest: number;
  vReset: number;
  vThreshold: number;
  refractorySteps: number;
  current: number;
  decay: number;
  weight: number;
}

/** The vector file's words for one vector, in the bench's field order. */
export function fxpWords(x: FxpVector): number[] {
  return [
    x.cfg,
    x.v,
    x.i,
    x.refr,
    x.leak,
    x.gain,
    x.vRest,
    x.vReset,
    x.vThreshold,
    x.refractorySteps,
    x.current,
    x.decay,
    x.weight,
  ];
}

/** What the bench must write for one vector. */
export interface FxpRecord {
  v: number;
  refr: number;
  spike: number;
  decayed: number;
  delivered: number;
}

/** The engine's constants for a vector (F only names units; it changes no arithmetic). */
export function fxpConstants(x: FxpVector): FixedLifConstants {
  const { w, s } = FXP_GRID[x.cfg] ?? { w: 0, s: 0 };
  return {
    totalBits: w,
    fractionBits: Math.min(8, w - 2),
    scaleBits: s,
    vRest: x.vRest,
    vReset: x.vReset,
    vThreshold: x.vThreshold,
    leak: x.leak,
    gain: x.gain,
    refractorySteps: x.refractorySteps,
  };
}

/** The engine's result for one vector. */
export function fxpExpected(x: FxpVector): FxpRecord {
  const c = fxpConstants(x);
  const step = fixedLifStep(c, { v: x.v, refr: x.refr }, x.i);
  return {
    v: step.state.v,
    refr: step.state.refr,
    spike: step.spiked ? 1 : 0,
    decayed: fixedDecay(x.current, x.decay, c.scaleBits),
    delivered: fixedDeliver(x.current, x.weight, c.totalBits),
  };
}

/**
 * The hand-picked cases of one grid entry: both saturation bounds, floor shifts of negative
 * products (-1 stays -1), the threshold met exactly, the refractory hold and its ends, and the
 * extreme multipliers.
 */
function cornerCases(cfg: number, w: number, s: number): FxpVector[] {
  const { min, max } = fixedRange(w);
  const one = 2 ** s;
  const gainMax = 2 ** (s + 8);
  const refrMax = 2 ** REFR_BITS - 1;
  const base: FxpVector = {
    cfg,
    v: 0,
    i: 0,
    refr: 0,
    leak: one >> 1,
    gain: one,
    vRest: 0,
    vReset: 0,
    vThreshold: max,
    refractorySteps: 3,
    current: 0,
    decay: one,
    weight: 0,
  };
  return [
    // Saturation at the top: V and I at the maximum, the largest gain.
    { ...base, v: max, i: max, gain: gainMax, leak: 0, current: max, weight: max },
    // ... and at the bottom, with a threshold that cannot be met.
    { ...base, v: min, i: min, gain: gainMax, leak: 0, current: min, weight: min },
    // The largest leak pulls V from the minimum towards a rest at the maximum.
    { ...base, v: min, vRest: max, leak: one, i: max, gain: gainMax, vThreshold: max },
    // Floor of negative products: (V - vRest) = -1 and I = -1 with the smallest multipliers.
    { ...base, v: -1, vRest: 0, leak: 1, i: -1, gain: 1, vThreshold: max, current: -1 },
    { ...base, v: min + 1, vRest: min + 2, leak: 1, i: -3, gain: 1, current: -3, decay: 1 },
    // A current of -1 never decays to 0; the full decay keeps it; decay 0 clears it.
    { ...base, current: -1, decay: one - 1 },
    { ...base, current: min, decay: one },
    { ...base, current: max, decay: 0 },
    // The threshold met exactly (V = 0, leak 0, I * gain >> S = I): spike and reset.
    { ...base, v: 0, leak: 0, i: 5, gain: one, vThreshold: 5, vReset: min, refractorySteps: 0 },
    { ...base, v: 0, leak: 0, i: 4, gain: one, vThreshold: 5, vReset: min, refractorySteps: 1 },
    { ...base, v: 0, leak: 0, i: 5, gain: one, vThreshold: 5, refractorySteps: refrMax },
    // The threshold at the minimum: every unheld step spikes.
    { ...base, v: min, i: min, leak: one, vRest: min, vThreshold: min, refractorySteps: 2 },
    // Refractory: the last held step, a long hold, and a hold that ignores a huge input.
    { ...base, refr: 1, v: 7, i: max, gain: gainMax, vThreshold: 0 },
    { ...base, refr: refrMax, v: min, i: max, gain: gainMax, vThreshold: min },
  ];
}

/** A uniform whole number in [lo, hi]. */
function pick(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/** A random vector of one grid entry, from the whole range of every input. */
function randomVector(random: () => number, cfg: number, w: number, s: number): FxpVector {
  const { min, max } = fixedRange(w);
  const value = () => pick(random, min, max);
  // Half the gains near 1.0 (2^S) so that V moves by modest steps and spikes sometimes.
  const gain = random() < 0.5 ? pick(random, 0, 2 ** (s + 8)) : pick(random, 0, 2 ** (s + 1));
  const small = Math.max(1, Math.floor(max / 8));
  return {
    cfg,
    v: value(),
    i: random() < 0.5 ? value() : pick(random, -small, small),
    refr: random() < 0.7 ? 0 : pick(random, 1, 2 ** REFR_BITS - 1),
    leak: pick(random, 0, 2 ** s),
    gain,
    vRest: random() < 0.5 ? value() : pick(random, -small, small),
    vReset: value(),
    vThreshold: random() < 0.5 ? value() : pick(random, 0, small),
    refractorySteps: random() < 0.5 ? pick(random, 0, 4) : pick(random, 0, 2 ** REFR_BITS - 1),
    current: value(),
    decay: pick(random, 0, 2 ** s),
    weight: value(),
  };
}

/** Every grid entry's corner cases, then `perEntry` random vectors of each, interleaved. */
export function fxpVectors(seed: number, perEntry: number): FxpVector[] {
  const random = rng(seed);
  const out = FXP_GRID.flatMap(({ w, s }, cfg) => cornerCases(cfg, w, s));
  for (let n = 0; n < perEntry; n++) {
    FXP_GRID.forEach(({ w, s }, cfg) => out.push(randomVector(random, cfg, w, s)));
  }
  return out;
}
