/**
 * Checks of population shapes and of the structured connectivity rules (`document-conv.ts`):
 * a shape's product is the size; a conv or pool rule's source and target shapes, kernel, groups
 * and output agree; conv and pool weights are the kernel times a constant; explicit pairs are in
 * range and in connection order; explicit delays have one entry per synapse.
 */
import type { Population, Projection } from '../document.ts';
import type { GriddedConnectivity } from '../conv-geometry.ts';
import { convGeometry, convOutputLength, isGridded, sourceRank } from '../conv-geometry.ts';
import { pairOrderProblem } from '../explicit-pairs.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';
import { forEachProjectionEnds } from './chip-synapse.ts';
import { checkPerSynapseList } from './per-synapse-list.ts';

/** `[2, 3, 4]` for messages. */
const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** Every population's `shape` against its `size`. */
export function checkPopulationShapes(ctx: CheckContext): void {
  ctx.doc.populations.forEach((p, i) => {
    if (p.shape === undefined) return;
    const product = p.shape.reduce((a, b) => a * b, 1);
    if (p.shape.length === 0) {
      flag(ctx, `populations[${i}].shape`, 'must have at least one dimension, got []');
    } else if (product !== p.size) {
      flag(
        ctx,
        `populations[${i}].shape`,
        `${shapeText(p.shape)} holds ${p.shape.join(' x ')} = ${product} neurons, but size is ${p.size}`,
      );
    }
  });
}

/** Conv, pool and explicit rules of every projection, and explicit delays. */
export function checkStructuredProjections(ctx: CheckContext): void {
  forEachProjectionEnds(ctx, (at, projection, source, target) => {
    if (source === undefined || target === undefined) return;
    const c = projection.connectivity;
    if (isGridded(c)) checkGridded(ctx, at, projection, c, source, target);
    else if (c.rule === 'explicit') checkExplicit(ctx, at, c.pairs, source, target);
    if (projection.delay.kind === 'explicit') {
      checkPerSynapseList(
        ctx,
        `${at}.delay.steps`,
        projection,
        source,
        target,
        projection.delay.steps.length,
      );
    }
  });
}

function checkGridded(
  ctx: CheckContext,
  at: string,
  projection: Projection,
  c: GriddedConnectivity,
  source: Population,
  target: Population,
): void {
  const rule = c.rule;
  if (projection.weight.kind !== 'constant') {
    flag(
      ctx,
      `${at}.weight.kind`,
      `must be constant with ${rule} (each synapse's weight is its kernel value times it), got ${projection.weight.kind}`,
    );
  }
  const kind = projection.synapse.kind;
  if (kind !== 'delta' && kind !== 'exponential') {
    flag(ctx, `${at}.synapse.kind`, `${rule} needs a delta or exponential synapse, got ${kind}`);
  }
  const rank = sourceRank(c);
  const layout = rank === 3 ? '[C, H, W]' : '[C, L]';
  if (source.shape?.length !== rank) {
    flag(
      ctx,
      `${at}.source`,
      `${rule} needs a source shape ${layout}; population ${JSON.stringify(source.id)} has ` +
        (source.shape === undefined ? 'no shape' : `shape ${shapeText(source.shape)}`),
    );
    return;
  }
  const [cin = 0, ...spatial] = source.shape;
  if (!checkKernel(ctx, at, c, cin)) return;
  const geometry = convGeometry(c, source.shape);
  if (geometry === undefined) {
    reportEmptyOutput(ctx, at, c, spatial);
    return;
  }
  const implied = geometry.outShape;
  const sameShape =
    target.shape !== undefined &&
    target.shape.length === implied.length &&
    implied.every((n, k) => target.shape?.[k] === n);
  if (!sameShape) {
    const count = implied.reduce((a, b) => a * b, 1);
    flag(
      ctx,
      `${at}.target`,
      `${rule} of source shape ${shapeText(source.shape)} gives target shape ${shapeText(implied)} ` +
        `(${count} neurons); population ${JSON.stringify(target.id)} has ` +
        (target.shape === undefined
          ? `no shape (size ${target.size})`
          : `shape ${shapeText(target.shape)}`),
    );
  }
}

/** Kernel rank, value count and groups; true when the geometry can be computed. */
function checkKernel(ctx: CheckContext, at: string, c: GriddedConnectivity, cin: number): boolean {
  if (c.rule !== 'conv2d' && c.rule !== 'conv1d') return true;
  const rank = c.rule === 'conv2d' ? 4 : 3;
  const layout = c.rule === 'conv2d' ? '[Cout, Cin/groups, kH, kW]' : '[Cout, Cin/groups, k]';
  const shape = c.kernel.shape;
  if (shape.length !== rank) {
    flag(ctx, `${at}.connectivity.kernel.shape`, `must be ${layout}, got ${shapeText(shape)}`);
    return false;
  }
  let ok = true;
  const count = shape.reduce((a, b) => a * b, 1);
  if (c.kernel.values.length !== count) {
    flag(
      ctx,
      `${at}.connectivity.kernel.values`,
      `must have ${shape.join(' x ')} = ${count} values (kernel shape ${shapeText(shape)}), got ${c.kernel.values.length}`,
    );
    ok = false;
  }
  const [cout = 0, cinG = 0] = shape;
  const g = c.groups;
  if (cin % g !== 0 || cout % g !== 0) {
    flag(
      ctx,
      `${at}.connectivity.groups`,
      `must divide the source channels (${cin}) and the kernel's output channels (${cout}), got ${g}`,
    );
    return false;
  }
  if (cinG !== cin / g) {
    flag(
      ctx,
      `${at}.connectivity.kernel.shape`,
      `[1] must be source channels / groups = ${cin} / ${g} = ${cin / g}, got ${cinG}`,
    );
    ok = false;
  }
  return ok;
}

/** The kernel (dilated, over the padded source) does not fit along some axis. */
function reportEmptyOutput(
  ctx: CheckContext,
  at: string,
  c: GriddedConnectivity,
  spatial: readonly number[],
): void {
  const axes: { name: string; n: number; k: number; s: number; p: number; d: number }[] = [];
  switch (c.rule) {
    case 'conv2d': {
      const [, , kh = 0, kw = 0] = c.kernel.shape;
      axes.push({
        name: 'height',
        n: spatial[0] ?? 0,
        k: kh,
        s: c.stride[0],
        p: c.padding[0],
        d: c.dilation[0],
      });
      axes.push({
        name: 'width',
        n: spatial[1] ?? 0,
        k: kw,
        s: c.stride[1],
        p: c.padding[1],
        d: c.dilation[1],
      });
      break;
    }
    case 'conv1d':
      axes.push({
        name: 'length',
        n: spatial[0] ?? 0,
        k: c.kernel.shape[2] ?? 0,
        s: c.stride,
        p: c.padding,
        d: c.dilation,
      });
      break;
    case 'sum_pool2d':
    case 'avg_pool2d':
      axes.push({
        name: 'height',
        n: spatial[0] ?? 0,
        k: c.kernel_size[0],
        s: c.stride[0],
        p: c.padding[0],
        d: 1,
      });
      axes.push({
        name: 'width',
        n: spatial[1] ?? 0,
        k: c.kernel_size[1],
        s: c.stride[1],
        p: c.padding[1],
        d: 1,
      });
      break;
  }
  for (const a of axes) {
    if (convOutputLength(a.n, a.k, a.s, a.p, a.d) >= 1) continue;
    flag(
      ctx,
      `${at}.connectivity`,
      `the kernel spans ${a.d * (a.k - 1) + 1} along the ${a.name} (size ${a.k}, dilation ${a.d}), ` +
        `more than the source's ${a.n} plus padding 2 x ${a.p}: the output would be empty`,
    );
  }
}

function checkExplicit(
  ctx: CheckContext,
  at: string,
  pairs: { sources: number[]; targets: number[] },
  source: Population,
  target: Population,
): void {
  const path = `${at}.connectivity.pairs`;
  if (pairs.sources.length !== pairs.targets.length) {
    flag(
      ctx,
      `${path}.targets`,
      `must have one entry per source entry (${pairs.sources.length}), got ${pairs.targets.length}`,
    );
    return;
  }
  // One message per list for the first offender: a long list would drown everything else.
  const inRange = (list: number[], size: number, field: string, id: string): boolean => {
    const k = list.findIndex((n) => n >= size);
    if (k < 0) return true;
    flag(
      ctx,
      `${path}.${field}[${k}]`,
      `must be < the size of ${JSON.stringify(id)} (${size}), got ${list[k]}`,
    );
    return false;
  };
  const ok =
    inRange(pairs.sources, source.size, 'sources', source.id) &&
    inRange(pairs.targets, target.size, 'targets', target.id);
  if (!ok) return;
  const problem = pairOrderProblem(pairs.sources, pairs.targets);
  if (problem !== undefined) {
    const k = problem.index;
    flag(
      ctx,
      `${path}.sources[${k}]`,
      `pairs must be in connection order (sources ascending, then targets, no repeats): ` +
        `pair ${k} (${pairs.sources[k]} -> ${pairs.targets[k]}) ${problem.reason}`,
    );
  }
}
