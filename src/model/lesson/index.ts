/** Lessons as data: the file format, its validation and JSON Schema, checks, and text markup. */
export type {
  Lesson,
  LessonCheck,
  LessonControl,
  LessonStep,
  ProjectionSign,
  StepNetwork,
} from './types.ts';
export { LESSON_FORMAT, lessonSchema, checkSchema } from './schema.ts';
export { validateLesson, parseLessonJson, type LessonResult } from './validate.ts';
export { lessonJsonSchema } from './json-schema.ts';
export { evaluateCheck, formatHz, projectionSign, type CheckResult } from './checks.ts';
export {
  sameNetwork,
  type BoardOutcome,
  type BoardSummary,
  type CheckContext,
  type PopulationCount,
  type RunSummary,
} from './run-summary.ts';
export { parseMarkdown, parseInline, type Block, type Inline } from './markdown.ts';
