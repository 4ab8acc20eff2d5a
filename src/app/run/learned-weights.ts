/**
 * "Keep learned weights": the run's current weights written into the document as each plastic
 * projection's `{ kind: 'explicit', values }`, in one edit. Pure, so it is tested without a
 * worker.
 */
import type { NetworkDocument } from '../../model/index.ts';
import { knownSynapseCount } from '../../model/checks/per-synapse-list.ts';
import { isGridded } from '../../model/conv-geometry.ts';

/**
 * The shortest decimal that is the same float32 as `x` (`0.1f` reads 0.1, not
 * 0.10000000149011612), so the saved document is readable and compiles back to the same bits.
 *
 * @example shortestFloat32(Math.fround(0.1)) // 0.1
 */
export function shortestFloat32(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  for (let digits = 1; digits < 9; digits += 1) {
    const candidate = Number(x.toPrecision(digits));
    if (Math.fround(candidate) === x) return candidate;
  }
  return Number(x.toPrecision(9));
}

export interface KeptWeights {
  /** The document with the weights written (the same object when nothing was written). */
  document: NetworkDocument;
  /** Projections whose weights were written. */
  kept: string[];
  /** Projections that could not take them, with why (in words for a toast). */
  skipped: { id: string; reason: string }[];
}

/**
 * `doc` with every projection of `weights` given those values as explicit weights. A projection
 * is skipped (and said why) when the document no longer has it, when its connectivity draws
 * synapses at random (an explicit list needs a known synapse count: all_to_all or
 * one_to_one), or when its synapse count changed since the run was compiled.
 *
 * @example keepLearnedWeights(doc, { stdp: Float32Array.of(0.5, 1) }).kept // ['stdp']
 */
export function keepLearnedWeights(
  doc: NetworkDocument,
  weights: Readonly<Record<string, Float32Array>>,
): KeptWeights {
  const kept: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  const written = new Map<string, number[]>();
  for (const [id, values] of Object.entries(weights)) {
    const projection = doc.projections.find((p) => p.id === id);
    const source = doc.populations.find((p) => p.id === projection?.source);
    const target = doc.populations.find((p) => p.id === projection?.target);
    if (projection === undefined || source === undefined || target === undefined) {
      skipped.push({ id, reason: 'it is no longer in the network' });
      continue;
    }
    const count = knownSynapseCount(projection, source, target);
    if (isGridded(projection.connectivity)) {
      // A conv or pool rule's weights are its kernel times one constant: no per-synapse list.
      skipped.push({
        id,
        reason: `its ${projection.connectivity.rule} weights come from a kernel shared by every position; learned per-synapse weights do not fit it`,
      });
    } else if (count === undefined) {
      skipped.push({
        id,
        reason: `its ${projection.connectivity.rule} connectivity draws its synapses at random; per-synapse weights need all_to_all or one_to_one`,
      });
    } else if (count !== values.length) {
      skipped.push({
        id,
        reason: `it has ${count} synapses now and the run had ${values.length}: Reset and run again`,
      });
    } else {
      kept.push(id);
      written.set(id, Array.from(values, shortestFloat32));
    }
  }
  if (written.size === 0) return { document: doc, kept, skipped };
  const projections = doc.projections.map((p) => {
    const values = written.get(p.id);
    return values === undefined ? p : { ...p, weight: { kind: 'explicit' as const, values } };
  });
  return { document: { ...doc, projections }, kept, skipped };
}
