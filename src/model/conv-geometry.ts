/**
 * The geometry of the conv and pool rules (`document-conv.ts`), shared by the checks, the
 * memory estimate and the engine's builder: every rule as one grouped 2-D convolution
 * (conv1d: H = kH = 1; a pool: groups = channels, one kernel value per window tap), its output
 * shape and its exact synapse count. Every kernel tap that lands inside the source (not in the
 * zero padding) is one synapse, whatever its value, so the count never depends on the values.
 */
import type { Connectivity } from './document.ts';

/** The rules this file describes (not `explicit`, which has no geometry). */
export type GriddedConnectivity = Extract<
  Connectivity,
  { rule: 'conv2d' | 'conv1d' | 'sum_pool2d' | 'avg_pool2d' }
>;

/** One grouped 2-D convolution, all sizes positive integers. */
export interface ConvGeometry {
  /** Source channels, height, width (conv1d: height 1). */
  cin: number;
  h: number;
  w: number;
  /** Target channels, height, width (conv1d: height 1). */
  cout: number;
  ho: number;
  wo: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  dh: number;
  dw: number;
  groups: number;
  /** Kernel values `[cout][cin/groups][kh][kw]` in C order; undefined for a pool. */
  values: readonly number[] | undefined;
  /** The value of every tap of a pool (1 or 1/(kh*kw)); unused with `values`. */
  poolValue: number;
  /** The target shape the rule implies, in the document's rank (`[cout, ho, wo]` or `[cout, lo]`). */
  outShape: number[];
}

/** Whether `c` is a conv or pool rule (reads population shapes). */
export function isGridded(c: Connectivity): c is GriddedConnectivity {
  return (
    c.rule === 'conv2d' || c.rule === 'conv1d' || c.rule === 'sum_pool2d' || c.rule === 'avg_pool2d'
  );
}

/** The source rank a rule needs: 3 (`[C, H, W]`) or 2 (`[C, L]`). */
export function sourceRank(c: GriddedConnectivity): number {
  return c.rule === 'conv1d' ? 2 : 3;
}

/**
 * PyTorch's output length: `floor((n + 2p - d(k-1) - 1)/s) + 1` (< 1 when the kernel does not fit).
 *
 * @example convOutputLength(28, 3, 1, 0, 1) // 26
 */
export function convOutputLength(n: number, k: number, s: number, p: number, d: number): number {
  return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
}

/**
 * The convolution a rule performs on a source of shape `sourceShape`, or undefined when the
 * shapes do not fit together (wrong rank, kernel rank, groups, or an empty output): the checks
 * name the reason, this only describes documents that pass them.
 *
 * @example convGeometry({ rule: 'sum_pool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] }, [1, 4, 4])?.outShape // [1, 2, 2]
 */
export function convGeometry(
  c: GriddedConnectivity,
  sourceShape: readonly number[] | undefined,
): ConvGeometry | undefined {
  if (sourceShape === undefined || sourceShape.length !== sourceRank(c)) return undefined;
  const [cin = 0, a = 0, b = 0] = sourceShape;
  const [h, w] = c.rule === 'conv1d' ? [1, a] : [a, b];
  let g: Omit<ConvGeometry, 'ho' | 'wo' | 'outShape'>;
  switch (c.rule) {
    case 'conv2d': {
      const [cout = 0, cinG = 0, kh = 0, kw = 0] = c.kernel.shape;
      if (c.kernel.shape.length !== 4 || cinG * c.groups !== cin || cout % c.groups !== 0) {
        return undefined;
      }
      g = {
        cin,
        h,
        w,
        cout,
        kh,
        kw,
        sh: c.stride[0],
        sw: c.stride[1],
        ph: c.padding[0],
        pw: c.padding[1],
        dh: c.dilation[0],
        dw: c.dilation[1],
        groups: c.groups,
        values: c.kernel.values,
        poolValue: 0,
      };
      break;
    }
    case 'conv1d': {
      const [cout = 0, cinG = 0, k = 0] = c.kernel.shape;
      if (c.kernel.shape.length !== 3 || cinG * c.groups !== cin || cout % c.groups !== 0) {
        return undefined;
      }
      g = {
        cin,
        h,
        w,
        cout,
        kh: 1,
        kw: k,
        sh: 1,
        sw: c.stride,
        ph: 0,
        pw: c.padding,
        dh: 1,
        dw: c.dilation,
        groups: c.groups,
        values: c.kernel.values,
        poolValue: 0,
      };
      break;
    }
    case 'sum_pool2d':
    case 'avg_pool2d': {
      const [kh, kw] = c.kernel_size;
      g = {
        cin,
        h,
        w,
        cout: cin,
        kh,
        kw,
        sh: c.stride[0],
        sw: c.stride[1],
        ph: c.padding[0],
        pw: c.padding[1],
        dh: 1,
        dw: 1,
        groups: cin,
        values: undefined,
        // PyTorch's AvgPool2d default (count_include_pad): padded taps count in the divisor.
        poolValue: c.rule === 'avg_pool2d' ? 1 / (kh * kw) : 1,
      };
      break;
    }
  }
  const ho = convOutputLength(g.h, g.kh, g.sh, g.ph, g.dh);
  const wo = convOutputLength(g.w, g.kw, g.sw, g.pw, g.dw);
  if (ho < 1 || wo < 1) return undefined;
  const outShape = c.rule === 'conv1d' ? [g.cout, wo] : [g.cout, ho, wo];
  return { ...g, ho, wo, outShape };
}

/**
 * For each input position `i` along one axis, the (output position, kernel tap) pairs that read
 * it, output positions ascending: `o*s - p + k*d = i`. Flattened: `starts[i]..starts[i+1]`
 * index `outs`/`taps`.
 */
export function axisTaps(
  n: number,
  no: number,
  k: number,
  s: number,
  p: number,
  d: number,
): { starts: Uint32Array; outs: Int32Array; taps: Int32Array } {
  const starts = new Uint32Array(n + 1);
  const outs: number[] = [];
  const taps: number[] = [];
  for (let i = 0; i < n; i++) {
    // Tap k descending gives output o = (i + p - k*d)/s ascending.
    for (let t = k - 1; t >= 0; t--) {
      const num = i + p - t * d;
      if (num < 0 || num % s !== 0) continue;
      const o = num / s;
      if (o < no) {
        outs.push(o);
        taps.push(t);
      }
    }
    starts[i + 1] = outs.length;
  }
  return { starts, outs: Int32Array.from(outs), taps: Int32Array.from(taps) };
}

/**
 * Exact synapse count: output channels x input channels per group x the in-range taps of each
 * axis (the two axes are independent).
 *
 * @example convSynapseCount(convGeometry(rule, [1, 4, 4])!) // 16 for a 2x2 sum pool, stride 2
 */
export function convSynapseCount(g: ConvGeometry): number {
  const rows = axisTaps(g.h, g.ho, g.kh, g.sh, g.ph, g.dh).outs.length;
  const cols = axisTaps(g.w, g.wo, g.kw, g.sw, g.pw, g.dw).outs.length;
  return g.cout * (g.cin / g.groups) * rows * cols;
}
