// The stochastic decay of Loihi learning traces (CONTEXT.md step 5d (c)): per trace, for every
// synapse, `n = x * (1 - 1/tau); i = trunc(n); x = i + (n - i > U ? 1 : 0)` in f64, with
// U = uniformFromBits(draw24(stepKey(key, t), e)), exactly as the reference computes it.
import { mix32, mix32x4 } from './random';

const TWO_M24: f64 = 1.0 / 16777216.0;

/** One trace's decay for synapse e (the scalar form of decayTrace's lanes). */
function decayOne(tr: usize, e: u32, factor: f64, sk: u32): void {
  const x = <f64>load<u8>(tr + <usize>e);
  // n - i > U never holds for x = 0 (U >= 0), so that draw is skipped.
  if (x == 0) return;
  const n = x * factor;
  const i = Math.trunc(n);
  const up = n - i > <f64>(mix32(sk + e) >> 8) * TWO_M24 ? 1.0 : 0.0;
  store<u8>(tr + <usize>e, <u8>(<i32>(i + up)));
}

/**
 * Lanes 0 and 1 of the i32 traces `x` and draws `bits`: `i + (n - i > U ? 1 : 0)` as i32 in
 * lanes 0 and 1 (2 and 3 zero).
 */
function decayLanes(x: v128, bits: v128, f: v128): v128 {
  const n = f64x2.mul(f64x2.convert_low_i32x4_u(x), f);
  const i = f64x2.trunc(n);
  const u = f64x2.mul(f64x2.convert_low_i32x4_u(bits), f64x2.splat(TWO_M24));
  const up = f64x2.gt(f64x2.sub(n, i), u);
  return i32x4.trunc_sat_f64x2_u_zero(f64x2.add(i, v128.and(up, f64x2.splat(1.0))));
}

/**
 * (c) for one trace of every synapse: `n = x * factor; i = trunc(n); x = i + (n - i > U)`,
 * four synapses per iteration (f64x2 twice: the scalar's operations lane by lane, so the same
 * values), the draws hashed four lanes at a time; four zero traces stay zero.
 */
export function decayTrace(tr: usize, count: u32, factor: f64, sk: u32): void {
  const f = f64x2.splat(factor);
  const lanes = i32x4(0, 1, 2, 3);
  let e: u32 = 0;
  for (; e + 4 <= count; e += 4) {
    const packed = v128.load32_zero(tr + <usize>e);
    if (i32x4.extract_lane(packed, 0) == 0) continue;
    const x = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(packed));
    const bits = i32x4.shr_u(mix32x4(i32x4.add(i32x4.splat(<i32>(sk + e)), lanes)), 8);
    const lo = decayLanes(x, bits, f);
    const hi = decayLanes(
      v128.shuffle<i32>(x, x, 2, 3, 0, 1),
      v128.shuffle<i32>(bits, bits, 2, 3, 0, 1),
      f,
    );
    const both = v128.shuffle<i32>(lo, hi, 0, 1, 4, 5);
    const bytes = i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(both, both), both);
    v128.store32_lane(tr + <usize>e, bytes, 0);
  }
  for (; e < count; e++) decayOne(tr, e, factor, sk);
}
