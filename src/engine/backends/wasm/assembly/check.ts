// Step 7 of CONTEXT.md done exactly: find the first non-finite V or I, population by population
// (V of every neuron, then each channel of the population in its order). A fast call runs it
// once, at its end; a checked call after every step (see `run` in kernel.ts).
import {
  CHAN_BYTES,
  C_I,
  H_CHANS,
  H_ERRNEURON,
  H_ERRPOP,
  H_ERRVALUE,
  H_ERRVAR,
  H_NPOPS,
  H_POPS,
  MODEL_LIF,
  MODEL_SC,
  POP_BYTES,
  P_CHLIST,
  P_MODEL,
  P_NCH,
  P_SIZE,
  P_V,
} from './layout';
import { ERR_ADAPTATION, adaptationAt, firstBadAdaptation, isClassic } from './classic';
import { ERR_NIR_S, MODEL_NIR, firstBadNirS, nirS } from './nir';

function bad(x: f32): bool {
  return x - x != 0;
}

/** Returns true and fills H_ERRPOP/NEURON/VAR/VALUE when some state value is not finite. */
export function locateNonFinite(hdr: usize): bool {
  const npops = load<i32>(hdr + H_NPOPS);
  const pops = load<usize>(hdr + H_POPS);
  const chans = load<usize>(hdr + H_CHANS);
  for (let p = 0; p < npops; p++) {
    const pd = pops + <usize>(p * POP_BYTES);
    const size = load<i32>(pd + P_SIZE);
    const model = load<i32>(pd + P_MODEL);
    if (model == MODEL_LIF || model == MODEL_SC || isClassic(model) || model == MODEL_NIR) {
      const vp = load<usize>(pd + P_V);
      for (let j = 0; j < size; j++) {
        const x = load<f32>(vp + ((<usize>j) << 2));
        if (bad(x)) return report(hdr, p, j, -1, x);
      }
    }
    if (isClassic(model)) {
      const k = firstBadAdaptation(pd);
      if (k >= 0) return report(hdr, p, k, ERR_ADAPTATION, adaptationAt(pd, k));
    }
    if (model == MODEL_NIR) {
      const k = firstBadNirS(pd);
      if (k >= 0) return report(hdr, p, k, ERR_NIR_S, nirS(pd, k));
    }
    const nch = load<i32>(pd + P_NCH);
    const cl = load<usize>(pd + P_CHLIST);
    for (let c = 0; c < nch; c++) {
      const ch = load<i32>(cl + ((<usize>c) << 2));
      const ip = load<usize>(chans + <usize>(ch * CHAN_BYTES) + C_I);
      for (let j = 0; j < size; j++) {
        const x = load<f32>(ip + ((<usize>j) << 2));
        if (bad(x)) return report(hdr, p, j, ch, x);
      }
    }
  }
  return false;
}

function report(hdr: usize, p: i32, j: i32, variable: i32, x: f32): bool {
  store<i32>(hdr + H_ERRPOP, p);
  store<i32>(hdr + H_ERRNEURON, j);
  store<i32>(hdr + H_ERRVAR, variable);
  store<f32>(hdr + H_ERRVALUE, x);
  return true;
}
