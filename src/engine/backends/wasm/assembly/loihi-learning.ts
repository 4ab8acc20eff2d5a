// Step 5d of CONTEXT.md: Loihi learning projections (brian2-loihi's `LoihiSynapses` with traces
// and `dw`), synapse by synapse in CSR order, then the traces' decay (loihi-trace-decay.ts), in
// f64 with the same operations in the same order as the reference
// (backends/reference/loihi-learning.ts), so w, wAct and every trace are bit-identical. The
// updated wAct is the projection's weight array, which step 5 of the next step delivers.
import {
  E_KIND,
  E_SLOT,
  E_SYNAPSE,
  H_ERRNEURON,
  H_ERRPOP,
  H_ERRPROJ,
  H_ERRSYNAPSE,
  H_ERRVALUE,
  H_ERRVAR,
  H_LEARNS,
  H_NLEARN,
  J_DC,
  J_DLY,
  J_ROW,
  J_SRC,
  J_TGT,
  J_WIDE,
  LEARN_BYTES,
  LR_CODE,
  LR_DECAY,
  LR_IMPULSE,
  LR_INDEX,
  LR_KEYS,
  LR_NCODE,
  LR_PRECISION,
  LR_PROBES,
  LR_PROJ,
  LR_QUIET,
  LR_SCALE,
  LR_STACK,
  LR_TARGET,
  LR_TRACES,
  LR_VARS,
  LR_W,
  LR_WACT,
  LR_WHIGH,
  LR_WLOW,
  POP_BYTES,
  PROBE_ENTRY_BYTES,
  P_HIST,
  P_HSLOTS,
  P_HWORDS,
  P_SIZE,
  SYN_TRACE,
  SYN_W,
  SYN_WACT,
} from './layout';
import { mix32, stepKey } from './random';
import { decayTrace } from './loihi-trace-decay';

// Rule code (host: RULE_CODE in learning-rule.ts): the opcode in the low 4 bits, an operand's
// byte offset above the variables' address in the rest.
const K_PUSH: i32 = 0;
const K_ADD: i32 = 1;
const K_SUB: i32 = 2;
const K_MUL: i32 = 3;
const K_NEG: i32 = 4;
const K_SIGN: i32 = 5;
const K_ADD_OPERAND: i32 = 6;
const K_SUB_OPERAND: i32 = 7;
const K_MUL_OPERAND: i32 = 8;

/** Byte offsets of x0, y0, u0 and w in the variables (LOIHI_RULE_VARIABLES order, f64 each). */
const V_X0: usize = 0;
const V_Y0: usize = 3 << 3;
const V_U0: usize = 7 << 3;
const V_W: usize = 17 << 3;
/** Step keys of the six streams (x1, x2, y1, y2, y3, dw) at the step being learned. */
const KEYS: usize = memory.data(24);
/** History slot of t - d of the source, per delay d (at most 255 + the Loihi source's 1). */
const SLOTS: usize = memory.data(257 * 4);

const TRACE_MAX: i32 = 127;
/** brian2-loihi's weight limit, 2^21 - 2^6. */
const WACT_LIMIT: f64 = 2097088;
const TWO_M24: f64 = 1.0 / 16777216.0;
/** H_ERRVAR of a non-finite dw (host: ERR_DW in learning-image.ts). */
export const ERR_DW: i32 = -6;

/** Math.sign: 1, -1, or the argument itself (0, -0, NaN). */
function sign(x: f64): f64 {
  return x > 0 ? 1.0 : x < 0 ? -1.0 : x;
}

/** uniformFromBits(draw24(stepKey, e)) of random.ts. */
function uniform(stepKeyValue: u32, e: u32): f64 {
  return <f64>(mix32(stepKeyValue + e) >> 8) * TWO_M24;
}

/** Address of population pd's history slot of step `step`, or 0 when step < 0. */
function slotOf(pd: usize, step: i32): usize {
  if (step < 0) return 0;
  const words = load<i32>(pd + P_HWORDS);
  return load<usize>(pd + P_HIST) + <usize>((step % load<i32>(pd + P_HSLOTS)) * words) * 4;
}

/** Whether bit n of a history slot is set; slot 0 (before step 0) has none. */
function isSet(slot: usize, n: u32): bool {
  if (slot == 0) return false;
  return (load<u32>(slot + (((<usize>n) >> 5) << 2)) & (1 << (n & 31))) != 0;
}

/**
 * The rule on an accumulator: `acc` is the top of the stack, the values under it are spilled to
 * `stack`; each operation is the reference's, on the same operands in the same order.
 */
function evaluate(code: usize, n: i32, stack: usize, vars: usize): f64 {
  let acc: f64 = 0;
  let sp = stack;
  for (let i = 0; i < n; i++) {
    const word = load<i32>(code + ((<usize>i) << 2));
    const operand = vars + <usize>(word >>> 4);
    switch (word & 15) {
      case K_PUSH:
        store<f64>(sp, acc);
        sp += 8;
        acc = load<f64>(operand);
        break;
      case K_ADD:
        sp -= 8;
        acc = load<f64>(sp) + acc;
        break;
      case K_SUB:
        sp -= 8;
        acc = load<f64>(sp) - acc;
        break;
      case K_MUL:
        sp -= 8;
        acc = load<f64>(sp) * acc;
        break;
      case K_NEG:
        acc = -acc;
        break;
      case K_SIGN:
        acc = sign(acc);
        break;
      case K_ADD_OPERAND:
        acc = acc + load<f64>(operand);
        break;
      case K_SUB_OPERAND:
        acc = acc - load<f64>(operand);
        break;
      default:
        acc = acc * load<f64>(operand);
    }
  }
  return acc;
}

/**
 * (c) with a rule: dw, its stochastic rounding to the precision, w clipped to the sign mode's
 * range, and wAct from w (not truncated to the precision, as brian2-loihi's equations do).
 */
function updateWeight(ld: usize, e: u32, dwKey: u32): bool {
  const vars = load<usize>(ld + LR_VARS);
  const wp = load<usize>(ld + LR_W) + ((<usize>e) << 3);
  const w = load<f64>(wp);
  store<f64>(vars + V_W, w);
  const dw = evaluate(
    load<usize>(ld + LR_CODE),
    load<i32>(ld + LR_NCODE),
    load<usize>(ld + LR_STACK),
    vars,
  );
  // A non-finite dw stops the run (the reference's NumericalError); nothing is stored.
  if (dw - dw != 0) {
    store<f64>(vars + V_W, dw);
    return false;
  }
  const p = load<f64>(ld + LR_PRECISION);
  const r = sign(dw) * Math.ceil(Math.abs(dw));
  const q = Math.trunc(r / p);
  // fmod(|r|, p), exactly (Sterbenz: |r| and the multiple of p below it are within 2x, or
  // that multiple is 0), without the software fmod that `%` is in AssemblyScript.
  const a = Math.abs(r);
  const rem = a - Math.trunc(a / p) * p;
  // rem / p > U never holds for rem = 0 (U >= 0), so that draw is skipped.
  const add = rem != 0 && rem / p > uniform(dwKey, e) ? sign(r) : 0.0;
  const low = load<f64>(ld + LR_WLOW);
  const high = load<f64>(ld + LR_WHIGH);
  // `+ 0` turns a -0 into 0, as the reference does.
  const wNew = Math.min(Math.max(w + (q + add) * p, low), high) + 0;
  store<f64>(wp, wNew);
  const scaled = Math.floor((wNew * load<f64>(ld + LR_SCALE)) / 64) * 64;
  const wAct = Math.min(Math.max(scaled, -WACT_LIMIT), WACT_LIMIT) + 0;
  store<f32>(load<usize>(ld + LR_WACT) + ((<usize>e) << 2), <f32>wAct);
  return true;
}

/** Writes the probe samples of synapse e of the kinds `traces` selects (traces or weights). */
function sample(ld: usize, entry: usize, e: u32, out: usize, traces: bool): void {
  for (let q = entry; load<u32>(q + E_SYNAPSE) == e; q += PROBE_ENTRY_BYTES) {
    const kind = load<i32>(q + E_KIND);
    if (kind >= SYN_TRACE != traces) continue;
    let x: f32 = 0;
    if (kind == SYN_W) x = <f32>load<f64>(load<usize>(ld + LR_W) + ((<usize>e) << 3));
    else if (kind == SYN_WACT) x = load<f32>(load<usize>(ld + LR_WACT) + ((<usize>e) << 2));
    else {
      // A trace that is off reads 0.
      const tr = load<usize>(ld + LR_TRACES + ((kind - SYN_TRACE) << 2));
      if (tr != 0) x = <f32>load<u8>(tr + <usize>e);
    }
    store<f32>(out + ((<usize>load<i32>(q + E_SLOT)) << 2), x);
  }
}

/** `x = min(127, x + impulse)` for traces from..to-1 of synapse e that are on. */
function impulses(ld: usize, e: u32, from: i32, to: i32): void {
  for (let k = from; k < to; k++) {
    const tr = load<usize>(ld + LR_TRACES + (k << 2));
    if (tr == 0) continue;
    const x = <i32>load<u8>(tr + <usize>e) + load<i32>(ld + LR_IMPULSE + (k << 2));
    store<u8>(tr + <usize>e, <u8>min(TRACE_MAX, x));
  }
}

/**
 * One synapse, (a) to (c): impulses of its pre and post spikes, the probes of its traces, the
 * rule, the stochastic decay of its traces, the probes of its weights. False when dw is not
 * finite (left in the variables' w slot).
 */
function learnSynapse(
  ld: usize,
  e: u32,
  pre: bool,
  post: bool,
  entry: usize,
  probed: bool,
  out: usize,
  quiet: bool,
): bool {
  const vars = load<usize>(ld + LR_VARS);
  // At a quiet step a synapse without events keeps w and wAct (see LR_QUIET).
  const hasRule = load<i32>(ld + LR_NCODE) > 0 && !(quiet && !pre && !post);
  // (a) pre impulses (x1, x2); the trace probes sample here, before (b) the post impulses (y1,
  // y2, y3): brian2-loihi's monitors run between its pre and post pathways.
  if (pre) impulses(ld, e, 0, 2);
  if (probed) sample(ld, entry, e, out, true);
  if (post) impulses(ld, e, 2, 5);
  if (hasRule) {
    for (let k = 0; k < 5; k++) {
      const tr = load<usize>(ld + LR_TRACES + (k << 2));
      // Trace k is the variable x1, x2 (1, 2) or y1, y2, y3 (4, 5, 6); a trace that is off reads 0.
      const x = tr == 0 ? 0.0 : <f64>load<u8>(tr + <usize>e);
      store<f64>(vars + ((<usize>(k < 2 ? k + 1 : k + 2)) << 3), x);
    }
  }
  if (hasRule) {
    store<f64>(vars + V_X0, pre ? 1.0 : 0.0);
    store<f64>(vars + V_Y0, post ? 1.0 : 0.0);
    if (!updateWeight(ld, e, load<u32>(KEYS + 20))) return false;
  }
  // The traces decay afterwards, trace by trace (decayTrace): a synapse's decay reads nothing
  // of another synapse, and w and wAct do not depend on it.
  if (probed) sample(ld, entry, e, out, false);
  return true;
}

/**
 * Step 5d for one learning projection (descriptor ld) at step t: every synapse, sources
 * ascending, CSR order. Pre events follow the delivery rule (the source's history slot of
 * t - delay), post events are the target's spikes of t-1 (its history slot of t-1, which the
 * host keeps for every learning target). Synapse probe samples go to `out` (this step's first
 * synapse sample).
 */
function learnProjection<T>(hdr: usize, ld: usize, pops: usize, t: i32, out: usize): bool {
  const jd = load<usize>(ld + LR_PROJ);
  const src = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const tgt = pops + <usize>(load<i32>(ld + LR_TARGET) * POP_BYTES);
  const nsrc = load<i32>(src + P_SIZE);
  const rows = load<usize>(jd + J_ROW);
  const targets = load<usize>(jd + J_TGT);
  const dly = load<usize>(jd + J_DLY);
  const dc = load<i32>(jd + J_DC);
  const vars = load<usize>(ld + LR_VARS);
  for (let k = 0; k < 10; k++) {
    store<f64>(vars + V_U0 + ((<usize>k) << 3), (t & ((1 << k) - 1)) == 0 ? 1.0 : 0.0);
  }
  // The source's history slot of t - d for every delay d it remembers (0 before step 0), and
  // the target's slot of t - 1, so the loop below tests bits without a modulo.
  const sslots = load<i32>(src + P_HSLOTS);
  for (let d = 0; d < sslots; d++) store<usize>(SLOTS + ((<usize>d) << 2), slotOf(src, t - d));
  const postSlot = slotOf(tgt, t - 1);
  const rowSlot = load<usize>(SLOTS + ((<usize>dc) << 2));
  const quiet = t >= 1 && ((load<i32>(ld + LR_QUIET) >> min(ctz(t), 9)) & 1) != 0;
  let entry = load<usize>(ld + LR_PROBES);
  let next = load<u32>(entry + E_SYNAPSE);
  for (let s: u32 = 0; s < <u32>nsrc; s++) {
    const start = load<u32>(rows + ((<usize>s) << 2));
    const end = load<u32>(rows + ((<usize>s) << 2), 4);
    if (start == end) continue;
    const rowPre = isSet(rowSlot, s);
    for (let e = start; e < end; e++) {
      let j: u32;
      let pre = rowPre;
      if (sizeof<T>() == 8) {
        const x = load<u32>(targets + ((<usize>e) << 2));
        const d = <i32>(x >> 24);
        j = x & 0xffffff;
        pre = isSet(load<usize>(SLOTS + ((<usize>d) << 2)), s);
      } else {
        j = <u32>load<T>(targets + <usize>e * sizeof<T>());
        if (dly != 0) {
          const d = <i32>load<u8>(dly + <usize>e);
          pre = isSet(load<usize>(SLOTS + ((<usize>d) << 2)), s);
        }
      }
      const post = isSet(postSlot, j);
      const probed = e == next;
      if (!learnSynapse(ld, e, pre, post, entry, probed, out, quiet)) {
        store<i32>(hdr + H_ERRPOP, load<i32>(ld + LR_TARGET));
        store<i32>(hdr + H_ERRNEURON, <i32>j);
        store<i32>(hdr + H_ERRVAR, ERR_DW);
        store<f32>(hdr + H_ERRVALUE, <f32>load<f64>(vars + V_W));
        store<i32>(hdr + H_ERRPROJ, load<i32>(ld + LR_INDEX));
        store<u32>(hdr + H_ERRSYNAPSE, e);
        return false;
      }
      if (probed) {
        while (load<u32>(entry + E_SYNAPSE) == e) entry += PROBE_ENTRY_BYTES;
        next = load<u32>(entry + E_SYNAPSE);
      }
    }
  }
  const count = load<u32>(rows + ((<usize>nsrc) << 2));
  for (let k = 0; k < 5; k++) {
    const tr = load<usize>(ld + LR_TRACES + (k << 2));
    const sk = load<u32>(KEYS + ((<usize>k) << 2));
    if (tr != 0) decayTrace(tr, count, load<f64>(ld + LR_DECAY + (k << 3)), sk);
  }
  return true;
}

/**
 * Step 5d for every learning projection into population p (document order), at step t, before
 * p's neurons step. `out` is where this step's synapse probe samples begin. False after filling
 * H_ERR* when a rule gives a non-finite dw.
 */
export function learnInto(hdr: usize, pops: usize, p: i32, t: i32, out: usize): bool {
  const nlearn = load<i32>(hdr + H_NLEARN);
  const learns = load<usize>(hdr + H_LEARNS);
  for (let l = 0; l < nlearn; l++) {
    const ld = learns + <usize>(l * LEARN_BYTES);
    if (load<i32>(ld + LR_TARGET) != p) continue;
    for (let k = 0; k < 6; k++) {
      const key = load<u32>(ld + LR_KEYS + (k << 2));
      store<u32>(KEYS + ((<usize>k) << 2), stepKey(key, t));
    }
    const wide = load<i32>(load<usize>(ld + LR_PROJ) + J_WIDE);
    let ok: bool;
    if (wide == 0) ok = learnProjection<u16>(hdr, ld, pops, t, out);
    else if (wide == 1) ok = learnProjection<u32>(hdr, ld, pops, t, out);
    else ok = learnProjection<u64>(hdr, ld, pops, t, out);
    if (!ok) return false;
  }
  return true;
}
