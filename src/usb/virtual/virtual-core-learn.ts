/**
 * The learning pass of the virtual core's step (an ONLINE_O1 = 1 core; hdl/README.md, "Phases
 * of one step" 5, the engine's step 5e online_o1): after every delivery and the Loihi pass,
 * each projection with `prj.hex` field 11 bit 0 (document order), its sources ascending, each
 * source's synapses in CSR order. A synapse's step is the engine's `stepOnlineO1` with
 *   pre = bit (t - d) mod DMAX of the source's history word (d <= t),
 *   post = bit t mod DMAX of the target's, R = amount x the reward population's count of t,
 * and the delivered weight the RTL writes into `syn_weight` is `o1Delivered` (the generator's
 * min(w x scale, 2^23 - 1)). Only the registers' widths and the RTL's walk are added here.
 */
import {
  validateOnlineO1Config,
  type OnlineO1Config,
} from '../../engine/learning/online-o1-config.ts';
import { stepOnlineO1 } from '../../engine/learning/online-o1-step.ts';
import { o1Delivered, PRJ_FIELDS } from '../../hdl/core-images.ts';
import { signExtend } from './virtual-core-bits.ts';
import type { CoreMemory } from './virtual-core-memory.ts';
import { VirtualCoreError } from './virtual-core-pass.ts';

/** One learning projection as `S_LPRJ` latches it. */
interface Learner {
  readonly config: OnlineO1Config;
  /** Field 14's low 24 bits (`o1_scale`). */
  readonly scale: number;
  /** amount (field 13, 32-bit signed) x count: exact in a double (|x| < 2^44). */
  readonly reward: number;
}

/**
 * Runs the learning pass of step `m.t` (nothing unless the core has ONLINE_O1).
 *
 * @throws VirtualCoreError for a packed configuration (field 11) the engine does not define.
 */
export function learningPass(m: CoreMemory): void {
  if (!m.onlineO1) return;
  const c = m.capacity;
  const slot = m.t & (c.DMAX - 1);
  for (let k = 0; k !== m.net[1]; k = (k + 1) & (2 * c.PRJMAX - 1)) {
    const kf = (k & (c.PRJMAX - 1)) * PRJ_FIELDS;
    const at = (i: number): number => m.prj[kf + i] ?? 0;
    if ((at(11) & 1) === 0) continue; // this projection does not learn
    const count = m.cnt[slot * c.POPMAX + (at(12) & (c.POPMAX - 1))] ?? 0;
    const learner: Learner = {
      config: unpack(at(11), k & (c.PRJMAX - 1)),
      scale: at(14) & 0xffffff,
      reward: signExtend(at(13), 32) * count,
    };
    const srcBase = at(1) & (c.NMAX - 1);
    const sources = at(2) & (2 * c.NMAX - 1);
    const rowBase = at(6) & (c.ROWMAX - 1);
    for (let s = 0; s < sources; s++) {
      const word = ((srcBase + (s & (c.NMAX - 1))) & (c.NMAX - 1)) * m.histWords;
      learnRow(m, learner, (rowBase + s) & (c.ROWMAX - 1), word);
    }
  }
}

/** Field 11's 5-bit fields (`o1_cfg`), checked as the engine checks a configuration. */
function unpack(word: number, k: number): OnlineO1Config {
  const bits = (shift: number): number => (word >>> shift) & 31;
  const fields = {
    weight_bits: bits(1),
    trace_bits: bits(6),
    reward_bits: bits(11),
    learning_shift: bits(16),
    trace_decay_shift: bits(21),
  };
  const result = validateOnlineO1Config(fields);
  if (!result.ok) {
    // online_o1_var is exact only inside the engine's ranges (its header); the generator never
    // packs others, so the twin has nothing to follow outside them.
    const issues = result.issues.map((i) => `${i.field} ${i.message}`).join('; ');
    throw new VirtualCoreError(
      `projection ${k}: prj.hex word 11 packs an OnlineO1 configuration the engine does not define (${issues})`,
    );
  }
  return result.config;
}

/**
 * Synapses row_start .. row_end - 1 of row `row` (the counter is log2(SYNMAX) + 1 bits wide, as
 * the delivery walk's), the source's history word at `word`.
 */
function learnRow(m: CoreMemory, learner: Learner, row: number, word: number): void {
  const c = m.capacity;
  const start = m.rowStart[row] ?? 0;
  const end = m.rowEnd[row] ?? 0;
  if (start === end) return;
  const t = m.t;
  const slot = t & (c.DMAX - 1);
  const postBit = 1 << (slot & 31);
  let e = start;
  do {
    const syn = e & (c.SYNMAX - 1);
    e = (e + 1) & (2 * c.SYNMAX - 1);
    const d = m.synDelay[syn] ?? 0;
    const since = (t - d) & (c.DMAX - 1);
    const pre = d <= t && ((m.hist[word + (since >>> 5)] ?? 0) & (1 << (since & 31))) !== 0;
    const target = (m.synTarget[syn] ?? 0) * m.histWords;
    const post = ((m.hist[target + (slot >>> 5)] ?? 0) & postBit) !== 0;
    const next = stepOnlineO1(
      learner.config,
      {
        weight: m.o1Weight[syn] ?? 0,
        preTrace: m.o1Pre[syn] ?? 0,
        postTrace: m.o1Post[syn] ?? 0,
        eligibility: m.o1Elig[syn] ?? 0,
      },
      pre,
      post,
      learner.reward,
    );
    m.o1Weight[syn] = next.weight;
    m.o1Pre[syn] = next.preTrace;
    m.o1Post[syn] = next.postTrace;
    m.o1Elig[syn] = next.eligibility;
    m.synWeight[syn] = o1Delivered(next.weight, learner.scale);
  } while (e !== end);
}
