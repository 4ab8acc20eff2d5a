/**
 * The weight nodes of NIR (Affine, Linear, Scale, Conv1d, Conv2d, SumPool2d, AvgPool2d) read
 * into one description each: their geometry against the shape that reaches them, their output
 * shape, their bias, and their synapses as a `SparseMap` (for composing chains).
 */
import type { NirNode } from './graph.ts';
import { hasParam, NirParamError, readInts, readNumbers, readText, shapeSize } from './nir-read.ts';
import { emptyMap, push, type SparseMap } from './sparse-map.ts';

export type WeightNode =
  | { kind: 'dense'; inSize: number; outSize: number; weight: number[]; bias: number[] | null }
  | { kind: 'scale'; size: number; scale: number[] }
  | {
      kind: 'conv';
      dims: 1 | 2;
      kernel: { shape: number[]; values: number[] };
      stride: number[];
      /** Padding before and after, per spatial dimension (equal unless `same` with an even kernel). */
      padLo: number[];
      padHi: number[];
      dilation: number[];
      groups: number;
      bias: number[] | null;
      inShape: number[];
      outShape: number[];
    }
  | {
      kind: 'pool';
      op: 'sum' | 'avg';
      kernel: number[];
      stride: number[];
      padding: number[];
      inShape: number[];
      outShape: number[];
    };

export const WEIGHT_TYPES = [
  'Affine',
  'Linear',
  'Scale',
  'Conv1d',
  'Conv2d',
  'SumPool2d',
  'AvgPool2d',
] as const;

/** Reads a weight node against the shape that reaches it (`undefined`: not known yet). */
export function describeWeightNode(
  node: NirNode,
  name: string,
  inShape: number[] | undefined,
): WeightNode {
  switch (node.type) {
    case 'Affine':
    case 'Linear': {
      const w = readNumbers(node, name, 'weight');
      if (w.shape.length !== 2) {
        throw new NirParamError(
          `${name}.weight: expected a 2-d matrix, got shape [${w.shape.join(', ')}]`,
        );
      }
      const [outSize = 0, inSize = 0] = w.shape;
      let bias: number[] | null = null;
      if (node.type === 'Affine' && hasParam(node, 'bias')) {
        bias = readNumbers(node, name, 'bias').values;
        if (bias.length !== outSize) {
          throw new NirParamError(`${name}.bias: ${bias.length} values for ${outSize} outputs`);
        }
        if (bias.every((b) => b === 0)) bias = null;
      }
      return { kind: 'dense', inSize, outSize, weight: w.values, bias };
    }
    case 'Scale': {
      const s = readNumbers(node, name, 'scale');
      const size =
        s.values.length === 1 && inShape !== undefined ? shapeSize(inShape) : s.values.length;
      return { kind: 'scale', size, scale: s.values };
    }
    case 'Conv1d':
    case 'Conv2d':
      return describeConv(node, name, node.type === 'Conv1d' ? 1 : 2, inShape);
    case 'SumPool2d':
    case 'AvgPool2d': {
      const kernel = readInts(node, name, 'kernel_size', 2);
      const stride = readInts(node, name, 'stride', 2);
      const padding = readInts(node, name, 'padding', 2);
      if (inShape === undefined || inShape.length !== 3) {
        throw new NirParamError(
          `${name}: needs an input of shape [C, H, W], got ${inShape === undefined ? 'no known shape' : `[${inShape.join(', ')}]`}`,
        );
      }
      const [c = 0, h = 0, w = 0] = inShape;
      const outShape = [
        c,
        Math.floor((h + 2 * (padding[0] ?? 0) - (kernel[0] ?? 0)) / (stride[0] ?? 1)) + 1,
        Math.floor((w + 2 * (padding[1] ?? 0) - (kernel[1] ?? 0)) / (stride[1] ?? 1)) + 1,
      ];
      checkOutput(name, outShape);
      const op = node.type === 'SumPool2d' ? 'sum' : 'avg';
      return { kind: 'pool', op, kernel, stride, padding, inShape, outShape };
    }
    default:
      throw new NirParamError(`${name}: ${node.type} is not a weight node`);
  }
}

function describeConv(
  node: NirNode,
  name: string,
  dims: 1 | 2,
  upstream: number[] | undefined,
): WeightNode {
  const kernel = readNumbers(node, name, 'weight');
  if (kernel.shape.length !== dims + 2) {
    throw new NirParamError(
      `${name}.weight: expected ${dims + 2} dimensions [Cout, Cin/groups, ${dims === 2 ? 'kH, kW' : 'k'}], got [${kernel.shape.join(', ')}]`,
    );
  }
  const groups = readInts(node, name, 'groups', 1)[0] ?? 1;
  const stride = readInts(node, name, 'stride', dims);
  const dilation = readInts(node, name, 'dilation', dims);
  const [cout = 0, cinPerGroup = 0, ...k] = kernel.shape;
  let inShape = upstream;
  if (inShape === undefined && hasParam(node, 'input_shape')) {
    inShape = [cinPerGroup * groups, ...readInts(node, name, 'input_shape', dims)];
  }
  if (inShape === undefined || inShape.length !== dims + 1) {
    throw new NirParamError(
      `${name}: needs an input of shape [C${dims === 2 ? ', H, W' : ', L'}], got ${inShape === undefined ? 'no known shape' : `[${inShape.join(', ')}]`}`,
    );
  }
  if (inShape[0] !== cinPerGroup * groups || cout % groups !== 0) {
    throw new NirParamError(
      `${name}: kernel [${kernel.shape.join(', ')}] with groups ${groups} does not fit ${inShape[0]} input channels`,
    );
  }
  const text = readText(node, 'padding');
  let padLo: number[];
  let padHi: number[];
  if (text === 'valid') {
    padLo = new Array<number>(dims).fill(0);
    padHi = [...padLo];
  } else if (text === 'same') {
    const total = k.map((kk, i) => (dilation[i] ?? 1) * (kk - 1));
    padLo = total.map((t) => Math.floor(t / 2));
    padHi = total.map((t, i) => t - (padLo[i] ?? 0));
  } else if (text !== undefined) {
    throw new NirParamError(`${name}.padding: must be 'same', 'valid' or numbers, got '${text}'`);
  } else {
    padLo = readInts(node, name, 'padding', dims);
    padHi = [...padLo];
  }
  const outShape = [
    cout,
    ...k.map(
      (kk, i) =>
        Math.floor(
          ((inShape[i + 1] ?? 0) +
            (padLo[i] ?? 0) +
            (padHi[i] ?? 0) -
            (dilation[i] ?? 1) * (kk - 1) -
            1) /
            (stride[i] ?? 1),
        ) + 1,
    ),
  ];
  checkOutput(name, outShape);
  let bias: number[] | null = null;
  if (hasParam(node, 'bias')) {
    bias = readNumbers(node, name, 'bias').values;
    if (bias.length === 1 && cout > 1) bias = new Array<number>(cout).fill(bias[0] ?? 0);
    if (bias.length !== cout)
      throw new NirParamError(`${name}.bias: ${bias.length} values for ${cout} channels`);
    if (bias.every((b) => b === 0)) bias = null;
  }
  return {
    kind: 'conv',
    dims,
    kernel: { shape: kernel.shape, values: kernel.values },
    stride,
    padLo,
    padHi,
    dilation,
    groups,
    bias,
    inShape,
    outShape,
  };
}

function checkOutput(name: string, shape: number[]): void {
  if (!shape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new NirParamError(`${name}: the output shape [${shape.join(', ')}] is empty`);
  }
}

/** Input and output sizes of a weight node. */
export function weightSizes(desc: WeightNode): {
  inSize: number;
  outSize: number;
  outShape: number[];
} {
  switch (desc.kind) {
    case 'dense':
      return { inSize: desc.inSize, outSize: desc.outSize, outShape: [desc.outSize] };
    case 'scale':
      return { inSize: desc.size, outSize: desc.size, outShape: [desc.size] };
    case 'conv':
    case 'pool':
      return {
        inSize: shapeSize(desc.inShape),
        outSize: shapeSize(desc.outShape),
        outShape: desc.outShape,
      };
  }
}

/** Output bias of a weight node, one per output (null when none). */
export function weightBias(desc: WeightNode): number[] | null {
  if (desc.kind === 'dense') return desc.bias;
  if (desc.kind !== 'conv' || desc.bias === null) return null;
  const perChannel = shapeSize(desc.outShape.slice(1));
  return desc.bias.flatMap((b) => new Array<number>(perChannel).fill(b));
}

/** Every synapse of a weight node (zero weights left out), with its bias. */
export function weightMap(desc: WeightNode): SparseMap {
  const { inSize, outSize } = weightSizes(desc);
  const map = emptyMap(inSize, outSize);
  map.bias = weightBias(desc);
  switch (desc.kind) {
    case 'dense':
      for (let s = 0; s < desc.inSize; s += 1) {
        for (let t = 0; t < desc.outSize; t += 1) {
          const w = desc.weight[t * desc.inSize + s] ?? 0;
          if (w !== 0) push(map, s, t, w);
        }
      }
      return map;
    case 'scale':
      for (let i = 0; i < desc.size; i += 1) {
        const w = desc.scale.length === 1 ? (desc.scale[0] ?? 0) : (desc.scale[i] ?? 0);
        if (w !== 0) push(map, i, i, w);
      }
      return map;
    case 'conv':
      convSynapses(desc, (s, t, w) => push(map, s, t, w));
      return map;
    case 'pool':
      poolSynapses(desc, (s, t, w) => push(map, s, t, w));
      return map;
  }
}

/** Calls `emit(source, target, weight)` for every tap of a convolution inside the input. */
export function convSynapses(
  desc: Extract<WeightNode, { kind: 'conv' }>,
  emit: (s: number, t: number, w: number) => void,
): void {
  // 1-d is 2-d with height 1: one code path for both.
  const two = desc.dims === 2;
  const [, h0 = 1, w0 = 1] = two ? desc.inShape : [desc.inShape[0], 1, desc.inShape[1]];
  const [cout = 0, ho = 1, wo = 1] = two ? desc.outShape : [desc.outShape[0], 1, desc.outShape[1]];
  const ks = desc.kernel.shape;
  const [cpg = 0, kh = 1, kw = 1] = two ? [ks[1], ks[2], ks[3]] : [ks[1], 1, ks[2]];
  const along = (a: number[], rows: number): [number, number] =>
    two ? [a[0] ?? rows, a[1] ?? rows] : [rows, a[0] ?? rows];
  const [sh, sw] = along(desc.stride, 1);
  const [dh, dw] = along(desc.dilation, 1);
  const [ph, pw] = along(desc.padLo, 0);
  const outPerGroup = cout / desc.groups;
  for (let o = 0; o < cout; o += 1) {
    const g = Math.floor(o / outPerGroup);
    for (let c = 0; c < cpg; c += 1) {
      const ic = g * cpg + c;
      for (let ky = 0; ky < kh; ky += 1) {
        for (let kx = 0; kx < kw; kx += 1) {
          const w = desc.kernel.values[((o * cpg + c) * kh + ky) * kw + kx] ?? 0;
          if (w === 0) continue;
          for (let y = 0; y < ho; y += 1) {
            const iy = y * sh - ph + ky * dh;
            if (iy < 0 || iy >= h0) continue;
            for (let x = 0; x < wo; x += 1) {
              const ix = x * sw - pw + kx * dw;
              if (ix < 0 || ix >= w0) continue;
              emit((ic * h0 + iy) * w0 + ix, (o * ho + y) * wo + x, w);
            }
          }
        }
      }
    }
  }
}

/** Calls `emit(source, target, weight)` for every cell of every pooling window inside the input. */
export function poolSynapses(
  desc: Extract<WeightNode, { kind: 'pool' }>,
  emit: (s: number, t: number, w: number) => void,
): void {
  const [c0 = 0, h0 = 0, w0 = 0] = desc.inShape;
  const [, ho = 0, wo = 0] = desc.outShape;
  const [kh = 1, kw = 1] = desc.kernel;
  const [sh = 1, sw = 1] = desc.stride;
  const [ph = 0, pw = 0] = desc.padding;
  // count_include_pad: the average always divides by the whole window (NIR, PyTorch default).
  const weight = desc.op === 'sum' ? 1 : 1 / (kh * kw);
  for (let c = 0; c < c0; c += 1) {
    for (let y = 0; y < ho; y += 1) {
      for (let x = 0; x < wo; x += 1) {
        for (let ky = 0; ky < kh; ky += 1) {
          const iy = y * sh - ph + ky;
          if (iy < 0 || iy >= h0) continue;
          for (let kx = 0; kx < kw; kx += 1) {
            const ix = x * sw - pw + kx;
            if (ix < 0 || ix >= w0) continue;
            emit((c * h0 + iy) * w0 + ix, (c * ho + y) * wo + x, weight);
          }
        }
      }
    }
  }
}
