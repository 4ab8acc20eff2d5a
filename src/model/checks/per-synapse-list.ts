/**
 * A projection may list one value per synapse (Loihi mantissas, DPI weights). That only has a
 * meaning when the synapse count is known before drawing, i.e. for the deterministic rules.
 */
import type { Population, Projection } from '../document.ts';
import { convGeometry, convSynapseCount } from '../conv-geometry.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';

/**
 * Flags `path` unless the projection's rule has a known synapse count equal to `length`.
 *
 * @example checkPerSynapseList(ctx, 'projections[0].synapse.weights', pr, src, tgt, 6);
 */
export function checkPerSynapseList(
  ctx: CheckContext,
  path: string,
  projection: Projection,
  source: Population,
  target: Population,
  length: number,
): void {
  const count = knownSynapseCount(projection, source, target);
  if (count === undefined) {
    flag(
      ctx,
      path,
      `needs a rule with a known synapse count (all_to_all, one_to_one, explicit, conv or pool), got ${projection.connectivity.rule}`,
    );
  } else if (length !== count) {
    flag(ctx, path, `must have one entry per synapse (${count}), got ${length}`);
  }
}

/**
 * Synapses of a deterministic rule, or undefined for the random ones (and for a conv or pool
 * rule whose shapes do not fit).
 */
export function knownSynapseCount(
  projection: Projection,
  source: Population,
  target: Population,
): number | undefined {
  const c = projection.connectivity;
  switch (c.rule) {
    case 'all_to_all':
      return (
        source.size * target.size - (source.id === target.id && !c.allow_self ? source.size : 0)
      );
    case 'one_to_one':
      return source.size;
    case 'fixed_probability':
    case 'fixed_fan_in':
      return undefined;
    case 'explicit':
      return c.pairs.sources.length;
    case 'conv2d':
    case 'conv1d':
    case 'sum_pool2d':
    case 'avg_pool2d': {
      // Undefined when the shapes do not fit: checks/conv.ts names that.
      const g = convGeometry(c, source.shape);
      return g === undefined ? undefined : convSynapseCount(g);
    }
  }
}
