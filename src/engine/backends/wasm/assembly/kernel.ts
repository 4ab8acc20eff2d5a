// The wasm backend's kernel: runs n steps of a compiled plan per call, exactly as CONTEXT.md
// prescribes (steps 1b and 5b of sc_dense layers in sc-dense.ts). The host lays out every array
// and descriptor in linear memory (see layout.ts) and passes the header's address; the kernel
// allocates nothing.
import { locateNonFinite } from './check';
import { deliver } from './deliver';
import {
  CHAN_BYTES,
  C_DECAY,
  C_I,
  C_LOOSE,
  C_TARGET,
  H_CHANS,
  H_ERRSTEP,
  H_GAUSS,
  H_LOOSE,
  H_NCHAN,
  H_NLEARN,
  H_NPLAST,
  H_NPOPS,
  H_NSTP,
  H_NPROBES,
  H_NPROJ,
  H_POPS,
  H_PROBES,
  H_PROJS,
  H_REC,
  H_RECCAP,
  H_RECNEED,
  H_RECUSED,
  H_SAMP,
  H_SAMPCAP,
  H_SAMPSTRIDE,
  H_SCRATES,
  H_STATUS,
  H_UNION,
  MODEL_GENERATOR,
  MODEL_LIF,
  MODEL_SC,
  POP_BYTES,
  PROBE_BYTES,
  PROBE_V,
  PROJ_BYTES,
  P_CHLIST,
  P_COUNT,
  P_EXT,
  P_HELD,
  P_HELDN,
  P_LIST,
  P_MODEL,
  P_NCH,
  P_NOISE,
  P_RECORD,
  P_REFR,
  P_REFRSTEPS,
  P_SC,
  P_SIZE,
  P_V,
  P_VRESET,
  Q_KIND,
  Q_NEURON,
  Q_POP,
  STATUS_ERROR,
  STATUS_OK,
  STATUS_SUSPECT,
  S_ISC,
} from './layout';
import { lifStep } from './lif';
import { PROBE_ADAPTATION, adaptationAt, classicReset, classicStep, isClassic } from './classic';
// Exported so the tests compare it with the reference's exp32 (src/engine/exp32.ts).
export { exp32, exp32Vector } from './exp32';
export { log32, log32Vector } from './log32';
import { L_ISAMPLED, MODEL_LOIHI, loihiStep } from './loihi';
import { MODEL_DYNAPSIM, dynapsimIsyn, dynapsimStep } from './dynapsim';
import { MODEL_FIXED_LIF, fixedLifCurrent, fixedLifStep } from './fixed-lif';
import { MODEL_NIR, nirS, nirStep } from './nir';
import { learnInto } from './loihi-learning';
import { scCurrent, updateAllTraces } from './sc-dense';
import { hasStp, stpStep } from './plasticity-stp';
import { applyWeightRules } from './plasticity-rules';
import { sampleClassic } from './plasticity-samples';
import { generatorStep, poissonStep, recordHistory } from './sources';

/** First byte the host may use: everything above the kernel's own static data. */
export function heapBase(): usize {
  return (__heap_base + 63) & ~63;
}

/** Steps 1, 2 and 4 of a LIF population (or an sc_dense layer) whose shared input is `input`. */
function lifDispatch(pd: usize, chans: usize, t: i32, table: usize, input: f32): void {
  const nch = load<i32>(pd + P_NCH);
  if (load<f32>(pd + P_NOISE) != 0) {
    if (nch == 0) lifStep<u8, u16>(pd, chans, t, table, input);
    else if (nch == 1) lifStep<u16, u16>(pd, chans, t, table, input);
    else if (nch == 2) lifStep<u32, u16>(pd, chans, t, table, input);
    else lifStep<u64, u16>(pd, chans, t, table, input);
  } else if (nch == 0) lifStep<u8, u8>(pd, chans, t, table, input);
  else if (nch == 1) lifStep<u16, u8>(pd, chans, t, table, input);
  else if (nch == 2) lifStep<u32, u8>(pd, chans, t, table, input);
  else lifStep<u64, u8>(pd, chans, t, table, input);
}

/** Channels of populations without a LIF loop decay here. */
function decayLoose(hdr: usize, pops: usize): void {
  const nchan = load<i32>(hdr + H_NCHAN);
  const chans = load<usize>(hdr + H_CHANS);
  for (let c = 0; c < nchan; c++) {
    const cd = chans + <usize>(c * CHAN_BYTES);
    if (load<i32>(cd + C_LOOSE) == 0) continue;
    const size = load<i32>(pops + <usize>(load<i32>(cd + C_TARGET) * POP_BYTES) + P_SIZE);
    const ip = load<usize>(cd + C_I);
    const decay = load<f32>(cd + C_DECAY);
    for (let j = 0; j < size; j++) {
      const p = ip + ((<usize>j) << 2);
      store<f32>(p, load<f32>(p) * decay);
    }
  }
}

/** Step 6: spiking LIF neurons go to vReset and, if still refractory, join the held list. */
function resetSpikers(pd: usize): void {
  const list = load<usize>(pd + P_LIST);
  const count = load<i32>(pd + P_COUNT);
  const vp = load<usize>(pd + P_V);
  const rp = load<usize>(pd + P_REFR);
  const vReset = load<f32>(pd + P_VRESET);
  const refr = max(load<i32>(pd + P_REFRSTEPS) - 1, 0);
  const held = load<usize>(pd + P_HELD);
  const heldN = load<usize>(pd + P_HELDN);
  let n = load<i32>(heldN);
  for (let k = 0; k < count; k++) {
    const s = load<u32>(list + ((<usize>k) << 2));
    const o = (<usize>s) << 2;
    store<f32>(vp + o, vReset);
    store<i32>(rp + o, refr);
    if (refr > 0) {
      store<u32>(held + ((<usize>n) << 2), s);
      n++;
    }
  }
  store<i32>(heldN, n);
}

/**
 * Step 8: the total synaptic current of neuron j, summed in channel order; for an sc_dense
 * layer the SC current of the step.
 */
function synapticCurrent(hdr: usize, pd: usize, j: i32): f32 {
  if (load<i32>(pd + P_MODEL) == MODEL_SC) return load<f32>(load<usize>(pd + P_SC) + S_ISC);
  if (load<i32>(pd + P_MODEL) == MODEL_LOIHI)
    return load<f32>(load<usize>(pd + L_ISAMPLED) + ((<usize>j) << 2));
  if (load<i32>(pd + P_MODEL) == MODEL_DYNAPSIM) return dynapsimIsyn(pd, j);
  if (load<i32>(pd + P_MODEL) == MODEL_NIR) return nirS(pd, j);
  const chans = load<usize>(hdr + H_CHANS);
  if (load<i32>(pd + P_MODEL) == MODEL_FIXED_LIF) return fixedLifCurrent(pd, chans, j);
  const nch = load<i32>(pd + P_NCH);
  const cl = load<usize>(pd + P_CHLIST);
  let s: f32 = 0;
  for (let c = 0; c < nch; c++) {
    const cd = chans + <usize>(load<i32>(cl + ((<usize>c) << 2)) * CHAN_BYTES);
    s += load<f32>(load<usize>(cd + C_I) + ((<usize>j) << 2));
  }
  return s;
}

/** Step 8: spike lists of recorded populations as `count, indices...` per step; probe samples. */
function record(hdr: usize, pops: usize, npops: i32, k: i32): void {
  const rec = load<usize>(hdr + H_REC);
  let used = load<i32>(hdr + H_RECUSED);
  for (let p = 0; p < npops; p++) {
    const pd = pops + <usize>(p * POP_BYTES);
    if (load<i32>(pd + P_RECORD) == 0) continue;
    const count = load<i32>(pd + P_COUNT);
    store<i32>(rec + ((<usize>used) << 2), count);
    memory.copy(rec + ((<usize>(used + 1)) << 2), load<usize>(pd + P_LIST), (<usize>count) << 2);
    used += count + 1;
  }
  store<i32>(hdr + H_RECUSED, used);
  const nprobes = load<i32>(hdr + H_NPROBES);
  const probes = load<usize>(hdr + H_PROBES);
  const out = load<usize>(hdr + H_SAMP) + ((<usize>(k * load<i32>(hdr + H_SAMPSTRIDE))) << 2);
  for (let q = 0; q < nprobes; q++) {
    const e = probes + <usize>(q * PROBE_BYTES);
    const pd = pops + <usize>(load<i32>(e + Q_POP) * POP_BYTES);
    const j = load<i32>(e + Q_NEURON);
    const kind = load<i32>(e + Q_KIND);
    const x =
      kind == PROBE_V
        ? load<f32>(load<usize>(pd + P_V) + ((<usize>j) << 2))
        : kind == PROBE_ADAPTATION
          ? adaptationAt(pd, j)
          : synapticCurrent(hdr, pd, j);
    store<f32>(out + ((<usize>q) << 2), x);
  }
  sampleClassic(hdr, out + ((<usize>nprobes) << 2));
}

/**
 * Runs steps `start .. start+n-1` and returns how many were done: fewer than n when the record
 * buffers would overflow (the host drains them and calls again) or, in checked mode, at the
 * first non-finite value.
 *
 * Finiteness: a non-finite V or current never becomes finite again (NaN and infinities survive
 * decay, integration and delivery, and such a V never crosses threshold to be reset; an infinite
 * V made by integration does spike and reset, and the reference accepts that too). So the fast
 * mode (checked = 0) scans the state once, at the end of the call: if it is not finite, H_STATUS
 * says SUSPECT and the host restores its snapshot and repeats the call with checked = 1, which
 * scans after every step and stops with ERROR and H_ERR* naming the first bad value exactly.
 */
export function run(hdr: usize, start: i32, n: i32, checked: i32): i32 {
  const npops = load<i32>(hdr + H_NPOPS);
  const pops = load<usize>(hdr + H_POPS);
  const chans = load<usize>(hdr + H_CHANS);
  const nproj = load<i32>(hdr + H_NPROJ);
  const projs = load<usize>(hdr + H_PROJS);
  const table = load<usize>(hdr + H_GAUSS);
  const union = load<usize>(hdr + H_UNION);
  const recCap = load<i32>(hdr + H_RECCAP);
  const recNeed = load<i32>(hdr + H_RECNEED);
  const nprobes = load<i32>(hdr + H_NPROBES);
  const stride = load<i32>(hdr + H_SAMPSTRIDE);
  const sampCap = load<i32>(hdr + H_SAMPCAP);
  const nlearn = load<i32>(hdr + H_NLEARN);
  const loose = load<i32>(hdr + H_LOOSE) != 0;
  const scRates = load<i32>(hdr + H_SCRATES) != 0;
  const nstp = load<i32>(hdr + H_NSTP);
  const nplast = load<i32>(hdr + H_NPLAST);
  store<i32>(hdr + H_STATUS, STATUS_OK);
  store<i32>(hdr + H_RECUSED, 0);
  let done = 0;
  while (done < n) {
    if (load<i32>(hdr + H_RECUSED) + recNeed > recCap) break;
    if ((done + 1) * stride > sampCap) break;
    const t = start + done;
    for (let p = 0; p < npops; p++) {
      const pd = pops + <usize>(p * POP_BYTES);
      const model = load<i32>(pd + P_MODEL);
      if (model == MODEL_LIF) lifDispatch(pd, chans, t, table, load<f32>(pd + P_EXT));
      else if (model == MODEL_GENERATOR) generatorStep(pd, t);
      // Step 2f: integers, its reset (step 6) included (fixed-lif.ts).
      else if (model == MODEL_FIXED_LIF) fixedLifStep(pd, chans, t);
      // Step 2g, its reset (step 6) included (nir.ts).
      else if (model == MODEL_NIR) nirStep(pd, chans);
      else if (isClassic(model)) classicStep(pd, chans, t, table);
      // A Loihi population's spikes come in step 5c; its history slot of t starts empty.
      else if (model == MODEL_LOIHI) store<i32>(pd + P_COUNT, 0);
      else if (model == MODEL_SC) {
        // Step 1b once for the layer, then its neurons integrate I = ext + Isc (+ channels).
        lifDispatch(pd, chans, t, table, load<f32>(pd + P_EXT) + scCurrent(pd, t));
      } else if (model == MODEL_DYNAPSIM) {
        // Step 2e stops at the first non-finite Imem, as the reference throws there. A fast
        // call only says SUSPECT: an earlier step may hold a non-finite value the reference
        // reports first, so the host re-runs the call checked.
        if (!dynapsimStep(hdr, p, pd)) {
          store<i32>(hdr + H_STATUS, checked != 0 ? STATUS_ERROR : STATUS_SUSPECT);
          store<i32>(hdr + H_ERRSTEP, t);
          return done;
        }
      } else poissonStep(pd, t);
      recordHistory(pd, t);
    }
    if (loose) decayLoose(hdr, pops);
    // Step 3b: every source's spikes of t are known (Loihi and DynapSim sources are refused).
    if (nstp > 0) {
      for (let j = 0; j < nproj; j++) {
        const jd = projs + <usize>(j * PROJ_BYTES);
        if (hasStp(jd)) stpStep(jd, pops, t);
      }
    }
    for (let j = 0; j < nproj; j++) deliver(projs + <usize>(j * PROJ_BYTES), pops, t, union);
    if (scRates) updateAllTraces(pops, npops, t);
    // Step 5c: Loihi populations integrate after delivery and record their history slot of t.
    for (let p = 0; p < npops; p++) {
      const pd = pops + <usize>(p * POP_BYTES);
      if (load<i32>(pd + P_MODEL) != MODEL_LOIHI) continue;
      // Step 5d: its learning projections, after their delivery and before its neurons step.
      if (nlearn > 0) {
        const out = load<usize>(hdr + H_SAMP) + ((<usize>(done * stride + nprobes)) << 2);
        if (!learnInto(hdr, pops, p, t, out)) {
          // As for DynapSim: a fast call may hold an earlier non-finite value, so SUSPECT.
          store<i32>(hdr + H_STATUS, checked != 0 ? STATUS_ERROR : STATUS_SUSPECT);
          store<i32>(hdr + H_ERRSTEP, t);
          return done;
        }
      }
      if (!loihiStep(hdr, p, pd, t)) {
        store<i32>(hdr + H_STATUS, STATUS_ERROR);
        store<i32>(hdr + H_ERRSTEP, t);
        return done;
      }
      recordHistory(pd, t);
    }
    // Step 5e after every delivery of t (5f, at interval ends, runs on the host after the call).
    if (nplast > 0) applyWeightRules(hdr, pops, t);
    for (let p = 0; p < npops; p++) {
      const pd = pops + <usize>(p * POP_BYTES);
      const model = load<i32>(pd + P_MODEL);
      if (model == MODEL_LIF || model == MODEL_SC) resetSpikers(pd);
      else if (isClassic(model)) classicReset(pd);
    }
    if (checked != 0 && locateNonFinite(hdr)) {
      store<i32>(hdr + H_STATUS, STATUS_ERROR);
      store<i32>(hdr + H_ERRSTEP, t);
      return done;
    }
    record(hdr, pops, npops, done);
    done++;
  }
  if (checked == 0 && done > 0 && locateNonFinite(hdr)) store<i32>(hdr + H_STATUS, STATUS_SUSPECT);
  return done;
}
