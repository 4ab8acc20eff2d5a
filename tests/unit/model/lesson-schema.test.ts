import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  lessonJsonSchema,
  parseLessonJson,
  validateLesson,
} from '../../../src/model/lesson/index.ts';
import { formatIssue } from '../../../src/model/index.ts';

const minimal = () => ({
  format: 'spikelab-lesson',
  id: 'tiny',
  title: 'Tiny',
  summary: 'One step.',
  steps: [{ title: 'Run', text: 'Press **Run**.', check: { kind: 'ran' } }],
});

function messages(value: unknown): string[] {
  const result = validateLesson(value);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('lesson schema', () => {
  it('accepts a minimal lesson and fills the defaults', () => {
    const result = validateLesson(minimal());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lesson.allow_skip).toBe(false);
    expect(result.lesson.steps[0]?.controls).toEqual([]);
    expect(result.lesson.steps[0]?.policy).toEqual({ hidden: [], locked: [], ranges: {} });
  });

  it('names each problem by its path', () => {
    const bad = minimal() as Record<string, unknown>;
    bad.id = 'Has Spaces';
    bad.steps = [
      { title: 'A', text: 'a', check: { kind: 'rate', population: 'exc', min_hz: 60, max_hz: 40 } },
      { title: 'B', text: 'b', check: { kind: 'teleport' }, extra: 1 },
    ];
    expect(messages(bad)).toEqual([
      'id: must be lowercase letters, digits and dashes, got "Has Spaces"',
      'steps[1].check.kind: must be one of ran, rate, projection, param, model, board, all, got "teleport"',
      'steps[1].extra: unknown field',
    ]);
    bad.id = 'ok';
    bad.steps = [(bad.steps as unknown[])[0]];
    expect(messages(bad)).toEqual(['steps[0].check.max_hz: must be >= min_hz 60, got 40']);
  });

  it('refuses a step network that is both or neither, nests a bad inline network, checks ranges', () => {
    const lesson = minimal();
    Object.assign(lesson.steps[0]!, {
      network: { example: 'cuba.json', document: { format: 'spikelab-network' } },
      controls: [{ path: 'run/duration', min: 10, max: 10 }],
      policy: { ranges: { 'run/duration': { min: 5, max: 1 } } },
    });
    const got = messages(lesson);
    expect(got).toContain(
      'steps[0].network.document: is not a valid network: version: required field is missing',
    );
    expect(got).toContain('steps[0].policy.ranges["run/duration"]: min 5 is above max 1');
    Object.assign(lesson.steps[0]!, { network: {}, policy: {} });
    expect(messages(lesson)).toEqual([
      'steps[0].network: must name an example or hold a document, not both or neither',
      'steps[0].controls[0].max: must be > min 10, got 10',
    ]);
  });

  it('nests checks in all, and an empty all or lesson is refused', () => {
    const lesson = minimal();
    lesson.steps[0]!.check = { kind: 'all', checks: [{ kind: 'all', checks: [] }] } as never;
    expect(messages(lesson)).toEqual([
      'steps[0].check.checks[0].checks: must hold at least one check',
    ]);
    expect(messages({ ...minimal(), steps: [] })).toEqual([
      'steps: a lesson needs at least one step',
    ]);
  });

  it('reports a JSON syntax error with its line', () => {
    const result = parseLessonJson('{\n  "format": "spikelab-lesson",\n  "id": }');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatIssue(result.issues[0]!)).toMatch(/^\(file\): is not valid JSON: line 3/);
  });

  it('public/lessons/lesson.schema.json is the generated schema', () => {
    const file = new URL('../../../public/lessons/lesson.schema.json', import.meta.url);
    const written: unknown = JSON.parse(readFileSync(file, 'utf8'));
    // Regenerate with: JSON.stringify(lessonJsonSchema(), null, 2), then prettier.
    expect(written).toEqual(lessonJsonSchema());
    const schema = lessonJsonSchema() as { $defs: { check: { oneOf: unknown[] } } };
    expect(schema.$defs.check.oneOf).toHaveLength(7);
  });
});
