/**
 * The front door for lesson files: the shape (`schema.ts`), then the rules across fields that
 * a JSON Schema cannot say. Messages are `path: reason`, as for network documents.
 */
import { findJsonSyntaxError } from '../json-syntax.ts';
import { fieldPath, indexPath, INVALID, report } from '../schema/index.ts';
import type { ValidationIssue } from '../validation-issue.ts';
import { lessonSchema } from './schema.ts';
import type { Lesson, LessonCheck, LessonStep } from './types.ts';

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; issues: ValidationIssue[] };

/**
 * Checks any value as a lesson. On success `lesson` is a fresh copy with defaults filled in
 * (inline networks validated and filled too); otherwise every issue found. Never throws.
 *
 * @example validateLesson(JSON.parse(text)) // { ok: false, issues: [{ path: 'steps[0].check.kind', ... }] }
 */
export function validateLesson(value: unknown): LessonResult {
  const issues: ValidationIssue[] = [];
  const parsed = lessonSchema.parse(value, '', issues);
  if (parsed === INVALID || issues.length > 0) return { ok: false, issues };
  const cross = lessonIssues(parsed);
  return cross.length > 0 ? { ok: false, issues: cross } : { ok: true, lesson: parsed };
}

/**
 * Parses and validates a lesson file's text; a syntax error is one issue at `(file)`.
 *
 * @example parseLessonJson('{"format": "spikelab-lesson",') // issue at (file): line 1, column 30
 */
export function parseLessonJson(text: string): LessonResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const at = findJsonSyntaxError(body);
    const message =
      at === undefined
        ? `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`
        : `is not valid JSON: line ${at.line}, column ${at.column}: ${at.reason}`;
    return { ok: false, issues: [{ path: '(file)', message }] };
  }
  return validateLesson(value);
}

function lessonIssues(lesson: Lesson): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (lesson.steps.length === 0) report(issues, 'steps', 'a lesson needs at least one step');
  lesson.steps.forEach((step, k) => stepIssues(step, indexPath('steps', k), issues));
  return issues;
}

function stepIssues(step: LessonStep, path: string, issues: ValidationIssue[]): void {
  const network = step.network;
  if (network !== undefined) {
    const hasExample = network.example !== undefined;
    const hasDocument = network.document !== undefined;
    if (hasExample === hasDocument) {
      report(
        issues,
        fieldPath(path, 'network'),
        'must name an example or hold a document, not both or neither',
      );
    }
  }
  step.controls.forEach((control, k) => {
    const at = indexPath(fieldPath(path, 'controls'), k);
    rangeIssue(control.min, control.max, at, issues);
    if (control.step !== undefined && control.step > control.max - control.min) {
      report(
        issues,
        fieldPath(at, 'step'),
        `must not exceed the range ${control.max - control.min}, got ${control.step}`,
      );
    }
  });
  checkIssues(step.check, fieldPath(path, 'check'), issues);
}

function checkIssues(check: LessonCheck, path: string, issues: ValidationIssue[]): void {
  switch (check.kind) {
    case 'rate':
      if (check.max_hz < check.min_hz) {
        report(
          issues,
          fieldPath(path, 'max_hz'),
          `must be >= min_hz ${check.min_hz}, got ${check.max_hz}`,
        );
      }
      return;
    case 'param':
      if (check.max < check.min) {
        report(issues, fieldPath(path, 'max'), `must be >= min ${check.min}, got ${check.max}`);
      }
      return;
    case 'all':
      if (check.checks.length === 0)
        report(issues, fieldPath(path, 'checks'), 'must hold at least one check');
      check.checks.forEach((inner, k) =>
        checkIssues(inner, indexPath(fieldPath(path, 'checks'), k), issues),
      );
      return;
    case 'ran':
    case 'projection':
    case 'model':
    case 'board':
      return;
  }
}

function rangeIssue(min: number, max: number, path: string, issues: ValidationIssue[]): void {
  if (!(max > min)) report(issues, fieldPath(path, 'max'), `must be > min ${min}, got ${max}`);
}
