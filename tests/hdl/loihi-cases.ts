/**
 * The Loihi compartment bench's grid of widths (the same entries, in the same order, as
 * `hdl/tb/tb_loihi_compartment.v`, which echoes them so the test can check), its vectors
 * (corner cases, then random ones) and the engine's expected outputs from
 * `stepLoihiCompartment`.
 */
import { rng } from '../unit/model/random-values.ts';
import { stepLoihiCompartment } from '../../src/engine/loihi/loihi-compartment.ts';
import { LOIHI_STATE_LIMIT } from '../../src/engine/plan-loihi.ts';

/** VW = width of v and I, RW = width of the refractory counter. */
export const LOIHI_GRID: readonly { vw: number; rw: number }[] = [
  { vw: 25, rw: 7 },
  { vw: 32, rw: 16 },
];

/** The largest threshold the model allows: threshold_v_mant 131071 times 2^6. */
const THRESHOLD_MAX = 131071 * 64;
/** The model's refractory range. */
const REFRACTORY_MAX = 64;
const LIMIT = LOIHI_STATE_LIMIT;

/**
 * One vector: a grid entry, a compartment's state and its population's constants. With `chain`
 * the bench takes v and refr from the entry's previous outputs (the fields here are then the
 * engine's copy, for messages; the file carries zeros instead, so a bench that read them would
 * fail).
 */
export interface LoihiVector {
  cfg: number;
  chain: boolean;
  v: number;
  i: number;
  refr: number;
  decayV: number;
  decayI: number;
  threshold: number;
  refractory: number;
}

/** The vector file's words for one vector, in the bench's field order. */
export function loihiWords(x: LoihiVector): number[] {
  const [v, refr] = x.chain ? [0, 0] : [x.v, x.refr];
  return [x.cfg, x.chain ? 1 : 0, v, x.i, refr, x.decayV, x.decayI, x.threshold, x.refractory];
}

/**
 * What the bench must write for one vector. `overflow` is 0, 1 (I: |I| >= 2^24, which the
 * engine checks first) or 2 (v: the new v reaches 2^24); where it is nonzero the engine stops
 * with NumericalError, so the other fields are null (not compared) on both sides.
 */
export interface LoihiRecord {
  overflow: number;
  v: number | null;
  i: number | null;
  refr: number | null;
  spike: number | null;
}

/** The engine's result for one vector. */
export function loihiExpected(x: LoihiVector): LoihiRecord {
  const r = stepLoihiCompartment(x, { v: x.v, i: x.i, refr: x.refr });
  if (r.overflow !== null) {
    return { overflow: r.overflow === 'I' ? 1 : 2, v: null, i: null, refr: null, spike: null };
  }
  return { overflow: 0, v: r.state.v, i: r.state.i, refr: r.state.refr, spike: r.spiked ? 1 : 0 };
}

/**
 * The bench's record from its output words: the overflow bits {v, I} become the engine's one
 * field (I first, as the engine checks it first), and a flagged record keeps only that.
 */
export function loihiRecord(
  v: number,
  i: number,
  refr: number,
  spike: number,
  overflow: number,
): LoihiRecord {
  const code = overflow & 1 ? 1 : overflow & 2 ? 2 : 0;
  if (code !== 0) return { overflow: code, v: null, i: null, refr: null, spike: null };
  return { overflow: 0, v, i, refr, spike };
}

/**
 * The hand-picked cases of one grid entry: the largest states the engine accepts, the first
 * values it stops on (both fields, also while held), the ceil of the decay on negative values,
 * the full and the zero decay, the threshold met exactly, and the refractory ends.
 */
function cornerCases(cfg: number, vw: number): LoihiVector[] {
  const base: LoihiVector = {
    cfg,
    chain: false,
    v: 0,
    i: 0,
    refr: 0,
    decayV: 0,
    decayI: 0,
    threshold: THRESHOLD_MAX,
    refractory: 1,
  };
  const cases: LoihiVector[] = [
    // Both at the largest magnitude the engine accepts, no decay: u = 2^25 - 2 stops (field v);
    // opposite signs cancel; a full decay leaves I alone in u.
    { ...base, v: LIMIT - 1, i: LIMIT - 1 },
    { ...base, v: -(LIMIT - 1), i: -(LIMIT - 1) },
    { ...base, v: LIMIT - 1, i: -(LIMIT - 1), decayI: 4096 },
    { ...base, v: -(LIMIT - 1), i: LIMIT - 1, decayV: 4096, decayI: 4096, threshold: 0 },
    // u = 2^24 - 1 exactly (accepted) and u = 2^24 (stops), both signs.
    { ...base, v: LIMIT - 2, i: 1 },
    { ...base, v: LIMIT - 1, i: 1 },
    { ...base, v: -(LIMIT - 2), i: -1 },
    { ...base, v: -(LIMIT - 1), i: -1 },
    // I = -2^24 fits 25 bits and stops the engine, also while held.
    { ...base, i: -LIMIT },
    { ...base, i: -LIMIT, refr: 3 },
    // The ceil: the smallest decay still takes 1 from +-1; 4095/4096 of -1 is -1.
    { ...base, v: -1, i: -1, decayV: 1, decayI: 1, threshold: 0 },
    { ...base, v: 1, i: 1, decayV: 4095, decayI: 4095 },
    { ...base, v: -4097, i: 4097, decayV: 1, decayI: 4095 },
    // The threshold met exactly does not spike; one more does; threshold 0 and v = 1 spikes.
    { ...base, v: 100, i: 28, threshold: 128, refractory: 64 },
    { ...base, v: 100, i: 29, threshold: 128, refractory: 64 },
    { ...base, v: 0, i: 1, threshold: 0, refractory: 1 },
    { ...base, v: THRESHOLD_MAX, i: 1, threshold: THRESHOLD_MAX, refractory: 2 },
    // Refractory: the last held step, the longest hold, a hold that ignores a huge I.
    { ...base, refr: 1, v: 0, i: 5000, decayI: 2048, threshold: 0 },
    { ...base, refr: REFRACTORY_MAX - 1, v: 0, i: LIMIT - 1, threshold: 0 },
    // A held neuron keeps the largest v (an unheld one above 2^23 always spikes).
    { ...base, refr: 2, v: LIMIT - 1, i: -(LIMIT - 1) },
  ];
  if (vw > 25) {
    // Only a wider register carries an I past the limit to the flag: the first ones, the widest.
    const top = 2 ** (vw - 1);
    cases.push(
      { ...base, i: LIMIT },
      { ...base, i: LIMIT, refr: 2 },
      { ...base, i: -LIMIT - 1 },
      { ...base, i: top - 1, decayI: 4096 },
      { ...base, i: -top, decayI: 4096 },
    );
  }
  return cases;
}

/** A uniform whole number in [lo, hi]. */
function pick(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/** A random vector of one grid entry. */
function randomVector(random: () => number, cfg: number, vw: number): LoihiVector {
  // v: the whole accepted range, or modest values near a modest threshold so that some spike.
  const small = () => pick(random, -20_000, 20_000);
  const whole = () => pick(random, -(LIMIT - 1), LIMIT - 1);
  // I: as v, and in a wide register now and then past the limit, up to the register's end.
  const wide = vw > 25 && random() < 0.05;
  const iTop = 2 ** (vw - 1);
  const decay = () => (random() < 0.15 ? (random() < 0.5 ? 0 : 4096) : pick(random, 0, 4096));
  return {
    cfg,
    chain: false,
    v: random() < 0.7 ? small() : whole(),
    i: wide ? pick(random, -iTop, iTop - 1) : random() < 0.7 ? small() : whole(),
    refr: random() < 0.7 ? 0 : pick(random, 1, REFRACTORY_MAX - 1),
    decayV: decay(),
    decayI: decay(),
    threshold: random() < 0.8 ? pick(random, 0, 400) * 64 : pick(random, 0, 131071) * 64,
    refractory: pick(random, 1, REFRACTORY_MAX),
  };
}

/** Every grid entry's corner cases, then `perEntry` random vectors of each, interleaved. */
export function loihiVectors(seed: number, perEntry: number): LoihiVector[] {
  const random = rng(seed);
  const out = LOIHI_GRID.flatMap(({ vw }, cfg) => cornerCases(cfg, vw));
  for (let n = 0; n < perEntry; n++) {
    LOIHI_GRID.forEach(({ vw }, cfg) => out.push(randomVector(random, cfg, vw)));
  }
  return out;
}
