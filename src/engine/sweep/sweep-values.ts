/** The values of a sweep: an even range (from, to, count) or an explicit list. */

export type SweepRange =
  { kind: 'range'; from: number; to: number; count: number } | { kind: 'list'; values: number[] };

/** The most variants one batch runs (the UI's and the CLI's limit, not the engine's). */
export const MAX_SWEEP_VARIANTS = 256;

export class SweepRangeError extends Error {
  override readonly name = 'SweepRangeError';
}

/**
 * @example sweepValues({ kind: 'range', from: 0, to: 1, count: 3 }) // [0, 0.5, 1]
 */
export function sweepValues(range: SweepRange): number[] {
  const values =
    range.kind === 'list' ? [...range.values] : evenly(range.from, range.to, range.count);
  if (values.length === 0) throw new SweepRangeError('a sweep needs at least one value');
  if (values.length > MAX_SWEEP_VARIANTS) {
    throw new SweepRangeError(
      `a sweep runs at most ${MAX_SWEEP_VARIANTS} variants, got ${values.length}`,
    );
  }
  const bad = values.find((v) => !Number.isFinite(v));
  if (bad !== undefined) throw new SweepRangeError(`sweep value ${bad} is not a finite number`);
  return values;
}

function evenly(from: number, to: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new SweepRangeError(`the number of values must be a whole number >= 1, got ${count}`);
  }
  if (count === 1) return [from];
  // from + k * step, the last one exactly `to` (no accumulated rounding).
  return Array.from({ length: count }, (_, k) =>
    k === count - 1 ? to : from + ((to - from) * k) / (count - 1),
  );
}
