/**
 * CSR rows of the conv and pool rules (`model/conv-geometry.ts`), with each synapse's kernel
 * value. A source neuron (c, y, x) reaches the output channels of its group and, along each
 * axis, the output positions whose window covers it (`axisTaps`); walking channel, then row,
 * then column keeps targets ascending in a row. Linear in the synapse count: no loop over all
 * (source, target) pairs.
 */
import type { ConvGeometry } from '../../model/conv-geometry.ts';
import { axisTaps } from '../../model/conv-geometry.ts';
import type { SparseRows } from './sparse-rows.ts';

/** CSR rows plus one factor per synapse (the kernel value; the weight multiplies it). */
export interface FactorRows extends SparseRows {
  factors: Float64Array;
}

/**
 * The rows of one conv or pool projection.
 *
 * @example connectConv(convGeometry(pool, [1, 4, 4])!).targets.length // 16
 */
export function connectConv(g: ConvGeometry): FactorRows {
  const rows = axisTaps(g.h, g.ho, g.kh, g.sh, g.ph, g.dh);
  const cols = axisTaps(g.w, g.wo, g.kw, g.sw, g.pw, g.dw);
  const cinG = g.cin / g.groups;
  const coutG = g.cout / g.groups;
  const planeIn = g.h * g.w;
  const planeOut = g.ho * g.wo;
  const sourceSize = g.cin * planeIn;
  const rowPtr = new Uint32Array(sourceSize + 1);
  // Row lengths: the same for every channel (coutG output channels x row taps x column taps).
  let total = 0;
  for (let c = 0; c < g.cin; c++) {
    for (let y = 0; y < g.h; y++) {
      const ny = (rows.starts[y + 1] ?? 0) - (rows.starts[y] ?? 0);
      for (let x = 0; x < g.w; x++) {
        const nx = (cols.starts[x + 1] ?? 0) - (cols.starts[x] ?? 0);
        total += coutG * ny * nx;
        rowPtr[c * planeIn + y * g.w + x + 1] = total;
      }
    }
  }
  const targets = new Uint32Array(total);
  const factors = new Float64Array(total);
  const values = g.values;
  const kPlane = g.kh * g.kw;
  let e = 0;
  for (let c = 0; c < g.cin; c++) {
    const group = Math.floor(c / cinG);
    const ci = c - group * cinG;
    for (let y = 0; y < g.h; y++) {
      const y0 = rows.starts[y] ?? 0;
      const y1 = rows.starts[y + 1] ?? 0;
      for (let x = 0; x < g.w; x++) {
        const x0 = cols.starts[x] ?? 0;
        const x1 = cols.starts[x + 1] ?? 0;
        for (let o = group * coutG; o < (group + 1) * coutG; o++) {
          // Kernel index of (o, ci, ky, kx) = ((o*cinG + ci)*kh + ky)*kw + kx.
          const kBase = (o * cinG + ci) * kPlane;
          for (let a = y0; a < y1; a++) {
            const tRow = o * planeOut + (rows.outs[a] ?? 0) * g.wo;
            const kRow = kBase + (rows.taps[a] ?? 0) * g.kw;
            for (let b = x0; b < x1; b++) {
              targets[e] = tRow + (cols.outs[b] ?? 0);
              factors[e] =
                values === undefined ? g.poolValue : (values[kRow + (cols.taps[b] ?? 0)] ?? 0);
              e++;
            }
          }
        }
      }
    }
  }
  return { rowPtr, targets, factors };
}

/**
 * Per-synapse weights `fround(factor * weight)` (the product in float64, rounded once).
 *
 * @example factorWeights(Float64Array.of(0.5, 2), 3) // Float32Array [1.5, 6]
 */
export function factorWeights(factors: Float64Array, weight: number): Float32Array {
  const out = new Float32Array(factors.length);
  for (let e = 0; e < factors.length; e++) out[e] = (factors[e] ?? 0) * weight;
  return out;
}
