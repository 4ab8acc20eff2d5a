// Short-term plasticity (CONTEXT.md step 3b, Tsodyks-Markram) and the delivery of a projection
// that has it (step 5 with `wEff = w * release[(t - d) mod (maxDelay + 1)][s]`), with the
// reference's f32 operations in its order (backends/reference), so every value is the same.
import {
  J_DC,
  J_DLY,
  J_DST,
  J_REL,
  J_ROW,
  J_RSLOTS,
  J_SKD,
  J_SKF,
  J_SRC,
  J_SU,
  J_TGT,
  J_U,
  J_W,
  J_WC,
  J_X,
  POP_BYTES,
  P_COUNT,
  P_HIST,
  P_HSLOTS,
  P_HWORDS,
  P_LIST,
  P_SIZE,
} from './layout';

/** Bytes of one release slot: an f32 per source, padded to 8 sources as population arrays. */
function slotBytes(size: i32): usize {
  return (<usize>((size + 7) & ~7)) << 2;
}

/**
 * Step 3b for one projection at step t: every source recovers x toward 1 and u toward U (four
 * sources per iteration, lane by lane the scalar operations), then each source that spiked at
 * t (its spike list, ascending) takes the spike's utilisation and release; the release of
 * every source goes to slot t mod (maxDelay + 1) of the ring, 0 for a silent one.
 */
export function stpStep(jd: usize, pops: usize, t: i32): void {
  const pd = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const size = load<i32>(pd + P_SIZE);
  const xp = load<usize>(jd + J_X);
  const up = load<usize>(jd + J_U);
  const U = load<f32>(jd + J_SU);
  const rel = load<usize>(jd + J_REL) + <usize>(t % load<i32>(jd + J_RSLOTS)) * slotBytes(size);
  const one = f32x4.splat(1);
  const Uv = f32x4.splat(U);
  const kd = f32x4.splat(load<f32>(jd + J_SKD));
  const kf = f32x4.splat(load<f32>(jd + J_SKF));
  const zero = f32x4.splat(0);
  // Arrays are padded to 8, so the lanes past the end update padding nobody reads.
  for (let s = 0; s < size; s += 4) {
    const o = (<usize>s) << 2;
    const x = v128.load(xp + o);
    const u = v128.load(up + o);
    v128.store(xp + o, f32x4.add(x, f32x4.mul(kd, f32x4.sub(one, x))));
    v128.store(up + o, f32x4.add(u, f32x4.mul(kf, f32x4.sub(Uv, u))));
    v128.store(rel + o, zero);
  }
  const list = load<usize>(pd + P_LIST);
  const count = load<i32>(pd + P_COUNT);
  for (let k = 0; k < count; k++) {
    const o = (<usize>load<u32>(list + ((<usize>k) << 2))) << 2;
    const u = load<f32>(up + o) + U * (<f32>1 - load<f32>(up + o));
    const x = load<f32>(xp + o);
    const r = u * x;
    store<f32>(up + o, u);
    store<f32>(xp + o, x - r);
    store<f32>(rel + o, r);
  }
}

/** Adds row s's synapses that take `delay` steps (all when the delays are constant), scaled. */
function deliverRow<T>(jd: usize, s: u32, released: f32): void {
  const row = load<usize>(jd + J_ROW) + ((<usize>s) << 2);
  const end = load<u32>(row, 4);
  const tgt = load<usize>(jd + J_TGT);
  const dst = load<usize>(jd + J_DST);
  const wp = load<usize>(jd + J_W);
  if (wp == 0) {
    const w = load<f32>(jd + J_WC) * released;
    for (let k = load<u32>(row); k < end; k++) {
      const p = dst + ((<usize>load<T>(tgt + <usize>k * sizeof<T>())) << 2);
      store<f32>(p, load<f32>(p) + w);
    }
  } else {
    for (let k = load<u32>(row); k < end; k++) {
      const p = dst + ((<usize>load<T>(tgt + <usize>k * sizeof<T>())) << 2);
      store<f32>(p, load<f32>(p) + load<f32>(wp + ((<usize>k) << 2)) * released);
    }
  }
}

/** Row s with per-synapse delays: synapse k fires when s spiked at t - delay[k]. */
function deliverRowDelayed<T>(jd: usize, s: u32, t: i32, pd: usize): void {
  const row = load<usize>(jd + J_ROW) + ((<usize>s) << 2);
  const end = load<u32>(row, 4);
  const tgt = load<usize>(jd + J_TGT);
  const dst = load<usize>(jd + J_DST);
  const wp = load<usize>(jd + J_W);
  const wc = load<f32>(jd + J_WC);
  const dly = load<usize>(jd + J_DLY);
  const hist = load<usize>(pd + P_HIST);
  const slots = load<i32>(pd + P_HSLOTS);
  const words = load<i32>(pd + P_HWORDS);
  const ring = load<usize>(jd + J_REL);
  const rslots = load<i32>(jd + J_RSLOTS);
  const stride = slotBytes(load<i32>(pd + P_SIZE));
  const wordOffset = ((<usize>s) >> 5) << 2;
  const bit: u32 = 1 << (s & 31);
  for (let k = load<u32>(row); k < end; k++) {
    let d: i32;
    let target: usize;
    if (sizeof<T>() == 8) {
      const x = load<u32>(tgt + ((<usize>k) << 2));
      d = <i32>(x >> 24);
      target = <usize>(x & 0xffffff);
    } else {
      d = <i32>load<u8>(dly + <usize>k);
      target = <usize>load<T>(tgt + <usize>k * sizeof<T>());
    }
    if (d > t) continue;
    if ((load<u32>(hist + <usize>(((t - d) % slots) * words) * 4 + wordOffset) & bit) == 0)
      continue;
    const released = load<f32>(ring + <usize>((t - d) % rslots) * stride + ((<usize>s) << 2));
    const p = dst + (target << 2);
    store<f32>(p, load<f32>(p) + (wp == 0 ? wc : load<f32>(wp + ((<usize>k) << 2))) * released);
  }
}

/** Step 5 for one projection with short-term plasticity (J_REL != 0). */
function deliverProjection<T>(jd: usize, pops: usize, t: i32, union: usize): void {
  const pd = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const ring = load<usize>(jd + J_REL);
  const stride = slotBytes(load<i32>(pd + P_SIZE));
  const rslots = load<i32>(jd + J_RSLOTS);
  if (sizeof<T>() != 8 && load<usize>(jd + J_DLY) == 0) {
    const delay = load<i32>(jd + J_DC);
    if (delay > t) return;
    const rel = ring + <usize>((t - delay) % rslots) * stride;
    if (delay == 0) {
      const list = load<usize>(pd + P_LIST);
      const count = load<i32>(pd + P_COUNT);
      for (let k = 0; k < count; k++) {
        const s = load<u32>(list + ((<usize>k) << 2));
        deliverRow<T>(jd, s, load<f32>(rel + ((<usize>s) << 2)));
      }
      return;
    }
    const words = load<i32>(pd + P_HWORDS);
    const base =
      load<usize>(pd + P_HIST) + <usize>(((t - delay) % load<i32>(pd + P_HSLOTS)) * words) * 4;
    for (let w = 0; w < words; w++) {
      let bits = load<u32>(base + ((<usize>w) << 2));
      while (bits != 0) {
        const s = ((<u32>w) << 5) + ctz(bits);
        deliverRow<T>(jd, s, load<f32>(rel + ((<usize>s) << 2)));
        bits &= bits - 1;
      }
    }
    return;
  }
  // Per-synapse delays: every source that spiked in any remembered step, ascending.
  const hist = load<usize>(pd + P_HIST);
  const slots = load<i32>(pd + P_HSLOTS);
  const words = load<i32>(pd + P_HWORDS);
  const bytes = (<usize>words) << 2;
  memory.copy(union, hist, bytes);
  for (let s = 1; s < slots; s++) {
    const src = hist + <usize>s * bytes;
    for (let o: usize = 0; o < bytes; o += 4)
      store<u32>(union + o, load<u32>(union + o) | load<u32>(src + o));
  }
  for (let w = 0; w < words; w++) {
    let bits = load<u32>(union + ((<usize>w) << 2));
    while (bits != 0) {
      deliverRowDelayed<T>(jd, ((<u32>w) << 5) + ctz(bits), t, pd);
      bits &= bits - 1;
    }
  }
}

/** Step 5 for a projection with short-term plasticity; J_WIDE as `deliver`'s. */
export function deliverReleased(jd: usize, pops: usize, t: i32, union: usize, wide: i32): void {
  if (wide == 0) deliverProjection<u16>(jd, pops, t, union);
  else if (wide == 1) deliverProjection<u32>(jd, pops, t, union);
  else deliverProjection<u64>(jd, pops, t, union);
}

/** Whether projection jd has short-term plasticity. */
export function hasStp(jd: usize): bool {
  return load<usize>(jd + J_REL) != 0;
}
