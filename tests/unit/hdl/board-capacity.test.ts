import { describe, expect, it } from 'vitest';
import { BOARD_CAPACITY } from '../../../src/hdl/board-capacity.ts';
import { boardOverflows, estimateBoard } from '../../../src/hdl/fit/board-fit.ts';
import { PYNQ_Z2_CAPACITY } from '../../../src/hdl/fit/fit-report.ts';

describe('BOARD_CAPACITY', () => {
  it('is powers of two (CHMAX at most 16) with the Loihi pass, learning and SC layers', () => {
    for (const [name, value] of Object.entries(BOARD_CAPACITY)) {
      if (name === 'LOIHI' || name === 'ONLINE_O1') continue;
      if (name === 'CHMAX') expect(value).toBeLessThanOrEqual(16);
      else expect(Math.log2(value) % 1, name).toBe(0);
    }
    expect(BOARD_CAPACITY.LOIHI).toBe(1);
    expect(BOARD_CAPACITY.ONLINE_O1).toBe(1);
    expect(BOARD_CAPACITY.SCCHMAX).toBeGreaterThan(0);
    expect(BOARD_CAPACITY.SCKMAX).toBeGreaterThan(0);
  });

  it('fits the xc7z020 with margin by the primitives the fit model packs (80 % at most)', () => {
    const e = estimateBoard(BOARD_CAPACITY);
    expect(boardOverflows(BOARD_CAPACITY)).toEqual([]);
    expect(e.bram36).toBeLessThanOrEqual(0.8 * PYNQ_Z2_CAPACITY.bram36);
    expect(e.luts).toBeLessThanOrEqual(0.5 * PYNQ_Z2_CAPACITY.luts);
    expect(e.flipFlops).toBeLessThanOrEqual(0.5 * PYNQ_Z2_CAPACITY.flipFlops);
    expect(e.dsp).toBeLessThanOrEqual(0.5 * PYNQ_Z2_CAPACITY.dsp);
  });

  it('twice the synapses (with the learning memories) would not fit: SYNMAX is the limit', () => {
    const doubled = { ...BOARD_CAPACITY, SYNMAX: 2 * BOARD_CAPACITY.SYNMAX };
    expect(boardOverflows(doubled)).toEqual([
      expect.stringMatching(/^block RAM \(RAMB36\) [\d.,]+ of 140$/),
    ]);
  });
});
