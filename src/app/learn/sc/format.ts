/** Number formats of the lesson's readouts. */

/** Fixed decimals, with a true minus sign. */
export function fixed(x: number, digits: number): string {
  return x.toFixed(digits).replace('-', '−');
}

/** A rate in Hz, one decimal. */
export function hz(x: number): string {
  return `${x.toFixed(1)} Hz`;
}

/** A signed error with its sign always shown. */
export function signed(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `−${s}` : `+${s}`;
}

/** A fraction as a percentage. */
export function percent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}
