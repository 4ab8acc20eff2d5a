import { describe, expect, it } from 'vitest';
import { BOARD_CAPACITY } from '../../../src/hdl/board-capacity.ts';
import { PYNQ_Z2_BRAM_BITS, totalMemoryBits } from '../../../src/hdl/core-capacity.ts';

describe('BOARD_CAPACITY', () => {
  it('is powers of two (CHMAX at most 16) with the Loihi pass', () => {
    for (const [name, value] of Object.entries(BOARD_CAPACITY)) {
      if (name === 'LOIHI') continue;
      if (name === 'CHMAX') expect(value).toBeLessThanOrEqual(16);
      else expect(Math.log2(value) % 1, name).toBe(0);
    }
    expect(BOARD_CAPACITY.LOIHI).toBe(1);
  });

  it('leaves at least half of the PYNQ-Z2 block RAM spare, and doubling it would not', () => {
    expect(totalMemoryBits(BOARD_CAPACITY)).toBeLessThan(PYNQ_Z2_BRAM_BITS / 2);
    const doubled = {
      ...BOARD_CAPACITY,
      NMAX: 2 * BOARD_CAPACITY.NMAX,
      ROWMAX: 2 * BOARD_CAPACITY.ROWMAX,
      SYNMAX: 2 * BOARD_CAPACITY.SYNMAX,
    };
    expect(totalMemoryBits(doubled)).toBeGreaterThan(0.9 * PYNQ_Z2_BRAM_BITS);
  });
});
