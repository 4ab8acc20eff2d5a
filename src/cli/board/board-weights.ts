/**
 * The learned half of the board's verdict: the final weight of every learning synapse read
 * from the core (`readLearningSynapses`: w = integer weight x weight_scale) against the
 * engine's `learnedWeights()` after the same steps, synapse by synapse in connection order;
 * equal, or the first projection and synapse where they part.
 */
import type { NetworkDocument } from '../../model/document.ts';
import type { LearningSynapses } from '../../usb/board/core-run.ts';

export type WeightVerdict =
  | { readonly kind: 'equal'; readonly synapses: number; readonly projections: number }
  | {
      readonly kind: 'differs';
      readonly projection: string;
      readonly synapse: number;
      /** null: the engine (or the board) has no such synapse. */
      readonly engine: number | null;
      readonly board: number | null;
    };

/**
 * Compares the board's final weights with the engine's (projections in document order).
 *
 * @example compareWeights(doc, { o1: Float32Array.of(48) }, [{ projection: 0, w: [48], ... }])
 * // { kind: 'equal', synapses: 1, projections: 1 }
 */
export function compareWeights(
  doc: NetworkDocument,
  engine: Readonly<Record<string, Float32Array>>,
  board: readonly LearningSynapses[],
): WeightVerdict {
  let synapses = 0;
  for (const b of board) {
    const id = doc.projections[b.projection]?.id ?? `projection ${b.projection}`;
    const want = engine[id] ?? new Float32Array(0);
    const n = Math.max(want.length, b.w.length);
    for (let e = 0; e < n; e++) {
      const x = want[e];
      const y = b.w[e];
      if (x !== y) {
        return { kind: 'differs', projection: id, synapse: e, engine: x ?? null, board: y ?? null };
      }
    }
    synapses += n;
  }
  return { kind: 'equal', synapses, projections: board.length };
}

/** The weight verdict in one sentence. */
export function describeWeights(v: WeightVerdict): string {
  if (v.kind === 'equal') {
    return `learned weights equal: all ${v.synapses} synapses of ${v.projections} learning projection${v.projections === 1 ? '' : 's'}`;
  }
  const side = (x: number | null): string => (x === null ? 'no such synapse' : String(x));
  return `learned weights differ: projection '${v.projection}' synapse ${v.synapse}: the engine ${side(v.engine)}, the board ${side(v.board)}`;
}
