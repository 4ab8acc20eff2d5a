/**
 * Maximal-length LFSR taps for widths 3..32, from Xilinx XAPP052 ("Efficient Shift Registers,
 * LFSR Counters, and Long Pseudo-Random Sequence Generators", Table 3). Taps are 1-based bit
 * positions and always include the width itself. XAPP052 uses XNOR feedback; the same tap sets
 * are maximal with XOR feedback (used here: the lock-up state is then all zeros instead of all
 * ones), because the tap set fixes the feedback polynomial 1 + sum x^t, which is primitive.
 */
export const MAXIMAL_TAPS: Readonly<Record<number, readonly number[]>> = {
  3: [3, 2],
  4: [4, 3],
  5: [5, 3],
  6: [6, 5],
  7: [7, 6],
  8: [8, 6, 5, 4],
  9: [9, 5],
  10: [10, 7],
  11: [11, 9],
  12: [12, 6, 4, 1],
  13: [13, 4, 3, 1],
  14: [14, 5, 3, 1],
  15: [15, 14],
  16: [16, 15, 13, 4],
  17: [17, 14],
  18: [18, 11],
  19: [19, 6, 2, 1],
  20: [20, 17],
  21: [21, 19],
  22: [22, 21],
  23: [23, 18],
  24: [24, 23, 22, 17],
  25: [25, 22],
  26: [26, 6, 2, 1],
  27: [27, 5, 2, 1],
  28: [28, 25],
  29: [29, 27],
  30: [30, 6, 4, 1],
  31: [31, 28],
  32: [32, 22, 2, 1],
};

/** The XAPP052 taps for `width` (3..32). */
export function maximalTaps(width: number): readonly number[] {
  const taps = MAXIMAL_TAPS[width];
  if (!taps) throw new RangeError(`no maximal-length taps for width ${width} (3..32)`);
  return taps;
}
