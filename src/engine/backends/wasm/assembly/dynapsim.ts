// Step 2e of CONTEXT.md for `dynapsim` populations, bit-exact with the reference
// (backends/reference/dynapsim-step.ts): the same f32 operations in the same order, four
// neurons per iteration in f32x4 (the tail and any block with a non-finite Imem one neuron at a
// time), with the engine's exp32 and log32.
import { exp32, exp32x4 } from './exp32';
import { log32, log32x4 } from './log32';
import {
  H_ERRNEURON,
  H_ERRPOP,
  H_ERRVALUE,
  H_ERRVAR,
  P_COUNT,
  P_LIST,
  P_SC,
  P_SIZE,
} from './layout';

/** Model code of a DynapSim population (host: `MODEL_DYNAPSIM` in dynapsim-image.ts). */
export const MODEL_DYNAPSIM: i32 = 32;
/** H_ERRVAR code of a non-finite Imem. */
export const ERR_IMEM: i32 = -5;

// The population's P_SC points at this descriptor (host: dynapsim-image.ts).
/** Address of the state: DY_STATE_* arrays of `stride` bytes each, in the state block. */
export const DY_STATE: i32 = 0;
/** Address of the constants: DY_K_* arrays of `stride` bytes each. */
export const DY_CONST: i32 = 4;
/** Bytes per array (4 * padded size). */
export const DY_STRIDE: i32 = 8;
/** f32 dt, s. */
export const DY_DT: i32 = 12;

// State arrays, in stride units from DY_STATE (f32 each; spiked is 0 or 1).
export const DY_IMEM: i32 = 0;
export const DY_ISYN: i32 = 1;
const DY_IAHP: i32 = 2;
const DY_VMEM: i32 = 3;
const DY_TIMER: i32 = 4;
const DY_SPIKED: i32 = 5;
const DY_WS: i32 = 6;

// Constant arrays, in stride units from DY_CONST (the host writes them in this order).
const K_IO: i32 = 0;
const K_SYN_DECAY: i32 = 1;
const K_SYN_CHARGE: i32 = 2;
const K_SYN_GAIN: i32 = 3;
const K_AHP_DECAY: i32 = 4;
const K_AHP_KICK: i32 = 5;
const K_ITAU_MEM: i32 = 6;
const K_IGAIN_MEM: i32 = 7;
const K_MEM_GAIN: i32 = 8;
const K_IDC: i32 = 9;
const K_FB_SLOPE: i32 = 10;
const K_MEM_TAU: i32 = 11;
const K_UTK: i32 = 12;
const K_ISPKTHR: i32 = 13;
const K_TREF: i32 = 14;

/** Address of array `k` (stride units) of neuron j's f32. */
function at(base: usize, stride: usize, k: i32, j: usize): usize {
  return base + <usize>k * stride + j;
}

/** Isyn of neuron j (what an `i_syn` probe records). */
export function dynapsimIsyn(pd: usize, j: i32): f32 {
  const dd = load<usize>(pd + P_SC);
  const stride = <usize>load<i32>(dd + DY_STRIDE);
  return load<f32>(at(load<usize>(dd + DY_STATE), stride, DY_ISYN, (<usize>j) << 2));
}

/** Returns 1 if neuron j (byte offset o) spikes, 0 if not, -1 after filling H_ERR*. */
function neuronStep(hdr: usize, p: i32, j: i32, st: usize, kc: usize, stride: usize, dt: f32): i32 {
  const o = (<usize>j) << 2;
  const io = load<f32>(at(kc, stride, K_IO, o));
  // DPI synapse: discharge, then charge towards the steady state of this step's input.
  const ws = load<f32>(at(st, stride, DY_WS, o));
  store<f32>(at(st, stride, DY_WS, o), 0);
  const synInf = max<f32>(io, load<f32>(at(kc, stride, K_SYN_GAIN, o)) * ws);
  let isyn = load<f32>(at(kc, stride, K_SYN_DECAY, o)) * load<f32>(at(st, stride, DY_ISYN, o));
  isyn = isyn + load<f32>(at(kc, stride, K_SYN_CHARGE, o)) * synInf;
  // AHP: discharge, charge by the previous step's spike, floor at Io.
  let iahp = load<f32>(at(kc, stride, K_AHP_DECAY, o)) * load<f32>(at(st, stride, DY_IAHP, o));
  if (load<f32>(at(st, stride, DY_SPIKED, o)) != 0)
    iahp = iahp + load<f32>(at(kc, stride, K_AHP_KICK, o));
  iahp = max<f32>(iahp, io);
  // Membrane.
  const imem = load<f32>(at(st, stride, DY_IMEM, o));
  const itauMem = load<f32>(at(kc, stride, K_ITAU_MEM, o));
  const igainMem = load<f32>(at(kc, stride, K_IGAIN_MEM, o));
  const feedback = exp32(
    load<f32>(at(kc, stride, K_FB_SLOPE, o)) * load<f32>(at(st, stride, DY_VMEM, o)),
  );
  const ileak = itauMem + iahp;
  let iin = isyn - ileak + load<f32>(at(kc, stride, K_IDC, o));
  const timer0 = load<f32>(at(st, stride, DY_TIMER, o));
  if (timer0 > 0) iin = 0;
  iin = max<f32>(iin, io);
  const iinf = load<f32>(at(kc, stride, K_MEM_GAIN, o)) * (iin - ileak);
  const fImem = ((io * feedback) / ileak) * (imem + igainMem);
  const tau = load<f32>(at(kc, stride, K_MEM_TAU, o)) / ileak;
  const drive = iinf + fImem - imem * (<f32>1 + iahp / itauMem);
  const rate = imem / (tau * (imem + igainMem));
  let next = max<f32>(imem + rate * drive * dt, io);
  if (next - next != 0) {
    store<i32>(hdr + H_ERRPOP, p);
    store<i32>(hdr + H_ERRNEURON, j);
    store<i32>(hdr + H_ERRVAR, ERR_IMEM);
    store<f32>(hdr + H_ERRVALUE, next);
    return -1;
  }
  store<f32>(at(st, stride, DY_VMEM, o), load<f32>(at(kc, stride, K_UTK, o)) * log32(next / io));
  let timer = max<f32>(timer0 - dt, 0);
  const spiked = next > load<f32>(at(kc, stride, K_ISPKTHR, o));
  if (spiked) {
    next = io;
    timer = load<f32>(at(kc, stride, K_TREF, o));
  }
  store<f32>(at(st, stride, DY_SPIKED, o), spiked ? 1 : 0);
  store<f32>(at(st, stride, DY_TIMER, o), timer);
  store<f32>(at(st, stride, DY_IMEM, o), next);
  store<f32>(at(st, stride, DY_ISYN, o), isyn);
  store<f32>(at(st, stride, DY_IAHP, o), iahp);
  return spiked ? 1 : 0;
}

/**
 * Neurons j..j+3 in f32x4, the same operations as `neuronStep` lane by lane (branches as
 * selects). Returns the bitmask of the lanes that spike, or -1 without storing anything when
 * some lane's Imem is not finite (the caller redoes the block one neuron at a time).
 */
function blockStep(j: i32, st: usize, kc: usize, stride: usize, dt: f32): i32 {
  const o = (<usize>j) << 2;
  const io = v128.load(at(kc, stride, K_IO, o));
  const zero = f32x4.splat(0);
  const ws = v128.load(at(st, stride, DY_WS, o));
  const synInf = f32x4.max(io, f32x4.mul(v128.load(at(kc, stride, K_SYN_GAIN, o)), ws));
  let isyn = f32x4.mul(
    v128.load(at(kc, stride, K_SYN_DECAY, o)),
    v128.load(at(st, stride, DY_ISYN, o)),
  );
  isyn = f32x4.add(isyn, f32x4.mul(v128.load(at(kc, stride, K_SYN_CHARGE, o)), synInf));
  let iahp = f32x4.mul(
    v128.load(at(kc, stride, K_AHP_DECAY, o)),
    v128.load(at(st, stride, DY_IAHP, o)),
  );
  const kicked = f32x4.add(iahp, v128.load(at(kc, stride, K_AHP_KICK, o)));
  iahp = v128.bitselect(kicked, iahp, f32x4.ne(v128.load(at(st, stride, DY_SPIKED, o)), zero));
  iahp = f32x4.max(iahp, io);
  const imem = v128.load(at(st, stride, DY_IMEM, o));
  const itauMem = v128.load(at(kc, stride, K_ITAU_MEM, o));
  const igainMem = v128.load(at(kc, stride, K_IGAIN_MEM, o));
  const feedback = exp32x4(
    f32x4.mul(v128.load(at(kc, stride, K_FB_SLOPE, o)), v128.load(at(st, stride, DY_VMEM, o))),
  );
  const ileak = f32x4.add(itauMem, iahp);
  let iin = f32x4.add(f32x4.sub(isyn, ileak), v128.load(at(kc, stride, K_IDC, o)));
  const timer0 = v128.load(at(st, stride, DY_TIMER, o));
  iin = v128.bitselect(zero, iin, f32x4.gt(timer0, zero));
  iin = f32x4.max(iin, io);
  const iinf = f32x4.mul(v128.load(at(kc, stride, K_MEM_GAIN, o)), f32x4.sub(iin, ileak));
  const imemGain = f32x4.add(imem, igainMem);
  const fImem = f32x4.mul(f32x4.div(f32x4.mul(io, feedback), ileak), imemGain);
  const tau = f32x4.div(v128.load(at(kc, stride, K_MEM_TAU, o)), ileak);
  const drive = f32x4.sub(
    f32x4.add(iinf, fImem),
    f32x4.mul(imem, f32x4.add(f32x4.splat(1), f32x4.div(iahp, itauMem))),
  );
  const rate = f32x4.div(imem, f32x4.mul(tau, imemGain));
  let next = f32x4.max(f32x4.add(imem, f32x4.mul(f32x4.mul(rate, drive), f32x4.splat(dt))), io);
  if (v128.any_true(f32x4.ne(f32x4.sub(next, next), zero))) return -1;
  v128.store(at(st, stride, DY_WS, o), zero);
  v128.store(
    at(st, stride, DY_VMEM, o),
    f32x4.mul(v128.load(at(kc, stride, K_UTK, o)), log32x4(f32x4.div(next, io))),
  );
  let timer = f32x4.max(f32x4.sub(timer0, f32x4.splat(dt)), zero);
  const spiked = f32x4.gt(next, v128.load(at(kc, stride, K_ISPKTHR, o)));
  next = v128.bitselect(io, next, spiked);
  timer = v128.bitselect(v128.load(at(kc, stride, K_TREF, o)), timer, spiked);
  v128.store(at(st, stride, DY_SPIKED, o), v128.and(spiked, f32x4.splat(1)));
  v128.store(at(st, stride, DY_TIMER, o), timer);
  v128.store(at(st, stride, DY_IMEM, o), next);
  v128.store(at(st, stride, DY_ISYN, o), isyn);
  v128.store(at(st, stride, DY_IAHP, o), iahp);
  return i32x4.bitmask(spiked);
}

/**
 * Population p (descriptor pd) at step t: every neuron's synapse, AHP and membrane, threshold
 * and reset; the spikers go to the spike list ascending. Returns false after filling H_ERR*
 * at the first non-finite Imem (the reference's NumericalError).
 */
export function dynapsimStep(hdr: usize, p: i32, pd: usize): bool {
  const size = load<i32>(pd + P_SIZE);
  const dd = load<usize>(pd + P_SC);
  const st = load<usize>(dd + DY_STATE);
  const kc = load<usize>(dd + DY_CONST);
  const stride = <usize>load<i32>(dd + DY_STRIDE);
  const dt = load<f32>(dd + DY_DT);
  const list = load<usize>(pd + P_LIST);
  let count = 0;
  let j = 0;
  for (; j + 4 <= size; j += 4) {
    const mask = blockStep(j, st, kc, stride, dt);
    if (mask >= 0) {
      for (let lane = 0; lane < 4; lane++) {
        if ((mask & (1 << lane)) == 0) continue;
        store<u32>(list + ((<usize>count) << 2), <u32>(j + lane));
        count++;
      }
      continue;
    }
    // A non-finite Imem in this block: redo it neuron by neuron to stop at the right one.
    for (let k = j; k < j + 4; k++) {
      const r = neuronStep(hdr, p, k, st, kc, stride, dt);
      if (r < 0) return false;
      if (r > 0) {
        store<u32>(list + ((<usize>count) << 2), <u32>k);
        count++;
      }
    }
  }
  for (; j < size; j++) {
    const r = neuronStep(hdr, p, j, st, kc, stride, dt);
    if (r < 0) return false;
    if (r > 0) {
      store<u32>(list + ((<usize>count) << 2), <u32>j);
      count++;
    }
  }
  store<i32>(pd + P_COUNT, count);
  return true;
}
