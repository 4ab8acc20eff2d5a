/**
 * Checks of an SC layer that integrates in fixed point (`sc_dense` with `fixed_point`,
 * `src/engine/CONTEXT.md` step 1b integer): the fixed-point LIF's own checks on the layer's
 * values, constant inputs and no noise (the integer form has neither a float trace nor noise),
 * and every entry of the quantised current table inside W bits.
 */
import type { ScDenseParams, ScFixedPoint } from '../document.ts';
import { scCurrentTable } from '../../engine/sc/current-table.ts';
import { scFixedAsLif } from '../sc-fixed-point.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';
import { checkFixedPointNeuron, checkQuantised } from './fixed-point-lif.ts';

/**
 * Reports the problems of layer `params` (at `at`) with widths `widths`; `channelCount` is the
 * layer's channel count when it has a usable one.
 */
export function checkScFixedPoint(
  ctx: CheckContext,
  at: string,
  params: ScDenseParams,
  widths: ScFixedPoint,
  channelCount: number | undefined,
): void {
  if (params.inputs.kind !== 'constant') {
    flag(
      ctx,
      `${at}.inputs`,
      'must be constant with fixed_point: a rates trace is float32 and has no integer form ' +
        'yet (remove fixed_point to read rates)',
    );
  }
  if (params.noise_std !== 0) {
    flag(
      ctx,
      `${at}.noise_std`,
      `must be 0 with fixed_point (the integer neuron has no noise), got ${params.noise_std}`,
    );
  }
  if (params.resistance < 0) {
    // The gain register is unsigned (fixed_point_lif's schema asks resistance >= 0 too).
    flag(ctx, `${at}.resistance`, `must be >= 0 with fixed_point, got ${params.resistance}`);
  }
  if (!checkFixedPointNeuron(ctx, at, `${at}.fixed_point`, scFixedAsLif(params, widths))) return;
  if (channelCount === undefined) return;
  const table = scCurrentTable(params, channelCount);
  // One message for the first count out of range; the table is linear in k, so an end fails.
  table.some(
    (current, k) =>
      !checkQuantised(
        ctx,
        `${at}.${k === 0 ? 'y_min' : 'y_max'}`,
        `Isc(${k} active gates) =`,
        current,
        widths,
      ),
  );
}
