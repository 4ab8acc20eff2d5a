/**
 * Incoming-synapse lists, one per (target neuron, destination), for the gather kernels.
 *
 * The plan stores connectivity by source (CSR). A kernel with one thread per target must instead
 * walk that target's incoming synapses, and to reproduce the reference's float sums bit for bit
 * it must add them in the order CONTEXT.md applies them: projection (document order), then
 * source ascending, then the synapse's position in the source's row. Visiting the CSR in exactly
 * that order and appending each synapse to its list yields lists already in that order, so a
 * stable counting sort is all it takes.
 *
 * A neuron's destinations are its V (delta synapses) and each channel slot (current synapses);
 * list k of neuron j is row `j * (1 + slots) + k`, k = 0 for V. All lists share two interleaved
 * entry tables (two storage buffers on WebGPU, see layout.ts), and each list's first entry and
 * length go into the neuron's row of `layout.neurons`.
 *
 * Entries are interleaved across `layout.listStride` neighbouring neurons (a sliced ELL layout):
 * entry k of neuron j's list sits at `start_j + k * stride`, and the lists of one slice of
 * `stride` neurons are padded to the slice's longest. GPU threads of neighbouring neurons run
 * side by side, so their k-th reads then fall on neighbouring addresses (coalesced) instead of
 * one cache line each.
 */
import type { Plan } from '../../plan.ts';
import { HISTORY_BITS, NEURON, destinationLists, type DeviceLayout } from './layout.ts';

export interface GatherLists {
  /**
   * Per entry: global index of the source neuron, then the weight; for a synapse of a plastic
   * projection, -(source + 1), then the state row of its weight (plasticity-layout.ts).
   */
  sourceWeight: Float32Array;
  /**
   * Per entry, for a delay d >= 1: the word of the state's history (as it was before the step)
   * that holds the step t - d, floor((d-1) / HISTORY_BITS), then 2^-(b+1) for its bit b =
   * (d-1) mod HISTORY_BITS: `fract(word * scale) >= 0.5` exactly when bit b is set (a word is an
   * integer below 2^16, so the product and its fraction are exact). For d = 0 the word is -1:
   * the source's flag of the step itself is tested.
   */
  wordScale: Float32Array;
  /** Longest list (the kernels' loop bound). */
  maxList: number;
  /**
   * When asked for: per entry, the projection of its synapse (-1 for padding), so that a live
   * weight edit can rewrite that projection's weights in place (runner.ts); else null.
   */
  projectionOf: Int32Array | null;
}

/** Float32 indexes exactly up to 2^24; entries are indexed at 2e and 2e+1. */
const MAX_ENTRIES = 2 ** 23;

/**
 * Builds the entry tables and writes every list's bounds into `layout.neurons`; with
 * `withProjections`, also each entry's projection (`projectionOf`).
 */
export function buildGatherLists(
  plan: Plan,
  layout: DeviceLayout,
  withProjections = false,
): GatherLists {
  const { total, slots, offsets, neurons, neuronStride } = layout;
  const lists = 1 + slots;
  const listOf = destinationLists(plan);
  const counts = new Uint32Array(total * lists);
  // Visits every synapse in CONTEXT.md step 5's order, with the row of its list.
  const visit = (
    each: (row: number, source: number, w: number, d: number, k: number, e: number) => void,
  ): void => {
    plan.projections.forEach((proj, k) => {
      const list = listOf[k] ?? 0;
      const srcBase = offsets[proj.source] ?? 0;
      const tgtBase = offsets[proj.target] ?? 0;
      const { rowPtr, targets, weights, delays } = proj.csr;
      for (let s = 0; s + 1 < rowPtr.length; s++) {
        const end = rowPtr[s + 1] ?? 0;
        for (let e = rowPtr[s] ?? 0; e < end; e++) {
          const w = weights instanceof Float32Array ? (weights[e] ?? 0) : weights.constant;
          const d = delays instanceof Uint8Array ? (delays[e] ?? 0) : delays.constant;
          each((tgtBase + (targets[e] ?? 0)) * lists + list, srcBase + s, w, d, k, e);
        }
      }
    });
  };
  visit((row) => {
    counts[row] = (counts[row] ?? 0) + 1;
  });
  // Slice (stride neurons) by list: padded length, then where its block starts.
  const stride = layout.listStride;
  const slices = Math.ceil(total / stride);
  const fill = new Uint32Array(total * lists);
  let sum = 0;
  let maxList = 0;
  for (let slice = 0; slice < slices; slice++) {
    for (let list = 0; list < lists; list++) {
      let longest = 0;
      const first = slice * stride;
      const last = Math.min(total, first + stride);
      for (let j = first; j < last; j++) longest = Math.max(longest, counts[j * lists + list] ?? 0);
      for (let j = first; j < last; j++) {
        const row = j * lists + list;
        fill[row] = sum + (j - first);
        const at = j * neuronStride + NEURON.lists + 2 * list;
        neurons[at] = sum + (j - first);
        neurons[at + 1] = counts[row] ?? 0;
      }
      sum += longest * stride;
      maxList = Math.max(maxList, longest);
    }
  }
  if (sum > MAX_ENTRIES) {
    throw new RangeError(`gpu backend: ${sum} list entries exceed the ${MAX_ENTRIES} it can index`);
  }
  // Zero-length arrays would make zero-sized textures and buffers; one padding entry is unread.
  const sourceWeight = new Float32Array(2 * Math.max(1, sum));
  const wordScale = new Float32Array(2 * Math.max(1, sum));
  const projectionOf = withProjections ? new Int32Array(Math.max(1, sum)).fill(-1) : null;
  const plastic = new Map(layout.plastic?.projections.map((p) => [p.projection, p]));
  visit((row, source, w, d, k, e) => {
    const at = fill[row] ?? 0;
    fill[row] = at + stride;
    const word = d === 0 ? -1 : Math.floor((d - 1) / HISTORY_BITS);
    // A plastic synapse's weight is state (plasticity-layout.ts): its source is stored as
    // -(source + 1) and its weight slot holds the state row of its weight.
    const p = plastic.get(k);
    sourceWeight[2 * at] = p ? -(source + 1) : source;
    sourceWeight[2 * at + 1] = p ? p.firstRow + (p.slot[e] ?? 0) : w;
    wordScale[2 * at] = word;
    wordScale[2 * at + 1] = d === 0 ? 1 : 2 ** -(d - 1 - word * HISTORY_BITS + 1);
    if (projectionOf) projectionOf[at] = k;
  });
  return { sourceWeight, wordScale, maxList, projectionOf };
}
