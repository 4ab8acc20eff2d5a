/**
 * An `sc_dense` layer's input channels as the editor sees them: how many there are, and how to
 * change the inputs while keeping one weight per channel (validation refuses any other count).
 */
import type { ScDenseParams, ScInputs } from './document.ts';

/**
 * The layer's channel count: its constant values, or the size of its rates source (undefined
 * when `sizeOf` knows no such population).
 *
 * @example scChannelCount(defaultParams('sc_dense'), () => undefined) // 8
 */
export function scChannelCount(
  params: Pick<ScDenseParams, 'inputs'>,
  sizeOf: (populationId: string) => number | undefined,
): number | undefined {
  return params.inputs.kind === 'constant'
    ? params.inputs.values.length
    : sizeOf(params.inputs.source);
}

/**
 * `params` with `inputs` replaced and `weights` resized to the new channel count: existing
 * weights keep their channel, new channels get the middle of [w_min, w_max], extra ones are
 * dropped. With an unknown rates source the weights are left as they are.
 *
 * @example
 * // Four constant inputs: the weights become the first four of the old eight.
 * withScInputs(params, { kind: 'constant', values: [0, 0.5, 1, 0.2] }, sizeOf).weights.length // 4
 */
export function withScInputs(
  params: ScDenseParams,
  inputs: ScInputs,
  sizeOf: (populationId: string) => number | undefined,
): ScDenseParams {
  const count = scChannelCount({ inputs }, sizeOf);
  if (count === undefined) return { ...params, inputs };
  const fill = (params.w_min + params.w_max) / 2;
  const weights = Array.from({ length: count }, (_, c) => params.weights[c] ?? fill);
  return { ...params, inputs, weights };
}
