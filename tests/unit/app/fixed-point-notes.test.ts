/** The integers the inspector shows beside a fixed-point LIF's real parameters. */
import { describe, expect, it } from 'vitest';
import { fixedPointNote } from '../../../src/app/inspector/fixed-point-notes.ts';
import { paramNote } from '../../../src/app/inspector/chip-units.ts';
import { createPopulation, defaultParams } from '../../../src/model/index.ts';

describe('fixedPointNote', () => {
  const p = defaultParams('fixed_point_lif');

  it('shows q(x) in units of 2^-F for the potentials and the bias', () => {
    expect(fixedPointNote(p, 'v_threshold', 0.1)).toBe('→ 256 × 2^-8');
    expect(fixedPointNote({ ...p, bias: -0.7 }, 'bias', 0.1)).toBe('→ -179 × 2^-8');
    expect(fixedPointNote({ ...p, fraction_bits: 10, v_reset: 0.5 }, 'v_reset', 1)).toBe(
      '→ 512 × 2^-10',
    );
  });

  it('shows leak and gain in units of 2^-S at the run dt, and the refractory steps', () => {
    // 0.1 / 20 * 4096 = 20.48; 1 * 0.1 * 4096 = 409.6.
    expect(fixedPointNote(p, 'tau_mem', 0.1)).toBe('leak 20 × 2^-12');
    expect(fixedPointNote(p, 'resistance', 0.1)).toBe('gain 410 × 2^-12');
    expect(fixedPointNote({ ...p, refractory_period: 2 }, 'refractory_period', 0.1)).toBe(
      '20 steps',
    );
    expect(fixedPointNote(p, 'tau_mem', undefined)).toBeNull();
  });

  it('shows the real range of W bits, and nothing for the other widths', () => {
    expect(fixedPointNote(p, 'total_bits', 0.1)).toBe('range ±128');
    expect(fixedPointNote(p, 'fraction_bits', 0.1)).toBeNull();
    expect(fixedPointNote(p, 'v_init', 0.1)).toBeNull();
  });

  it('is what paramNote gives for a fixed-point population', () => {
    const population = createPopulation('fixed_point_lif', 'f', { x: 0, y: 0 });
    expect(paramNote(population, 'v_threshold', 1)).toBe('→ 256 × 2^-8');
  });
});
