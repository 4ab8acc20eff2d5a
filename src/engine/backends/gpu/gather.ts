/**
 * Incoming-synapse lists, one per target row, for the gather kernels.
 *
 * The plan stores connectivity by source (CSR). A kernel with one thread per target must instead
 * walk that target's incoming synapses, and to reproduce the reference's float sums bit for bit
 * it must add them in the order CONTEXT.md applies them: projection (document order), then
 * source ascending, then the synapse's position in the source's row. Visiting the CSR in exactly
 * that order and appending each synapse to its target's list yields lists already in that order,
 * so a stable counting sort is all it takes.
 */
import type { Plan } from '../../plan.ts';
import { HISTORY_BITS, channelSlot, type DeviceLayout } from './layout.ts';

export interface GatherLists {
  /** `ptr[r]..ptr[r+1]` are the entries of row r; length rows+1. */
  ptr: Float32Array;
  /** Global index of the source neuron of each entry. */
  source: Float32Array;
  weight: Float32Array;
  /** History word holding the entry's delay: floor(delay / HISTORY_BITS). */
  word: Float32Array;
  /**
   * 2^-(b+1) for the delay's bit b within its word: `fract(word * scale) >= 0.5` exactly when
   * bit b is set (the word is an integer below 2^16, so the product and its fraction are exact).
   */
  scale: Float32Array;
  /** Longest row (the kernels' loop bound). */
  maxRow: number;
}

/** Where a projection's synapses land: `row(target)` of the V lists or of the channel lists. */
interface Destination {
  lists: 'v' | 'channel';
  row: (globalTarget: number) => number;
}

/**
 * Builds the lists for delta synapses (rows: global neuron index) and for current synapses
 * (rows: `slot * total + global neuron index`).
 */
export function buildGatherLists(
  plan: Plan,
  layout: DeviceLayout,
): { v: GatherLists; channel: GatherLists } {
  const { total } = layout;
  const dests: Destination[] = plan.projections.map((proj) => {
    const dest = proj.destination;
    if (dest.kind === 'delta') return { lists: 'v', row: (j) => j };
    const slot = channelSlot(plan, dest.channel);
    return { lists: 'channel', row: (j) => slot * total + j };
  });
  const builders = {
    v: new ListBuilder(total),
    channel: new ListBuilder(layout.slots * total),
  };
  // Pass 1 counts, pass 2 fills; both visit synapses in the order of CONTEXT.md step 5.
  for (const pass of [0, 1] as const) {
    plan.projections.forEach((proj, k) => {
      const dest = dests[k];
      if (!dest) return;
      const builder = builders[dest.lists];
      const srcBase = layout.offsets[proj.source] ?? 0;
      const tgtBase = layout.offsets[proj.target] ?? 0;
      const { rowPtr, targets, weights, delays } = proj.csr;
      for (let s = 0; s + 1 < rowPtr.length; s++) {
        const end = rowPtr[s + 1] ?? 0;
        for (let e = rowPtr[s] ?? 0; e < end; e++) {
          const row = dest.row(tgtBase + (targets[e] ?? 0));
          if (pass === 0) {
            builder.count(row);
          } else {
            const w = weights instanceof Float32Array ? (weights[e] ?? 0) : weights.constant;
            const d = delays instanceof Uint8Array ? (delays[e] ?? 0) : delays.constant;
            builder.add(row, srcBase + s, w, d);
          }
        }
      }
    });
    if (pass === 0) {
      builders.v.allocate();
      builders.channel.allocate();
    }
  }
  return { v: builders.v.finish(), channel: builders.channel.finish() };
}

class ListBuilder {
  private readonly counts: Uint32Array;
  private fill = new Uint32Array(0);
  private lists: GatherLists | undefined;

  constructor(private readonly rows: number) {
    this.counts = new Uint32Array(rows);
  }

  count(row: number): void {
    this.counts[row] = (this.counts[row] ?? 0) + 1;
  }

  allocate(): void {
    const ptr = new Float32Array(this.rows + 1);
    let sum = 0;
    let maxRow = 0;
    for (let r = 0; r < this.rows; r++) {
      ptr[r] = sum;
      const c = this.counts[r] ?? 0;
      sum += c;
      maxRow = Math.max(maxRow, c);
    }
    ptr[this.rows] = sum;
    if (sum >= 2 ** 24) {
      // Entry indices travel as float32 in the kernels; beyond 2^24 they would round.
      throw new RangeError(`gpu backend: ${sum} synapses exceed the 2^24 a kernel can index`);
    }
    // Empty arrays would give gpu.js a zero-sized texture; one padding entry is never read.
    const n = Math.max(1, sum);
    this.lists = {
      ptr,
      source: new Float32Array(n),
      weight: new Float32Array(n),
      word: new Float32Array(n),
      scale: new Float32Array(n),
      maxRow,
    };
    this.fill = Uint32Array.from(ptr.subarray(0, this.rows));
  }

  add(row: number, source: number, weight: number, delay: number): void {
    const lists = this.lists;
    if (!lists) throw new Error('gpu backend: gather list not allocated');
    const at = this.fill[row] ?? 0;
    this.fill[row] = at + 1;
    lists.source[at] = source;
    lists.weight[at] = weight;
    const word = Math.floor(delay / HISTORY_BITS);
    lists.word[at] = word;
    lists.scale[at] = 2 ** -(delay - word * HISTORY_BITS + 1);
  }

  finish(): GatherLists {
    if (!this.lists) throw new Error('gpu backend: gather list not allocated');
    return this.lists;
  }
}
