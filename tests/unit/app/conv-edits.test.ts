/**
 * The inspector's conv editing, without React: which rules a source shape offers, the default
 * kernel, the one edit that sets a conv rule and reshapes the target (valid through the store's
 * own check), groups, shape text and the canvas label.
 */
import { describe, expect, it } from 'vitest';
import { connectivityLabel } from '../../../src/app/editor/projection-summary.ts';
import { ruleOptions, switchRule } from '../../../src/app/inspector/ConnectivityEditor.tsx';
import {
  defaultStructuredRule,
  kernelSummary,
  parseShapeText,
  structuredRuleEdit,
  withGroups,
} from '../../../src/app/inspector/conv-edits.ts';
import { keepLearnedWeights } from '../../../src/app/run/learned-weights.ts';
import { checkEdit } from '../../../src/store/document/check-edit.ts';
import { createProjection } from '../../../src/model/index.ts';
import { convDocument } from '../model/conv-fixtures.ts';

describe('inspector: conv and pool rules', () => {
  it('offers 2-D rules for a [C, H, W] source, conv1d for [C, L], none without a shape', () => {
    const values = (shape: number[] | undefined, allowed = true) =>
      ruleOptions('all_to_all', shape, allowed).map((o) => o.value);
    expect(values([2, 8, 8])).toEqual([
      'fixed_probability',
      'fixed_fan_in',
      'all_to_all',
      'one_to_one',
      'conv2d',
      'sum_pool2d',
      'avg_pool2d',
    ]);
    expect(values([2, 8])).toContain('conv1d');
    expect(values(undefined)).toHaveLength(4);
    expect(values([2, 8, 8], false)).toHaveLength(4);
    // The current rule is always listed, even when the shape no longer allows it.
    expect(ruleOptions('explicit', undefined, true).map((o) => o.value)).toContain('explicit');
  });

  it('starts from a 3x3 kernel of ones with Cout = the target channels', () => {
    const c = defaultStructuredRule('conv2d', [2, 28, 28], [8, 28, 28]);
    expect(c.rule === 'conv2d' && c.kernel.shape).toEqual([8, 2, 3, 3]);
    expect(c.rule === 'conv2d' && kernelSummary(c.kernel)).toEqual({
      shape: '8 × 2 × 3 × 3',
      count: 144,
      min: 1,
      max: 1,
    });
    const pool = switchRule({ rule: 'all_to_all', allow_self: false }, 'avg_pool2d', 10, [3, 4, 4]);
    expect(pool).toEqual({
      rule: 'avg_pool2d',
      kernel_size: [2, 2],
      stride: [2, 2],
      padding: [0, 0],
    });
  });

  it('sets the rule, a constant weight and the target shape in one valid edit', () => {
    const doc = convDocument([2, 6, 6], [5], { rule: 'all_to_all', allow_self: false });
    const p = doc.projections[0];
    if (p === undefined) throw new Error('no projection');
    p.weight = { kind: 'uniform', low: 0, high: 1 };
    const rule = defaultStructuredRule('sum_pool2d', [2, 6, 6], undefined);
    const refused = checkEdit(doc, structuredRuleEdit(doc, 'p', rule, false));
    expect(refused.ok).toBe(false);
    const applied = checkEdit(doc, structuredRuleEdit(doc, 'p', rule, true));
    if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
    const target = applied.document.populations[1];
    expect([target?.shape, target?.size]).toEqual([[2, 3, 3], 18]);
    expect(applied.document.projections[0]?.weight).toEqual({ kind: 'constant', value: 1 });
  });

  it('rebuilds a uniform kernel for new groups, keeps a kernel from a file', () => {
    const c = defaultStructuredRule('conv2d', [4, 8, 8], [6, 8, 8]);
    if (c.rule !== 'conv2d') throw new Error('conv2d expected');
    expect(withGroups(c, 2, 4).kernel.shape).toEqual([6, 2, 3, 3]);
    const fromFile = { ...c, kernel: { ...c.kernel, values: c.kernel.values.map((_, i) => i) } };
    expect(withGroups(fromFile, 2, 4).kernel).toBe(fromFile.kernel);
  });

  it('reads a typed shape and labels the rules on the canvas', () => {
    expect(parseShapeText('2, 28 x 28')).toEqual({ ok: true, shape: [2, 28, 28] });
    expect(parseShapeText('  ')).toEqual({ ok: true, shape: null });
    expect(parseShapeText('2, 0')).toEqual({
      ok: false,
      message: 'Dimensions must be positive integers, e.g. 2, 28, 28',
    });
    const conv = defaultStructuredRule('conv2d', [1, 8, 8], undefined);
    expect(connectivityLabel(conv.rule === 'conv2d' ? { ...conv, stride: [2, 2] } : conv)).toBe(
      'conv 3×3/2',
    );
    expect(connectivityLabel({ ...createProjection('q', 'a', 'b').connectivity })).toBe('p=0.1');
    expect(
      connectivityLabel({ rule: 'explicit', pairs: { sources: [0, 1], targets: [1, 0] } }),
    ).toBe('2 pairs');
  });

  it('does not write learned weights into a conv rule', () => {
    const rule = defaultStructuredRule('sum_pool2d', [1, 4, 4], undefined);
    const doc = convDocument([1, 4, 4], [1, 2, 2], rule);
    const kept = keepLearnedWeights(doc, { p: new Float32Array(16).fill(0.5) });
    expect(kept.kept).toEqual([]);
    expect(kept.skipped[0]?.reason).toContain('kernel shared by every position');
    expect(kept.document).toBe(doc);
  });
});
