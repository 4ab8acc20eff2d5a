// Steps 1b and 5b of CONTEXT.md for `sc_dense` layers: the SC current of a step (one bit of
// `pre AND weight` per channel, counted and looked up), computed once per layer and step and
// shared by its neurons, and the rates traces that feed a layer from another population's
// spikes. Four channels per iteration: the draws are the integer hashes of random.ts, so lanes
// change nothing; channel arrays are padded to four with weight threshold 0 (never active).
import {
  POP_BYTES,
  P_COUNT,
  P_HIST,
  P_HSLOTS,
  P_HWORDS,
  P_LIST,
  P_MODEL,
  P_SC,
  MODEL_SC,
  S_DECAY,
  S_GAIN,
  S_INKEYS,
  S_INVRANGE,
  S_ISC,
  S_LENGTH,
  S_NCH,
  S_RATES,
  S_SOURCE,
  S_TABLE,
  S_THR,
  S_TRACE,
  S_WKEYS,
  S_WTHR,
  S_XMIN,
} from './layout';
import { MODEL_LOIHI } from './loihi';
import { mix32x4 } from './random';

/** `draw24(stepKey(key_c, i), 0)` of four channels: `mix32(mix32(key ^ i) + 0) >>> 8`. */
function bits24x4(keys: usize, o: usize, i: v128): v128 {
  return i32x4.shr_u(mix32x4(mix32x4(v128.xor(v128.load(keys + o), i))), 8);
}

/**
 * The rates threshold of four traces, float32 per operation as CONTEXT.md writes it:
 * `q = min(1, max(0, (r - xMin) * invRange)) * 2^24`, then `q` itself from 2^23 up (already an
 * integer) and `floor(q + 0.5)` below (exact there), i.e. round half up.
 */
function ratesThreshold4(r: v128, xMin: v128, invRange: v128): v128 {
  const u = f32x4.mul(f32x4.sub(r, xMin), invRange);
  const p = f32x4.min(f32x4.splat(1), f32x4.max(f32x4.splat(0), u));
  const q = f32x4.mul(p, f32x4.splat(16777216));
  const rounded = f32x4.floor(f32x4.add(q, f32x4.splat(0.5)));
  return v128.bitselect(q, rounded, f32x4.ge(q, f32x4.splat(8388608)));
}

/**
 * Step 1b: `Isc` of step t for the layer at `pd`, also stored at S_ISC for the probes. Draws
 * are below 2^24 and thresholds at most 2^24, so both compare exactly as i32 or as f32.
 */
export function scCurrent(pd: usize, t: i32): f32 {
  const sd = load<usize>(pd + P_SC);
  const m = load<i32>(sd + S_NCH);
  const i = i32x4.splat(t % load<i32>(sd + S_LENGTH));
  const inKeys = load<usize>(sd + S_INKEYS);
  const wKeys = load<usize>(sd + S_WKEYS);
  const wThr = load<usize>(sd + S_WTHR);
  let k = 0;
  if (load<i32>(sd + S_RATES) == 0) {
    const thr = load<usize>(sd + S_THR);
    for (let c = 0; c < m; c += 4) {
      const o = (<usize>c) << 2;
      const pre = i32x4.lt_s(bits24x4(inKeys, o, i), v128.load(thr + o));
      const w = i32x4.lt_s(bits24x4(wKeys, o, i), v128.load(wThr + o));
      k += popcnt(i32x4.bitmask(v128.and(pre, w)));
    }
  } else {
    const trace = load<usize>(sd + S_TRACE);
    const xMin = f32x4.splat(load<f32>(sd + S_XMIN));
    const invRange = f32x4.splat(load<f32>(sd + S_INVRANGE));
    for (let c = 0; c < m; c += 4) {
      const o = (<usize>c) << 2;
      const thr = ratesThreshold4(v128.load(trace + o), xMin, invRange);
      const pre = f32x4.lt(f32x4.convert_i32x4_s(bits24x4(inKeys, o, i)), thr);
      const w = i32x4.lt_s(bits24x4(wKeys, o, i), v128.load(wThr + o));
      k += popcnt(i32x4.bitmask(v128.and(pre, w)));
    }
  }
  const current = load<f32>(load<usize>(sd + S_TABLE) + ((<usize>k) << 2));
  store<f32>(sd + S_ISC, current);
  return current;
}

/**
 * Step 5b for one layer: decay every trace, then add `gain` for each source spike of step t (of
 * step t-1 for a Loihi source, which makes its spikes of step t only in step 5c).
 */
function updateTraces(sd: usize, pops: usize, t: i32): void {
  const m = load<i32>(sd + S_NCH);
  const trace = load<usize>(sd + S_TRACE);
  const decay = f32x4.splat(load<f32>(sd + S_DECAY));
  // Padding lanes hold 0 and stay 0.
  for (let o: usize = 0, end = (<usize>m) << 2; o < end; o += 16) {
    v128.store(trace + o, f32x4.mul(v128.load(trace + o), decay));
  }
  const gain = load<f32>(sd + S_GAIN);
  const src = pops + <usize>(load<i32>(sd + S_SOURCE) * POP_BYTES);
  if (load<i32>(src + P_MODEL) == MODEL_LOIHI) {
    if (t > 0) addLaggedLoihi(trace, m, src, t - 1, gain);
    return;
  }
  const list = load<usize>(src + P_LIST);
  const count = load<i32>(src + P_COUNT);
  for (let k = 0; k < count; k++) {
    const s = load<u32>(list + ((<usize>k) << 2));
    if (s >= <u32>m) continue;
    const p = trace + ((<usize>s) << 2);
    store<f32>(p, load<f32>(p) + gain);
  }
}

/**
 * Adds `gain` to the traces of the Loihi source's neurons that spiked at step `step`, read from
 * its history bitmap (history.ts keeps two slots for such a source): its spike list already
 * belongs to step t. Channel c is neuron c; each trace gets at most one add, so the order of
 * the bits does not matter.
 */
function addLaggedLoihi(trace: usize, m: i32, src: usize, step: i32, gain: f32): void {
  const words = load<i32>(src + P_HWORDS);
  const base = load<usize>(src + P_HIST) + <usize>((step % load<i32>(src + P_HSLOTS)) * words) * 4;
  for (let w = 0; w < words; w++) {
    let bits = load<u32>(base + ((<usize>w) << 2));
    while (bits != 0) {
      const c = (w << 5) + <i32>ctz(bits);
      bits &= bits - 1;
      if (c >= m) return;
      const p = trace + ((<usize>c) << 2);
      store<f32>(p, load<f32>(p) + gain);
    }
  }
}

/** Step 5b at step t: the rates traces of every sc_dense layer that has rates inputs. */
export function updateAllTraces(pops: usize, npops: i32, t: i32): void {
  for (let p = 0; p < npops; p++) {
    const pd = pops + <usize>(p * POP_BYTES);
    if (load<i32>(pd + P_MODEL) != MODEL_SC) continue;
    const sd = load<usize>(pd + P_SC);
    if (load<i32>(sd + S_RATES) != 0) updateTraces(sd, pops, t);
  }
}
