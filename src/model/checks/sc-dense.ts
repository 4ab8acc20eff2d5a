/**
 * Checks of an `sc_dense` layer that span fields: value and weight ranges, where its input
 * channels come from, and that it has exactly one weight per channel.
 */
import type { ScDenseParams } from '../document.ts';
import { MAX_SC_CHANNELS } from '../limits.ts';
import type { CheckContext } from './context.ts';
import { flag, resolvePopulation } from './context.ts';
import { checkScFixedPoint } from './sc-fixed-point.ts';

/**
 * Reports the problems of layer `id`'s parameters at `at` (`populations[i].params`). Values and
 * weights outside their ranges are accepted: the encoder clamps them, as the library does.
 */
export function checkScDense(
  ctx: CheckContext,
  at: string,
  id: string,
  params: ScDenseParams,
): void {
  checkRange(ctx, at, 'x', params.x_min, params.x_max);
  checkRange(ctx, at, 'w', params.w_min, params.w_max);
  if (!(params.v_reset < params.v_threshold)) {
    flag(
      ctx,
      `${at}.v_reset`,
      `must be < v_threshold (${params.v_threshold}), got ${params.v_reset}`,
    );
  }
  const channels = channelCount(ctx, at, id, params);
  if (params.fixed_point !== undefined) {
    checkScFixedPoint(ctx, at, params, params.fixed_point, channels?.count);
  }
  if (channels === undefined) return;
  if (params.weights.length !== channels.count) {
    flag(
      ctx,
      `${at}.weights`,
      `must have one weight per input channel (${channels.count}, ${channels.why}), ` +
        `got ${params.weights.length}`,
    );
  }
}

function checkRange(ctx: CheckContext, at: string, name: 'x' | 'w', min: number, max: number) {
  if (!(max > min)) flag(ctx, `${at}.${name}_max`, `must be > ${name}_min (${min}), got ${max}`);
}

/**
 * The layer's channel count and where it comes from, or undefined after reporting why there is
 * no usable count (no channels, too many, or a bad rates source).
 */
function channelCount(
  ctx: CheckContext,
  at: string,
  id: string,
  params: ScDenseParams,
): { count: number; why: string } | undefined {
  const inputs = params.inputs;
  if (inputs.kind === 'constant') {
    const count = inputs.values.length;
    const path = `${at}.inputs.values`;
    if (count === 0) {
      flag(ctx, path, 'must have at least one value (one per input channel), got none');
      return undefined;
    }
    if (count > MAX_SC_CHANNELS) {
      flag(ctx, path, `must have at most ${MAX_SC_CHANNELS} values (input channels), got ${count}`);
      return undefined;
    }
    return { count, why: 'the number of inputs.values' };
  }
  const path = `${at}.inputs.source`;
  if (inputs.source === id) {
    flag(
      ctx,
      path,
      `must name another population; layer ${JSON.stringify(id)} cannot read its own rates`,
    );
    return undefined;
  }
  const source = resolvePopulation(ctx, path, inputs.source);
  if (source === undefined) return undefined;
  if (source.size > MAX_SC_CHANNELS) {
    flag(
      ctx,
      path,
      `${JSON.stringify(source.id)} has ${source.size} neurons; an sc_dense layer takes at most ` +
        `${MAX_SC_CHANNELS} input channels (one per source neuron)`,
    );
    return undefined;
  }
  return { count: source.size, why: `the size of ${JSON.stringify(source.id)}` };
}
