/**
 * A lesson as data: what a student reads, which network each step loads, which controls the
 * drawer offers, what the page locks or hides, what it points at, and the check that says the
 * step is done. The shape is declared once in `schema.ts`; these are the types it produces.
 */
import type { ControlPolicy } from '../classroom/policy.ts';
import type { NetworkDocument, PopulationModel } from '../document.ts';

/**
 * The network a step opens with: a gallery example (`public/examples/<file>`) or an inline
 * document; exactly one of the two (`validate.ts`).
 */
export interface StepNetwork {
  example?: string;
  document?: NetworkDocument;
}

/** A number of the document the drawer shows as a slider with a number field. */
export interface LessonControl {
  /** A ParamPath (`src/model/param-path.ts`), e.g. `populations/neuron/params/bias`. */
  path: string;
  min: number;
  max: number;
  /** Slider step; a hundredth of the range when left out. */
  step?: number;
  /** Shown instead of the path's own label. */
  label?: string;
}

/** The sign of a projection's weights. */
export type ProjectionSign = 'excitatory' | 'inhibitory';

/** A condition on the network and its last run; see `checks.ts` for what each means. */
export type LessonCheck =
  | { kind: 'ran' }
  | { kind: 'rate'; population: string; min_hz: number; max_hz: number }
  | { kind: 'projection'; from: string; to: string; sign?: ProjectionSign }
  | { kind: 'param'; path: string; min: number; max: number }
  | { kind: 'model'; model: PopulationModel; population?: string }
  | { kind: 'board' }
  | { kind: 'all'; checks: LessonCheck[] };

export interface LessonStep {
  title: string;
  /** A short markdown subset: paragraphs, **bold**, `code`, `- ` lists (`markdown.ts`). */
  text: string;
  /** Loaded when the step is first opened; absent: the step keeps the student's network. */
  network?: StepNetwork;
  controls: LessonControl[];
  /** What the page hides, locks or range-limits while the step is open. */
  policy: ControlPolicy;
  /** A `data-tour` or `data-testid` value of a page part, outlined with a pointer. */
  highlight?: string;
  check: LessonCheck;
  /** Shown under the check once it passes. */
  done_text?: string;
}

export interface Lesson {
  /** Where an editor finds the JSON Schema (`lesson.schema.json`); ignored here. */
  $schema?: string;
  format: 'spikelab-lesson';
  id: string;
  title: string;
  summary: string;
  /** Next is enabled before a step's check passes (a teacher's choice). */
  allow_skip: boolean;
  steps: LessonStep[];
}
