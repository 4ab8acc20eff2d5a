/**
 * The pure side of editing conv, pool and explicit connectivity in the inspector: which rules a
 * source's shape allows, a sensible rule to start from, the target shape a rule implies, a
 * kernel at a glance, and a shape typed as text. Unit-tested; `ConvFields.tsx` draws them.
 */
import type { Connectivity, ConvKernel, NetworkDocument } from '../../model/index.ts';
import type { DocumentEdit, ProjectionPatch } from '../../store/document/index.ts';
import { convGeometry, isGridded } from '../../model/conv-geometry.ts';

export type StructuredRule = 'conv2d' | 'conv1d' | 'sum_pool2d' | 'avg_pool2d';

/** The rules a source of this shape can feed: 2-D ones from `[C, H, W]`, conv1d from `[C, L]`. */
export function structuredRulesFor(sourceShape: readonly number[] | undefined): StructuredRule[] {
  if (sourceShape?.length === 3) return ['conv2d', 'sum_pool2d', 'avg_pool2d'];
  if (sourceShape?.length === 2) return ['conv1d'];
  return [];
}

/**
 * A rule to start from: a 3x3 (or 3) kernel of ones with padding 1 (the output keeps the
 * source's size), `Cout` = the target's channels when it has a shape of the same rank, else the
 * source's; pools 2x2 with stride 2.
 *
 * @example defaultStructuredRule('conv2d', [2, 28, 28], [8, 28, 28]).kernel.shape // [8, 2, 3, 3]
 */
export function defaultStructuredRule(
  rule: StructuredRule,
  sourceShape: readonly number[],
  targetShape: readonly number[] | undefined,
): Connectivity {
  const cin = sourceShape[0] ?? 1;
  const cout =
    targetShape !== undefined && targetShape.length === sourceShape.length
      ? (targetShape[0] ?? cin)
      : cin;
  const ones = (shape: number[]): ConvKernel => ({
    shape,
    values: new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(1),
  });
  switch (rule) {
    case 'conv2d':
      return {
        rule,
        kernel: ones([cout, cin, 3, 3]),
        stride: [1, 1],
        padding: [1, 1],
        dilation: [1, 1],
        groups: 1,
      };
    case 'conv1d':
      return { rule, kernel: ones([cout, cin, 3]), stride: 1, padding: 1, dilation: 1, groups: 1 };
    case 'sum_pool2d':
    case 'avg_pool2d':
      return { rule, kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] };
  }
}

/** The target shape a conv or pool rule gives from this source, or undefined when it does not fit. */
export function impliedTargetShape(
  c: Connectivity,
  sourceShape: readonly number[] | undefined,
): number[] | undefined {
  return isGridded(c) ? convGeometry(c, sourceShape)?.outShape : undefined;
}

/** A kernel's shape, value count and range, for a read-only summary. */
export function kernelSummary(kernel: ConvKernel): {
  shape: string;
  count: number;
  min: number;
  max: number;
} {
  let min = Infinity;
  let max = -Infinity;
  for (const v of kernel.values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { shape: kernel.shape.join(' × '), count: kernel.values.length, min, max };
}

/**
 * A shape typed as text: positive integers separated by commas, `x` or spaces; empty means no
 * shape. Returns the dimensions, null for none, or the reason the text is refused.
 *
 * @example parseShapeText('2, 28 x 28') // { ok: true, shape: [2, 28, 28] }
 */
export function parseShapeText(
  text: string,
): { ok: true; shape: number[] | null } | { ok: false; message: string } {
  const parts = text
    .trim()
    .split(/[\s,x×]+/)
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: true, shape: null };
  const shape = parts.map(Number);
  if (shape.some((n) => !Number.isInteger(n) || n < 1)) {
    return { ok: false, message: 'Dimensions must be positive integers, e.g. 2, 28, 28' };
  }
  return { ok: true, shape };
}

/**
 * The edit that connects projection `id` by the conv or pool rule `connectivity`: its weight
 * made constant (kept if it was; conv weights are kernel values times it), an explicit delay
 * list made constant 0 (its length was another rule's), and, with `reshapeTarget`, the target
 * given the shape (and size) the rule implies, all in one undoable edit.
 *
 * @example structuredRuleEdit(doc, 'in_to_h', defaultStructuredRule('conv2d', [1, 8, 8], undefined), true)
 */
export function structuredRuleEdit(
  doc: NetworkDocument,
  id: string,
  connectivity: Connectivity,
  reshapeTarget: boolean,
): DocumentEdit {
  const pr = doc.projections.find((p) => p.id === id);
  const patch: ProjectionPatch = { connectivity };
  if (pr === undefined) return { type: 'updateProjection', id, patch };
  if (pr.weight.kind !== 'constant') patch.weight = { kind: 'constant', value: 1 };
  if (pr.delay.kind === 'explicit') patch.delay = { kind: 'constant', steps: 0 };
  const source = doc.populations.find((p) => p.id === pr.source);
  const implied = impliedTargetShape(connectivity, source?.shape);
  if (!reshapeTarget || implied === undefined || pr.target === pr.source) {
    return { type: 'updateProjection', id, patch };
  }
  const size = implied.reduce((a, b) => a * b, 1);
  return { type: 'updateProjection', id, patch, targetPatch: { shape: implied, size } };
}

/**
 * A conv rule with `groups` changed. A kernel of one repeated value (the default ones) is
 * rebuilt to `[Cout, Cin/groups, ...]`; a kernel from a file keeps its values, so the model's
 * message says what no longer fits.
 *
 * @example withGroups(defaultStructuredRule('conv2d', [4, 8, 8], [4, 8, 8]), 2, 4).kernel.shape // [4, 2, 3, 3]
 */
export function withGroups<C extends Extract<Connectivity, { rule: 'conv2d' | 'conv1d' }>>(
  c: C,
  groups: number,
  cin: number,
): C {
  const first = c.kernel.values[0];
  const uniform = c.kernel.values.every((v) => v === first);
  if (!uniform || first === undefined || cin % groups !== 0) return { ...c, groups };
  const shape = c.kernel.shape.map((n, k) => (k === 1 ? cin / groups : n));
  const count = shape.reduce((a, b) => a * b, 1);
  return { ...c, groups, kernel: { shape, values: new Array<number>(count).fill(first) } };
}
