import { describe, expect, it } from 'vitest';
import { clampToPolicy, policyViolations } from '../../../src/model/classroom/enforce.ts';
import { parseLessonRef, formatLessonRef } from '../../../src/model/classroom/lesson-ref.ts';
import {
  clampToRange,
  EMPTY_POLICY,
  isEmptyPolicy,
  isHidden,
  isLocked,
  mergePolicies,
  policyFromList,
  rangeOf,
  type ControlPolicy,
} from '../../../src/model/classroom/policy.ts';
import { parsePolicy } from '../../../src/model/classroom/policy-schema.ts';
import { UI_CONTROLS } from '../../../src/model/classroom/ui-controls.ts';
import { readParam, writeParam } from '../../../src/model/param-path.ts';
import { validDocument } from './helpers.ts';

const TAU = 'populations/exc/params/tau_mem';
const AMP = 'stimuli/step/amplitude';

const policy: ControlPolicy = {
  hidden: ['ui/palette', 'run/seed'],
  locked: [TAU],
  ranges: { [AMP]: { min: 0, max: 2 } },
};

describe('control policy helpers', () => {
  it('answers hidden, locked and range questions (a hidden control is locked too)', () => {
    expect(isHidden(policy, 'ui/palette')).toBe(true);
    expect(isHidden(policy, TAU)).toBe(false);
    expect(isLocked(policy, TAU)).toBe(true);
    expect(isLocked(policy, 'run/seed')).toBe(true);
    expect(isLocked(policy, AMP)).toBe(false);
    expect(rangeOf(policy, AMP)).toEqual({ min: 0, max: 2 });
    expect(rangeOf(policy, TAU)).toBeNull();
    expect(rangeOf(policy, 'constructor')).toBeNull();
    expect(isEmptyPolicy(EMPTY_POLICY)).toBe(true);
    expect(isEmptyPolicy(policy)).toBe(false);
  });

  it('clamps into a range', () => {
    expect(clampToRange(5, { min: 0, max: 2 })).toBe(2);
    expect(clampToRange(-1, { min: 0, max: 2 })).toBe(0);
    expect(clampToRange(1.5, { min: 0, max: 2 })).toBe(1.5);
    expect(clampToRange(7, null)).toBe(7);
  });

  it('merges two policies: union of lists, intersection of ranges', () => {
    const lesson: ControlPolicy = {
      hidden: ['ui/palette', 'ui/tab-train'],
      locked: [],
      ranges: { [AMP]: { min: 1, max: 5 }, 'run/duration': { min: 10, max: 100 } },
    };
    const merged = mergePolicies(policy, lesson);
    expect(merged.hidden).toEqual(['ui/palette', 'run/seed', 'ui/tab-train']);
    expect(merged.locked).toEqual([TAU]);
    expect(merged.ranges[AMP]).toEqual({ min: 1, max: 2 });
    expect(merged.ranges['run/duration']).toEqual({ min: 10, max: 100 });
    // Disjoint ranges: the second (the lesson's) wins rather than an empty range.
    const far = mergePolicies(policy, { ...lesson, ranges: { [AMP]: { min: 3, max: 4 } } });
    expect(far.ranges[AMP]).toEqual({ min: 3, max: 4 });
  });

  it("converts a lesson step's list of ranges", () => {
    expect(
      policyFromList({ hidden: ['a'], locked: [], ranges: [{ path: AMP, min: 0, max: 1 }] }),
    ).toEqual({ hidden: ['a'], locked: [], ranges: { [AMP]: { min: 0, max: 1 } } });
  });

  it('lists UI controls with unique ui/ ids and labels', () => {
    const ids = UI_CONTROLS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('ui/'))).toBe(true);
    expect(ids).toContain('ui/palette');
  });

  it('reads lesson references', () => {
    expect(parseLessonRef('first-neuron/3')).toEqual({ id: 'first-neuron', step: 3 });
    expect(formatLessonRef({ id: 'sc', step: 1 })).toBe('sc/1');
    for (const bad of ['sc', 'sc/0', 'sc/x', '/2', 'a b/1', 'sc/1/2']) {
      expect(parseLessonRef(bad), bad).toBeNull();
    }
  });
});

describe('policy schema', () => {
  it('accepts a policy and fills missing lists', () => {
    expect(parsePolicy(policy)).toEqual({ ok: true, policy });
    expect(parsePolicy({})).toEqual({ ok: true, policy: EMPTY_POLICY });
  });

  it('names every problem with its path', () => {
    const result = parsePolicy({
      hidden: 'ui/palette',
      locked: [3],
      ranges: { [AMP]: { min: 2, max: 1 }, x: { min: 'a', max: 1 } },
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.issues.map((i) => `${i.path}: ${i.message}`);
    expect(text).toContain('policy.hidden: must be an array, got "ui/palette"');
    expect(text.some((t) => t.startsWith('policy.locked[0]: must be a string'))).toBe(true);
    expect(text).toContain(`policy.ranges["${AMP}"]: min 2 is above max 1`);
    expect(text.some((t) => t.startsWith('policy.ranges.x.min: must be a number'))).toBe(true);
    expect(text).toContain('policy.extra: unknown field');
  });
});

describe('policy enforcement on a document edit', () => {
  const doc = validDocument();

  it('refuses a change of a locked or hidden parameter', () => {
    const issues = policyViolations(policy, doc, writeParam(doc, TAU, 30));
    expect(issues).toEqual([
      { path: 'populations.exc.params.tau_mem', message: 'locked by the teacher' },
    ]);
    expect(policyViolations(policy, doc, writeParam(doc, 'run/seed', 9))).toHaveLength(1);
  });

  it('refuses deleting the item that holds a locked parameter', () => {
    const without = { ...doc, populations: doc.populations.filter((p) => p.id !== 'exc') };
    expect(policyViolations(policy, doc, without)).toHaveLength(1);
  });

  it('refuses a ranged value outside its range and allows one inside', () => {
    const issues = policyViolations(policy, doc, writeParam(doc, AMP, 3));
    expect(issues[0]?.message).toBe("must be between 0 and 2 (the teacher's range), got 3");
    expect(policyViolations(policy, doc, writeParam(doc, AMP, 1.5))).toEqual([]);
  });

  it('lets other edits through, and a value that already was outside its range stay', () => {
    expect(policyViolations(policy, doc, writeParam(doc, 'run/duration', 50))).toEqual([]);
    const outside = writeParam(doc, AMP, 9);
    expect(policyViolations(policy, outside, writeParam(outside, 'run/duration', 50))).toEqual([]);
    expect(policyViolations(EMPTY_POLICY, doc, writeParam(doc, TAU, 30))).toEqual([]);
  });
});

describe('opening a document under a policy', () => {
  it('clamps every ranged value into its range and leaves the rest', () => {
    const doc = writeParam(validDocument(), AMP, 7);
    const clamped = clampToPolicy(policy, doc);
    expect(readParam(clamped, AMP)).toBe(2);
    expect(readParam(clamped, TAU)).toBe(readParam(doc, TAU));
    expect(readParam(doc, AMP)).toBe(7);
    const inside = writeParam(validDocument(), AMP, 1);
    expect(clampToPolicy(policy, inside)).toBe(inside);
    // A range on a path the document lacks is skipped, not an error.
    const other = { ...policy, ranges: { 'stimuli/nope/amplitude': { min: 0, max: 1 } } };
    expect(clampToPolicy(other, inside)).toBe(inside);
  });
});

it('keeps the document as it is when clamping would make it invalid', () => {
  const doc = validDocument();
  const threshold = 'populations/exc/params/v_threshold';
  const reset = readParam(doc, 'populations/exc/params/v_reset') ?? 0;
  const bad = { ...EMPTY_POLICY, ranges: { [threshold]: { min: reset - 20, max: reset - 10 } } };
  expect(clampToPolicy(bad, doc)).toBe(doc);
});
