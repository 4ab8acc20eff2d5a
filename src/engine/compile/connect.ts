/** Dispatch from a projection's connectivity rule to its builder. */
import type { Connectivity } from '../../model/document.ts';
import { convGeometry } from '../../model/conv-geometry.ts';
import type { FactorRows } from './connect-conv.ts';
import { connectConv } from './connect-conv.ts';
import { connectExplicit } from './connect-explicit.ts';
import { connectAllToAll, connectOneToOne } from './connect-dense.ts';
import { connectFixedFanIn } from './connect-fan-in.ts';
import { connectFixedProbability } from './connect-probability.ts';
import type { SparseRows } from './sparse-rows.ts';

/**
 * CSR rows (by source, targets ascending) for one projection.
 *
 * @param key `streamKey(seed, projectionIndex, PROJECTION_STREAM.connect)`; unused by the
 *   deterministic rules
 * @param sourceShape the source population's `shape`, read by the conv and pool rules (whose
 *   rows carry each synapse's kernel value as `factors`)
 * @example buildRows({ rule: 'one_to_one' }, 10, 10, false, key).targets.length // 10
 */
export function buildRows(
  connectivity: Connectivity,
  sourceSize: number,
  targetSize: number,
  samePopulation: boolean,
  key: number,
  sourceShape?: readonly number[],
): SparseRows | FactorRows {
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
    case 'explicit':
      return connectExplicit(connectivity.pairs, sourceSize);
    case 'conv2d':
    case 'conv1d':
    case 'sum_pool2d':
    case 'avg_pool2d': {
      const geometry = convGeometry(connectivity, sourceShape);
      // Validation refuses shapes that do not fit (checks/conv.ts); here it is a caller's bug.
      if (geometry === undefined) {
        throw new RangeError(
          `${connectivity.rule}: source shape ${JSON.stringify(sourceShape)} does not fit the rule`,
        );
      }
      return connectConv(geometry);
    }
  }
}
