/**
 * The integers a `fixed_point_lif` parameter becomes (CONTEXT.md step 2f), shown beside its
 * real value so the user sees what the chip runs: `256 × 2^-8` for a threshold of 1 at 8
 * fraction bits, `20 × 2^-12` for the leak of tau_mem 20 ms at dt 0.1 ms. Pure, unit-tested.
 */
import type { FixedPointLifParams } from '../../model/index.ts';
import { quantise } from '../../engine/fixed-point/fixed-lif-step.ts';
import { formatNumber } from '../editor/projection-summary.ts';

const VALUE_KEYS = new Set(['v_rest', 'v_reset', 'v_threshold', 'bias']);

/**
 * The note beside `key` of a fixed-point population at step `dt` ms, or `null` when the key
 * has no integer of its own (fraction and scale bits, v_init).
 *
 * @example fixedPointNote(defaults, 'v_threshold', 0.1) // '→ 256 × 2^-8'
 */
export function fixedPointNote(
  p: FixedPointLifParams,
  key: string,
  dt: number | undefined,
): string | null {
  const f = p.fraction_bits;
  const s = p.scale_bits;
  if (VALUE_KEYS.has(key)) {
    const value = p[key as 'v_rest' | 'v_reset' | 'v_threshold' | 'bias'];
    return `→ ${String(quantise(value, f))} × 2^-${String(f)}`;
  }
  // Leak, gain and the refractory steps depend on dt: no note without it.
  if (dt === undefined) return null;
  if (key === 'tau_mem')
    return `leak ${String(Math.round((dt / p.tau_mem) * 2 ** s))} × 2^-${String(s)}`;
  if (key === 'resistance')
    return `gain ${String(Math.round(p.resistance * dt * 2 ** s))} × 2^-${String(s)}`;
  if (key === 'refractory_period') {
    const steps = Math.round(p.refractory_period / dt);
    return `${String(steps)} ${steps === 1 ? 'step' : 'steps'}`;
  }
  if (key === 'total_bits') {
    const half = 2 ** (p.total_bits - 1);
    return `range ±${formatNumber(half / 2 ** f)}`;
  }
  return null;
}
