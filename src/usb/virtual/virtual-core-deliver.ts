/**
 * The delivery walk of the virtual core's step (hdl/README.md, "Phases of one step" 3; the
 * engine's step 5 and 5c's deliveries): projections in document order; a constant-delay
 * projection walks the spike list of slot (t - d) mod DMAX, a per-synapse-delay one scans every
 * source whose history word has a bit in [t - maxDelay, t] and tests each synapse's own bit;
 * synapses in CSR order. Each event adds its weight to the target's channel bank with the
 * engine's saturating add (`fixedDeliver`) in exactly this order, or to a Loihi target's I
 * with a 32-bit add (the engine's exact sum, which the core keeps in 32 bits).
 */
import { fixedDeliver } from '../../engine/fixed-point/fixed-lif-step.ts';
import { CORE_WMAX, PRJ_FIELDS } from '../../hdl/core-images.ts';
import { rangeWidth, signExtend } from './virtual-core-bits.ts';
import type { CoreMemory } from './virtual-core-memory.ts';
import { VirtualCoreError } from './virtual-core-pass.ts';

/** Where one projection's events go. */
interface Destination {
  readonly index: number;
  readonly toLoihi: boolean;
  readonly bank: Int32Array | undefined;
  /** W of the target's bounds (prj.hex words 4, 5), null when they are not a W-bit range. */
  readonly totalBits: number | null;
}

/**
 * Runs the delivery phase of step `m.t`.
 *
 * @throws VirtualCoreError for an event into a target whose bounds are not a W-bit range.
 */
export function deliver(m: CoreMemory): void {
  const c = m.capacity;
  const t = m.t;
  const slot = t & (c.DMAX - 1);
  const window = new Uint32Array(m.histWords);
  for (let k = 0; k !== m.net[1]; k = (k + 1) & (2 * c.PRJMAX - 1)) {
    const kf = (k & (c.PRJMAX - 1)) * PRJ_FIELDS;
    const at = (i: number): number => m.prj[kf + i] ?? 0;
    const perSynapse = (at(7) & 1) === 1;
    const delay = at(8);
    if (!perSynapse && delay > t) continue; // every event's step is before step 0
    const destination: Destination = {
      index: k & (c.PRJMAX - 1),
      toLoihi: m.loihi && (at(10) & 1) === 1,
      bank: m.banks[at(3) & 15], // a bank >= CHMAX is never written (the RTL's one-hot is 0)
      totalBits: rangeWidth(signExtend(at(4), CORE_WMAX), signExtend(at(5), CORE_WMAX)),
    };
    const srcBase = at(1) & (c.NMAX - 1);
    const rowBase = at(6) & (c.ROWMAX - 1);
    if (perSynapse) {
      windowBits(window, slot, at(9), t, c.DMAX);
      const sources = at(2) & (2 * c.NMAX - 1);
      for (let s = 0; s < sources; s++) {
        const word = ((srcBase + s) & (c.NMAX - 1)) * m.histWords;
        if (!overlaps(m.hist, word, window)) continue;
        walkRow(m, destination, (rowBase + (s & (c.NMAX - 1))) & (c.ROWMAX - 1), word);
      }
    } else {
      const from = (slot - (delay & (c.DMAX - 1))) & (c.DMAX - 1);
      const sources = m.cnt[from * c.POPMAX + (at(0) & (c.POPMAX - 1))] ?? 0;
      for (let i = 0; i < sources; i++) {
        const source = m.list[from * c.NMAX + ((srcBase + i) & (c.NMAX - 1))] ?? 0;
        walkRow(m, destination, (rowBase + source) & (c.ROWMAX - 1), -1);
      }
    }
  }
}

/** History bits (t - d) mod DMAX for d in [0, min(maxDelay, t)] (`window_next`). */
function windowBits(window: Uint32Array, slot: number, maxDelay: number, t: number, dmax: number) {
  window.fill(0);
  for (let d = 0; d < dmax; d++) {
    if (d > maxDelay || d > t) break;
    const bit = (slot - d) & (dmax - 1);
    window[bit >>> 5] = (window[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
}

function overlaps(hist: Uint32Array, word: number, window: Uint32Array): boolean {
  for (let i = 0; i < window.length; i++) {
    if (((hist[word + i] ?? 0) & (window[i] ?? 0)) !== 0) return true;
  }
  return false;
}

/**
 * The events of row `row`, synapses row_start .. row_end - 1 (the RTL's counter is
 * log2(SYNMAX) + 1 bits wide and stops at row_end). `word` is the source's history word
 * (per-synapse delays) or -1 (constant delay: every synapse delivers).
 */
function walkRow(m: CoreMemory, to: Destination, row: number, word: number): void {
  const c = m.capacity;
  const start = m.rowStart[row] ?? 0;
  const end = m.rowEnd[row] ?? 0;
  if (start === end) return;
  const t = m.t;
  let e = start;
  do {
    const syn = e & (c.SYNMAX - 1);
    e = (e + 1) & (2 * c.SYNMAX - 1);
    if (word >= 0) {
      const d = m.synDelay[syn] ?? 0;
      if (d > t) continue;
      const bit = (t - d) & (c.DMAX - 1);
      if (((m.hist[word + (bit >>> 5)] ?? 0) & (1 << (bit & 31))) === 0) continue;
    }
    event(m, to, m.synTarget[syn] ?? 0, m.synWeight[syn] ?? 0);
  } while (e !== end);
}

function event(m: CoreMemory, to: Destination, target: number, weight: number): void {
  if (to.toLoihi) {
    m.loihiI[target] = ((m.loihiI[target] ?? 0) + weight) | 0;
    return;
  }
  if (to.bank === undefined) return;
  if (to.totalBits === null) {
    throw new VirtualCoreError(
      `projection ${to.index}: target bounds are not a W-bit range (prj.hex words 4, 5)`,
    );
  }
  to.bank[target] = fixedDeliver(to.bank[target] ?? 0, weight, to.totalBits);
}
