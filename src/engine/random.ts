/**
 * Counter-based random numbers keyed by (seed, population, stream, step, neuron).
 *
 * Nothing here has state: a draw is a pure function of its key, so a run reproduces exactly
 * whatever the backend, the chunk size or the order threads run in. Every backend computes the
 * same integer hash (`Math.imul`, xor and shifts are exact everywhere, including WGSL/GLSL uint),
 * and turns it into a Gaussian with the same float32 operations on the same table.
 *
 * Per draw a backend needs one `mix32`: the host folds (seed, population, stream, step) into a
 * `stepKey` once per step, and the kernel hashes `stepKey + neuron`.
 */

/** Streams keep independent draws of one population apart. */
export const STREAM = {
  /** Initial state (drawn on the host at step 0). */
  init: 1,
  /** Gaussian membrane noise. */
  noise: 2,
  /** Poisson source spikes. */
  poisson: 3,
} as const;

/** Connectivity and weights use per-projection keys with these streams. */
export const PROJECTION_STREAM = { connect: 11, weight: 12, delay: 13 } as const;

/**
 * First of the six per-projection streams of Loihi learning (x1, x2, y1, y2, y3, dw: streams
 * 14..19), see `LoihiLearningPlan.randomKeys`.
 */
export const LOIHI_LEARN_STREAM = 14;

/** Per-projection streams of structural plasticity (CONTEXT.md step 5f). */
export const PLASTICITY_STREAM = { structuralPick: 20, structuralWeight: 21 } as const;

/**
 * A 32-bit integer hash with low bias (the "lowbias32" constants of Wellons' hash prospector).
 * Bijective on uint32, so distinct counters never collide.
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Key of one random stream of one population (or projection) for a given seed. */
export function streamKey(seed: number, owner: number, stream: number): number {
  return mix32((mix32((mix32(seed >>> 0) + owner) >>> 0) + stream) >>> 0);
}

/** Key of one step of a stream; the per-neuron draw is `draw32(stepKey, neuron)`. */
export function stepKey(key: number, step: number): number {
  return mix32((key ^ step) >>> 0);
}

/** 32 random bits for one neuron at one step. */
export function draw32(stepKeyValue: number, index: number): number {
  return mix32((stepKeyValue + index) >>> 0);
}

/** 24 random bits (exact in float32), the form kernels compare and convert. */
export function draw24(stepKeyValue: number, index: number): number {
  return draw32(stepKeyValue, index) >>> 8;
}

/** A float in [0, 1) with 24 random bits. */
export function uniformFromBits(bits24: number): number {
  return bits24 * 2 ** -24;
}

/** Bits of the Gaussian table index; the remaining 12 of the 24 bits interpolate. */
export const GAUSS_TABLE_BITS = 12;
const TABLE_SIZE = 1 << GAUSS_TABLE_BITS;

/**
 * Standard normal variate from 24 random bits, in float32 arithmetic that every backend
 * reproduces exactly: `z = T[i] + f*(T[i+1]-T[i])` with `i` the top 12 bits and `f` the
 * bottom 12 bits over 4096. Each operation is rounded to float32 (`Math.fround`).
 */
export function gaussianFromBits(bits24: number, table: Float32Array): number {
  const i = bits24 >>> GAUSS_TABLE_BITS;
  const f = Math.fround((bits24 & (TABLE_SIZE - 1)) * (1 / TABLE_SIZE));
  const lo = table[i] ?? 0;
  const hi = table[i + 1] ?? 0;
  return Math.fround(lo + Math.fround(f * Math.fround(hi - lo)));
}

let cachedTable: Float32Array | undefined;

/**
 * The inverse-normal-CDF table of 4097 float32 knots used by `gaussianFromBits`.
 *
 * Knot j is the quantile at j/4096. The two open-ended tail bins get outer knots chosen so that
 * each tail bin has the true conditional mean, and the whole table is then scaled so that the
 * piecewise-linear distribution has exactly unit variance. Draws are therefore bounded (about
 * +-3.9 sigma); the noise of a membrane never needs more.
 */
export function gaussianTable(): Float32Array {
  if (cachedTable) return cachedTable;
  const t = new Float64Array(TABLE_SIZE + 1);
  for (let j = 1; j < TABLE_SIZE; j++) t[j] = inverseNormalCdf(j / TABLE_SIZE);
  const a = t[TABLE_SIZE - 1] ?? 0; // upper inner knot, positive
  const tailMean = normalPdf(a) / (1 - normalCdf(a)); // E[Z | Z > a]
  t[TABLE_SIZE] = 2 * tailMean - a;
  t[0] = -(t[TABLE_SIZE] ?? 0);
  // Variance of a mixture of equal-weight uniform segments [t_j, t_j+1].
  let second = 0;
  for (let j = 0; j < TABLE_SIZE; j++) {
    const lo = t[j] ?? 0;
    const hi = t[j + 1] ?? 0;
    second += (lo * lo + lo * hi + hi * hi) / 3;
  }
  const scale = 1 / Math.sqrt(second / TABLE_SIZE);
  const table = new Float32Array(TABLE_SIZE + 1);
  for (let j = 0; j <= TABLE_SIZE; j++) table[j] = (t[j] ?? 0) * scale;
  cachedTable = table;
  return table;
}

function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF via the complementary error function (Numerical Recipes erfc, 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

/** Acklam's rational approximation of the normal quantile (relative error < 1.2e-9). */
export function inverseNormalCdf(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}
