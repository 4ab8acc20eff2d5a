/**
 * One path between two populations as projection drafts. A path with one weight node keeps its
 * rule (Affine/Linear -> all_to_all with explicit weights, Scale -> one_to_one, Conv/pools ->
 * their rules); no weight node -> one_to_one weight 1 (a neuron fed straight by a neuron);
 * several weight nodes, or delays that differ per element -> the sparse product as one
 * `explicit` projection (several when two routes join the same pair with different delays).
 */
import type { Connectivity, DelaySpec, Distribution } from '../../document.ts';
import { MAX_DELAY_STEPS } from '../../limits.ts';
import type { NodeRole } from './import-roles.ts';
import type { NirPath } from './import-paths.ts';
import { weightBias, weightMap, weightSizes, type WeightNode } from './import-weights.ts';
import { NirParamError, shapeSize } from './nir-read.ts';
import { compose, connectionOrder, identityMap, type SparseMap } from './sparse-map.ts';

export interface ProjectionDraft {
  connectivity: Connectivity;
  weight: Distribution;
  delay: DelaySpec;
  /** What this draft is, for the report: `all_to_all, 640 explicit weights`. */
  summary: string;
}

export interface PathProjections {
  drafts: ProjectionDraft[];
  /** Constant input per target neuron (Affine/Conv biases seen through the path), or null. */
  bias: number[] | null;
}

/** A Delay node already converted to steps: one per element, or one for all. */
export interface DelaySteps {
  steps: number[];
}

export interface PathContext {
  roles: Map<string, NodeRole>;
  weights: Map<string, WeightNode>;
  delays: Map<string, DelaySteps>;
  /** Shapes of the source and target populations. */
  sourceShape: number[];
  targetShape: number[];
}

/** The projections of one path (see the file comment); a `NirParamError` says why it cannot map. */
export function connectPath(path: NirPath, ctx: PathContext): PathProjections {
  const sourceSize = shapeSize(ctx.sourceShape);
  const targetSize = shapeSize(ctx.targetShape);
  const weightNames = path.via.filter((v) => ctx.roles.get(v) === 'weight');
  const delayNames = path.via.filter((v) => ctx.roles.get(v) === 'delay');
  const uniform = delayNames.every((d) => allEqual(ctx.delays.get(d)?.steps ?? [0]));
  const total = delayNames.reduce((sum, d) => sum + (ctx.delays.get(d)?.steps[0] ?? 0), 0);
  if (uniform) checkDelay(path, total);
  if (weightNames.length === 0 && uniform) {
    if (sourceSize !== targetSize) {
      throw new NirParamError(
        `${path.from} -> ${path.to}: ${sourceSize} neurons feed ${targetSize} with no weight node between them`,
      );
    }
    const draft: ProjectionDraft = {
      connectivity: { rule: 'one_to_one' },
      weight: { kind: 'constant', value: 1 },
      delay: { kind: 'constant', steps: total },
      summary: 'one_to_one, weight 1 (no weight node between the two)',
    };
    return { drafts: [draft], bias: null };
  }
  const only = weightNames.length === 1 ? ctx.weights.get(weightNames[0] ?? '') : undefined;
  if (only !== undefined && uniform) {
    const sizes = weightSizes(only);
    checkSizes(path, sizes.inSize, sizes.outSize, sourceSize, targetSize);
    const draft = ruleDraft(only, ctx, total);
    if (draft !== undefined) return { drafts: [draft], bias: weightBias(only) };
  }
  return composedPath(path, ctx, sourceSize, targetSize);
}

function allEqual(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

function checkDelay(path: NirPath, steps: number): void {
  if (steps > MAX_DELAY_STEPS) {
    throw new NirParamError(
      `${path.from} -> ${path.to}: a delay of ${steps} steps is over the limit of ${MAX_DELAY_STEPS}`,
    );
  }
}

function checkSizes(
  path: NirPath,
  inSize: number,
  outSize: number,
  source: number,
  target: number,
): void {
  if (inSize !== source || outSize !== target) {
    throw new NirParamError(
      `${path.from} -> ${path.to}: the weights map ${inSize} -> ${outSize} neurons, the populations have ${source} -> ${target}`,
    );
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The single weight node as its own rule, or undefined when only `explicit` can express it. */
function ruleDraft(desc: WeightNode, ctx: PathContext, delay: number): ProjectionDraft | undefined {
  const delaySpec: DelaySpec = { kind: 'constant', steps: delay };
  switch (desc.kind) {
    case 'dense': {
      // Connection order: sources ascending, then targets; NIR's matrix is [target][source].
      const values: number[] = [];
      for (let s = 0; s < desc.inSize; s += 1) {
        for (let t = 0; t < desc.outSize; t += 1)
          values.push(desc.weight[t * desc.inSize + s] ?? 0);
      }
      return {
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: distribution(values),
        delay: delaySpec,
        summary: `all_to_all, ${values.length} explicit weights (w[s -> t] = weight[t][s])`,
      };
    }
    case 'scale':
      return {
        connectivity: { rule: 'one_to_one' },
        weight: distribution(desc.scale.length === 1 ? [desc.scale[0] ?? 0] : desc.scale),
        delay: delaySpec,
        summary: `one_to_one, weight = scale`,
      };
    case 'conv': {
      const symmetric = desc.padLo.every((p, i) => p === desc.padHi[i]);
      if (
        !symmetric ||
        !sameShape(desc.inShape, ctx.sourceShape) ||
        !sameShape(desc.outShape, ctx.targetShape)
      ) {
        return undefined;
      }
      const kernel = { shape: [...desc.kernel.shape], values: [...desc.kernel.values] };
      const connectivity: Connectivity =
        desc.dims === 2
          ? {
              rule: 'conv2d',
              kernel,
              stride: [desc.stride[0] ?? 1, desc.stride[1] ?? 1],
              padding: [desc.padLo[0] ?? 0, desc.padLo[1] ?? 0],
              dilation: [desc.dilation[0] ?? 1, desc.dilation[1] ?? 1],
              groups: desc.groups,
            }
          : {
              rule: 'conv1d',
              kernel,
              stride: desc.stride[0] ?? 1,
              padding: desc.padLo[0] ?? 0,
              dilation: desc.dilation[0] ?? 1,
              groups: desc.groups,
            };
      return {
        connectivity,
        weight: { kind: 'constant', value: 1 },
        delay: delaySpec,
        summary: `${connectivity.rule}, kernel [${kernel.shape.join(', ')}]`,
      };
    }
    case 'pool': {
      if (!sameShape(desc.inShape, ctx.sourceShape) || !sameShape(desc.outShape, ctx.targetShape)) {
        return undefined;
      }
      const rule = desc.op === 'sum' ? 'sum_pool2d' : 'avg_pool2d';
      return {
        connectivity: {
          rule,
          kernel_size: [desc.kernel[0] ?? 1, desc.kernel[1] ?? 1],
          stride: [desc.stride[0] ?? 1, desc.stride[1] ?? 1],
          padding: [desc.padding[0] ?? 0, desc.padding[1] ?? 0],
        },
        weight: { kind: 'constant', value: 1 },
        delay: delaySpec,
        summary: `${rule}, window [${desc.kernel.join(', ')}]`,
      };
    }
  }
}

/** One value for all when they agree, else one per synapse. */
function distribution(values: number[]): Distribution {
  return allEqual(values) && values.length > 0
    ? { kind: 'constant', value: values[0] ?? 0 }
    : { kind: 'explicit', values };
}

/** The path's sparse product as explicit projections (split where a pair has several delays). */
function composedPath(
  path: NirPath,
  ctx: PathContext,
  sourceSize: number,
  targetSize: number,
): PathProjections {
  let map: SparseMap = identityMap(sourceSize);
  const parts: string[] = [];
  for (const name of path.via) {
    const role = ctx.roles.get(name);
    if (role === 'weight') {
      const desc = ctx.weights.get(name);
      if (desc === undefined) throw new NirParamError(`${name}: its weights could not be read`);
      const sizes = weightSizes(desc);
      if (sizes.inSize !== map.outSize) {
        throw new NirParamError(`${name}: takes ${sizes.inSize} inputs, ${map.outSize} reach it`);
      }
      map = compose(map, weightMap(desc));
      parts.push(name);
    } else if (role === 'delay') {
      const steps = ctx.delays.get(name)?.steps ?? [0];
      if (steps.length !== 1 && steps.length !== map.outSize) {
        throw new NirParamError(`${name}: ${steps.length} delays for ${map.outSize} inputs`);
      }
      map.delay = map.delay.map(
        (d, e) => d + (steps.length === 1 ? (steps[0] ?? 0) : (steps[map.tgt[e] ?? 0] ?? 0)),
      );
    }
  }
  if (map.outSize !== targetSize) {
    throw new NirParamError(
      `${path.from} -> ${path.to}: ${map.outSize} outputs reach ${targetSize} neurons`,
    );
  }
  const maxDelay = map.delay.reduce((a, b) => Math.max(a, b), 0);
  checkDelay(path, maxDelay);
  // Split into layers: the k-th entry of each (source, target) pair goes to projection k.
  const order = connectionOrder(map);
  const layers: number[][] = [];
  let rank = 0;
  for (let i = 0; i < order.length; i += 1) {
    const e = order[i] ?? 0;
    const p = order[i - 1];
    const same = p !== undefined && map.src[p] === map.src[e] && map.tgt[p] === map.tgt[e];
    rank = same ? rank + 1 : 0;
    (layers[rank] ??= []).push(e);
  }
  if (layers.length === 0) layers.push([]);
  const what =
    parts.length > 1
      ? `${parts.join(' x ')} composed`
      : parts.length === 1
        ? `${parts[0]} as pairs`
        : 'identity';
  const drafts = layers.map((entries): ProjectionDraft => {
    const delays = entries.map((e) => map.delay[e] ?? 0);
    return {
      connectivity: {
        rule: 'explicit',
        pairs: {
          sources: entries.map((e) => map.src[e] ?? 0),
          targets: entries.map((e) => map.tgt[e] ?? 0),
        },
      },
      weight:
        entries.length === 0
          ? { kind: 'constant', value: 0 }
          : distribution(entries.map((e) => map.w[e] ?? 0)),
      delay: allEqual(delays)
        ? { kind: 'constant', steps: delays[0] ?? 0 }
        : { kind: 'explicit', steps: delays },
      summary: `explicit, ${entries.length} synapses (${what})${allEqual(delays) ? '' : ', per-synapse delays'}`,
    };
  });
  return { drafts, bias: map.bias };
}
