/**
 * Fitting err = c L^slope to measured errors: a least-squares line through (ln L, ln err). On
 * log-log axes a power law is a straight line and its slope is the exponent, which is what
 * step 3 prints (-1/2 for random streams).
 */

/** The fitted power law. */
export interface PowerLaw {
  slope: number;
  /** c in err = c L^slope. */
  prefactor: number;
  /** Points used (positive and finite on both axes). */
  points: number;
}

/**
 * Least-squares fit in log-log space. Points with a non-positive or non-finite coordinate are
 * skipped (a zero error has no logarithm); fewer than two usable points give NaN.
 *
 * @example
 * fitPowerLaw([1, 4, 16], [1, 0.5, 0.25]).slope // -0.5
 */
export function fitPowerLaw(xs: readonly number[], ys: readonly number[]): PowerLaw {
  const lx: number[] = [];
  const ly: number[] = [];
  xs.forEach((x, i) => {
    const y = ys[i] ?? NaN;
    if (x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y)) {
      lx.push(Math.log(x));
      ly.push(Math.log(y));
    }
  });
  const n = lx.length;
  if (n < 2) return { slope: NaN, prefactor: NaN, points: n };
  const mx = lx.reduce((a, b) => a + b, 0) / n;
  const my = ly.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const dx = (lx[i] as number) - mx;
    num += dx * ((ly[i] as number) - my);
    den += dx * dx;
  }
  const slope = den === 0 ? NaN : num / den;
  return { slope, prefactor: Math.exp(my - slope * mx), points: n };
}

/** c x^slope at each x. */
export function powerLawAt(law: Pick<PowerLaw, 'slope' | 'prefactor'>, xs: readonly number[]) {
  return xs.map((x) => law.prefactor * x ** law.slope);
}
