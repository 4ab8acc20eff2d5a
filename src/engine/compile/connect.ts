/** Dispatch from a projection's connectivity rule to its builder. */
import type { Connectivity } from '../../model/document.ts';
import { connectAllToAll, connectOneToOne } from './connect-dense.ts';
import { connectFixedFanIn } from './connect-fan-in.ts';
import { connectFixedProbability } from './connect-probability.ts';
import type { SparseRows } from './sparse-rows.ts';

/**
 * CSR rows (by source, targets ascending) for one projection.
 *
 * @param key `streamKey(seed, projectionIndex, PROJECTION_STREAM.connect)`; unused by the
 *   deterministic rules
 * @example buildRows({ rule: 'one_to_one' }, 10, 10, false, key).targets.length // 10
 */
export function buildRows(
  connectivity: Connectivity,
  sourceSize: number,
  targetSize: number,
  samePopulation: boolean,
  key: number,
): SparseRows {
  switch (connectivity.rule) {
    case 'all_to_all':
      return connectAllToAll(sourceSize, targetSize, connectivity.allow_self, samePopulation);
    case 'one_to_one':
      return connectOneToOne(sourceSize, targetSize);
    case 'fixed_probability':
      return connectFixedProbability(
        sourceSize,
        targetSize,
        connectivity.p,
        connectivity.allow_self,
        samePopulation,
        key,
      );
    case 'fixed_fan_in':
      return connectFixedFanIn(
        sourceSize,
        targetSize,
        connectivity.k,
        connectivity.allow_self,
        samePopulation,
        key,
      );
  }
}
