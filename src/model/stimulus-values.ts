/**
 * The amplitudes a stimulus injects, whatever its kind: a step's one amplitude, a current
 * series' values. Range checks (fixed point, the hardware's registers) read these.
 */
import type { Stimulus } from './document.ts';

/**
 * Every amplitude the stimulus can add to its target's input, with the path of each.
 *
 * @example stimulusAmplitudes({ kind: 'current_series', values: [1, -2], ... }, 'stimuli[0]')
 * // [{ path: 'stimuli[0].values[0]', value: 1 }, { path: 'stimuli[0].values[1]', value: -2 }]
 */
export function stimulusAmplitudes(s: Stimulus, at: string): { path: string; value: number }[] {
  return s.kind === 'current_step'
    ? [{ path: `${at}.amplitude`, value: s.amplitude }]
    : s.values.map((value, k) => ({ path: `${at}.values[${k}]`, value }));
}

/**
 * The largest magnitude the stimulus adds at any one time (only one value of a series is
 * active at a time).
 *
 * @example stimulusPeak({ kind: 'current_step', amplitude: -3, ... }) // 3
 */
export function stimulusPeak(s: Stimulus): number {
  return s.kind === 'current_step'
    ? Math.abs(s.amplitude)
    : s.values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}
