// Weight rules of classic projections (CONTEXT.md step 5e): the dispatch to the forms with traces
// per neuron (PL_FAST, see ../CONTEXT.md), the per-synapse walk in CSR order for the others, and
// the per-step spike count of homeostatic scaling (its interval part runs on the host,
// plasticity-interval.ts, with the reference's own function). Every f32 and
// i32 operation is the reference's in its order, so weights and traces are bit-identical.
import {
  H_NPLAST,
  H_PLASTS,
  J_DC,
  J_DLY,
  J_ROW,
  J_SRC,
  J_TGT,
  J_WIDE,
  PLAST_BYTES,
  PL_A,
  PL_AMINUS,
  PL_AMOUNT,
  PL_APLUS,
  PL_B,
  PL_BDEC,
  PL_C,
  PL_DELIG,
  PL_DPOST,
  PL_DPRE,
  PL_DREW,
  PL_DSHIFT,
  PL_DT,
  PL_FAST,
  PL_IW,
  PL_LSHIFT,
  PL_MAXE,
  PL_MAXR,
  PL_MAXT,
  PL_MAXW,
  PL_MINE,
  PL_MINR,
  PL_PROJ,
  PL_R,
  PL_REWARD,
  PL_RULE,
  PL_SCALE,
  PL_TARGET,
  PL_W,
  PL_WMAX,
  PL_WMIN,
  POP_BYTES,
  P_COUNT,
  P_HIST,
  P_HSLOTS,
  P_HWORDS,
  P_LIST,
  P_SIZE,
  RULE_HOMEOSTATIC,
  RULE_ONLINE_O1,
  RULE_RSTDP,
} from './layout';
import { stdpEvents, updateSharedTraces } from './plasticity-stdp-events';
import { stdpDelayed } from './plasticity-stdp-delays';
import { onlineO1Shared } from './plasticity-o1-shared';
import { rstdpShared } from './plasticity-rstdp-shared';

/** History slot of t - d of the source, per delay d (at most 255). */
const SLOTS: usize = memory.data(256 * 4);

/** Address of population pd's history slot of `step`, or 0 when step < 0. */
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
 * One pass over a projection's synapses, sources ascending, CSR order: pre = the source spiked
 * at t - delay (the delivery's rule, from its history ring), post = the target spiked at t (its
 * history slot of t). The rule is a type marker so each gets its own loop: u8 stdp, u16 rstdp,
 * u32 online_o1. `g` is rstdp's dt * r, `reward` online_o1's saturated integer reward.
 */
function walk<T, R>(pl: usize, pops: usize, t: i32, g: f32, reward: i32): void {
  const jd = load<usize>(pl + PL_PROJ);
  const src = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const tgt = pops + <usize>(load<i32>(pl + PL_TARGET) * POP_BYTES);
  const nsrc = load<i32>(src + P_SIZE);
  const rows = load<usize>(jd + J_ROW);
  const targets = load<usize>(jd + J_TGT);
  const dly = load<usize>(jd + J_DLY);
  const sslots = load<i32>(src + P_HSLOTS);
  // A classic source's ring is at most 256 slots (delays are u8); only Loihi sources, which no
  // plastic projection has, get one more. The table holds the slots the delays can name.
  for (let d = 0; d < min(sslots, 256); d++) {
    store<usize>(SLOTS + ((<usize>d) << 2), slotOf(src, t - d));
  }
  const rowSlot = load<usize>(SLOTS + ((<usize>load<i32>(jd + J_DC)) << 2));
  const postSlot = slotOf(tgt, t);
  const wp = load<usize>(pl + PL_W);
  const ap = load<usize>(pl + PL_A);
  const bp = load<usize>(pl + PL_B);
  const cp = load<usize>(pl + PL_C);
  const iwp = load<usize>(pl + PL_IW);
  const dPre = load<f32>(pl + PL_DPRE);
  const dPost = load<f32>(pl + PL_DPOST);
  const dElig = load<f32>(pl + PL_DELIG);
  const aPlus = load<f32>(pl + PL_APLUS);
  const aMinus = load<f32>(pl + PL_AMINUS);
  const wMin = load<f32>(pl + PL_WMIN);
  const wMax = load<f32>(pl + PL_WMAX);
  const maxW = load<i32>(pl + PL_MAXW);
  const maxT = load<i32>(pl + PL_MAXT);
  const minE = load<i32>(pl + PL_MINE);
  const maxE = load<i32>(pl + PL_MAXE);
  const shift = load<i32>(pl + PL_DSHIFT);
  // A decay shift of 0 means no decay: the decrement is masked away (as stepOnlineO1 skips it).
  const keep = shift == 0 ? 0 : -1;
  const learn = load<i32>(pl + PL_LSHIFT);
  const scale = <f64>load<f32>(pl + PL_SCALE);
  for (let s: u32 = 0; s < <u32>nsrc; s++) {
    const start = load<u32>(rows + ((<usize>s) << 2));
    const end = load<u32>(rows + ((<usize>s) << 2), 4);
    const rowPre = isSet(rowSlot, s);
    for (let e = start; e < end; e++) {
      let j: u32;
      let pre = rowPre;
      if (sizeof<T>() == 8) {
        const x = load<u32>(targets + ((<usize>e) << 2));
        j = x & 0xffffff;
        pre = isSet(load<usize>(SLOTS + ((<usize>(x >> 24)) << 2)), s);
      } else {
        j = <u32>load<T>(targets + <usize>e * sizeof<T>());
        if (dly != 0) pre = isSet(load<usize>(SLOTS + ((<usize>load<u8>(dly + <usize>e)) << 2)), s);
      }
      const post = isSet(postSlot, j);
      const o = (<usize>e) << 2;
      if (sizeof<R>() == 4) {
        // online_o1: stepOnlineO1 (src/engine/learning/online-o1-step.ts) on i32.
        const lastPre = load<i32>(ap + o);
        const lastPost = load<i32>(bp + o);
        store<i32>(ap + o, pre ? maxT : lastPre - ((lastPre >> shift) & keep));
        store<i32>(bp + o, post ? maxT : lastPost - ((lastPost >> shift) & keep));
        const e0 = load<i32>(cp + o);
        const magnitude = e0 < 0 ? -e0 : e0;
        const decayed = magnitude - ((magnitude >> shift) & keep);
        let c = e0 < 0 ? -decayed : decayed;
        if (post) c += pre ? maxT : lastPre;
        if (pre) c -= lastPost;
        c = c < minE ? minE : c > maxE ? maxE : c;
        store<i32>(cp + o, c);
        // Both factors are bounded so |reward * c| <= 2^30 (online-o1-config.ts).
        const delta = (reward * c) >> learn;
        const w = load<i32>(iwp + o);
        const sum = w + delta;
        const weight = delta > maxW - w ? maxW : sum < 0 ? 0 : sum;
        store<i32>(iwp + o, weight);
        store<f32>(wp + o, <f32>(<f64>weight * scale));
        continue;
      }
      let a = load<f32>(ap + o) * dPre;
      let b = load<f32>(bp + o) * dPost;
      let w = load<f32>(wp + o);
      if (sizeof<R>() == 1) {
        // stdp: a pair at one step counts as pre-before-post (aPlus is added first).
        if (pre) {
          a = a + aPlus;
          w = w - b;
        }
        if (post) {
          b = b + aMinus;
          w = w + a;
        }
      } else {
        // rstdp: the pair terms go into the eligibility c; the weight follows g * c.
        let c = load<f32>(cp + o) * dElig;
        if (pre) {
          a = a + aPlus;
          c = c - b;
        }
        if (post) {
          b = b + aMinus;
          c = c + a;
        }
        store<f32>(cp + o, c);
        w = w + g * c;
      }
      store<f32>(ap + o, a);
      store<f32>(bp + o, b);
      store<f32>(wp + o, min(max(w, wMin), wMax));
    }
  }
}

/** Dispatches on the target width (J_WIDE: u16, u32, u32 with the delay in the top byte). */
function walkRule<R>(pl: usize, pops: usize, t: i32, g: f32, reward: i32): void {
  const wide = load<i32>(load<usize>(pl + PL_PROJ) + J_WIDE);
  if (wide == 0) walk<u16, R>(pl, pops, t, g, reward);
  else if (wide == 1) walk<u32, R>(pl, pops, t, g, reward);
  else walk<u64, R>(pl, pops, t, g, reward);
}

/** Neurons of projection jd's source population. */
function sourceSize(jd: usize, pops: usize): i32 {
  return load<i32>(pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES) + P_SIZE);
}

/** Spikes of the reward population at step t (its spike list of the step). */
function rewardSpikes(pl: usize, pops: usize): i32 {
  return load<i32>(pops + <usize>(load<i32>(pl + PL_REWARD) * POP_BYTES) + P_COUNT);
}

/** homeostatic, every step: count[j] += 1 for each target neuron j that spiked at t. */
function countSpikes(pl: usize, pops: usize): void {
  const pd = pops + <usize>(load<i32>(pl + PL_TARGET) * POP_BYTES);
  const list = load<usize>(pd + P_LIST);
  const count = load<i32>(pd + P_COUNT);
  const counts = load<usize>(pl + PL_IW);
  for (let k = 0; k < count; k++) {
    const p = counts + ((<usize>load<u32>(list + ((<usize>k) << 2))) << 2);
    store<i32>(p, load<i32>(p) + 1);
  }
}

/**
 * Step 5e at step t, after every delivery of the step and before the reset: each projection
 * with a weight rule, in document order.
 */
export function applyWeightRules(hdr: usize, pops: usize, t: i32): void {
  const n = load<i32>(hdr + H_NPLAST);
  const table = load<usize>(hdr + H_PLASTS);
  for (let l = 0; l < n; l++) {
    const pl = table + <usize>(l * PLAST_BYTES);
    const rule = load<i32>(pl + PL_RULE);
    if (rule == RULE_HOMEOSTATIC) {
      countSpikes(pl, pops);
    } else if (rule == RULE_RSTDP) {
      // Once per projection: r decays and takes fround(amount * k); g = dt * r.
      const rp = load<usize>(pl + PL_R);
      let r = load<f32>(rp) * load<f32>(pl + PL_DREW);
      r = r + <f32>(load<f64>(pl + PL_AMOUNT) * <f64>rewardSpikes(pl, pops));
      store<f32>(rp, r);
      const g = load<f32>(pl + PL_DT) * r;
      if (load<i32>(pl + PL_FAST) != 0) {
        updateSharedTraces(pl, pops, t);
        const jd = load<usize>(pl + PL_PROJ);
        const count = load<u32>(load<usize>(jd + J_ROW) + ((<usize>sourceSize(jd, pops)) << 2));
        if (load<i32>(jd + J_WIDE) == 0) rstdpShared<u16>(pl, pops, t, g, count);
        else rstdpShared<u32>(pl, pops, t, g, count);
      } else walkRule<u16>(pl, pops, t, g, 0);
    } else if (rule == RULE_ONLINE_O1) {
      // The integer reward amount * k, saturated to the signed reward range (exact in f64).
      const raw = load<f64>(pl + PL_AMOUNT) * <f64>rewardSpikes(pl, pops);
      const lo = <f64>load<i32>(pl + PL_MINR);
      const hi = <f64>load<i32>(pl + PL_MAXR);
      const reward = <i32>(raw < lo ? lo : raw > hi ? hi : raw);
      if (load<i32>(pl + PL_FAST) != 0) {
        // One delay: traces per neuron, the weights walked only at rewarded steps.
        const jd = load<usize>(pl + PL_PROJ);
        const count = load<u32>(load<usize>(jd + J_ROW) + ((<usize>sourceSize(jd, pops)) << 2));
        if (load<i32>(jd + J_WIDE) == 0) onlineO1Shared<u16>(pl, pops, t, reward, count);
        else onlineO1Shared<u32>(pl, pops, t, reward, count);
      } else walkRule<u32>(pl, pops, t, 0, reward);
    } else if (load<i32>(pl + PL_FAST) == 1) {
      // stdp with one delay: event-driven.
      stdpEvents(pl, pops, t, load<i32>(load<usize>(pl + PL_PROJ) + J_WIDE));
    } else if (load<i32>(pl + PL_FAST) == 2) {
      // stdp with per-synapse delays: event-driven, apre from a ring of delay-0 traces.
      stdpDelayed(hdr, pl, pops, t, load<i32>(load<usize>(pl + PL_PROJ) + J_WIDE));
    } else {
      walkRule<u8>(pl, pops, t, 0, 0);
    }
  }
}
