/**
 * The built-in lessons (public/lessons): every file valid, listed, naming examples that exist
 * and numbers its networks have; then each lesson played through on the reference engine with
 * a student's answers: every step's check fails before the work and passes after it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { runToEnd } from '../../../src/engine/run-to-end.ts';
import { quantiseForHardware } from '../../../src/hdl/quantise-for-hardware.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { formatIssue, parseDocumentJson } from '../../../src/model/index.ts';
import {
  evaluateCheck,
  parseLessonJson,
  type Lesson,
  type LessonCheck,
  type LessonStep,
  type RunSummary,
} from '../../../src/model/lesson/index.ts';
import { readParam, writeParam } from '../../../src/model/param-path.ts';

const LESSONS = new URL('../../../public/lessons/', import.meta.url);
const EXAMPLES = new URL('../../../public/examples/', import.meta.url);

function loadLesson(file: string): Lesson {
  const result = parseLessonJson(readFileSync(new URL(file, LESSONS), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.issues.map(formatIssue).join('; ')}`);
  return result.lesson;
}

function loadExample(file: string): NetworkDocument {
  const result = parseDocumentJson(readFileSync(new URL(file, EXAMPLES), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.issues.map(formatIssue).join('; ')}`);
  return result.document;
}

/** The network a step opens with, or `previous` when it keeps the student's. */
function stepNetwork(step: LessonStep, previous: NetworkDocument | null): NetworkDocument {
  const network = step.network;
  if (network?.document !== undefined) return network.document;
  if (network?.example !== undefined) return loadExample(network.example);
  if (previous === null) throw new Error(`step "${step.title}" has no network to keep`);
  return previous;
}

function checksOf(check: LessonCheck): LessonCheck[] {
  return check.kind === 'all' ? check.checks.flatMap(checksOf) : [check];
}

async function run(document: NetworkDocument): Promise<RunSummary> {
  const sim = await createSimulation(document, { backend: 'reference' });
  const chunk = await runToEnd(sim, 2000);
  const spikes: RunSummary['spikes'] = {};
  for (const p of document.populations) {
    const block = chunk.spikes[p.id];
    if (block !== undefined) spikes[p.id] = { count: block.steps.length, size: p.size };
  }
  return { document, durationMs: document.run.duration, spikes };
}

const files = readdirSync(LESSONS).filter(
  (f) => f.endsWith('.json') && !['index.json', 'lesson.schema.json'].includes(f),
);

describe('built-in lessons', () => {
  it('index.json lists every lesson file once, with its title and summary', () => {
    const index = JSON.parse(readFileSync(new URL('index.json', LESSONS), 'utf8')) as {
      file: string;
      title: string;
      summary: string;
    }[];
    expect(index.map((e) => e.file).sort()).toEqual([...files].sort());
    for (const entry of index) {
      const lesson = loadLesson(entry.file);
      expect(`${lesson.id}.json`).toBe(entry.file);
      expect([entry.title, entry.summary]).toEqual([lesson.title, lesson.summary]);
      expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      expect(lesson.steps.length).toBeLessThanOrEqual(6);
    }
  });

  it.each(files)(
    '%s: examples exist, controls and checked numbers are in the step network',
    (file) => {
      const lesson = loadLesson(file);
      let doc: NetworkDocument | null = null;
      for (const step of lesson.steps) {
        doc = stepNetwork(step, doc);
        for (const control of step.controls) {
          expect(readParam(doc, control.path), `${step.title}: ${control.path}`).not.toBeNull();
        }
        for (const path of Object.keys(step.policy.ranges)) {
          expect(readParam(doc, path), `${step.title}: ${path}`).not.toBeNull();
        }
        for (const check of checksOf(step.check)) {
          if (check.kind === 'param') expect(readParam(doc, check.path), check.path).not.toBeNull();
          if (check.kind === 'rate') {
            const probed = doc.probes.some(
              (p) => p.kind === 'spikes' && p.population === check.population,
            );
            expect(probed, `${step.title}: spikes probe on ${check.population}`).toBe(true);
          }
        }
      }
    },
  );
});

/** What a student does in each step: parameter writes or an edit of the whole network. */
type Answer = { set?: Record<string, number>; edit?: (doc: NetworkDocument) => NetworkDocument };

const ANSWERS: Record<string, Answer[]> = {
  'first-neuron': [
    {},
    { set: { 'populations/neuron/params/bias': 0.045 } },
    { set: { 'populations/neuron/params/bias': 0.08 } },
    {},
  ],
  'excitation-inhibition': [
    {},
    { set: { 'projections/inh_exc/weight/value': 0 } },
    { set: { 'projections/inh_exc/weight/value': -6 } },
    {
      edit: (doc) => ({
        ...doc,
        projections: [
          ...doc.projections,
          {
            id: 'inh_to_exc',
            source: 'inh',
            target: 'exc',
            connectivity: { rule: 'fixed_probability', p: 0.2, allow_self: false },
            weight: { kind: 'constant', value: -0.15 },
            delay: { kind: 'constant', steps: 0 },
            synapse: { kind: 'exponential', tau: 10 },
          },
        ],
      }),
    },
  ],
  stdp: [
    {},
    { set: { 'projections/pattern_out/plasticity/a_plus': 0 } },
    {
      set: {
        'projections/pattern_out/weight/value': 0.1,
        'projections/pattern_out/plasticity/a_plus': 0.02,
      },
    },
  ],
  'stochastic-computing': [
    {},
    { set: { 'populations/layer/params/y_max': 0.05 } },
    { set: { 'populations/layer/params/inputs/values/4': 0 } },
    { set: { 'populations/layer/params/length': 64 } },
  ],
  'loihi-integers': [
    {},
    { set: { 'populations/loihi/params/threshold_v_mant': 140 } },
    {},
    { set: { 'populations/float/params/v_threshold': 2 } },
  ],
  'drawing-to-fpga': [{}, { edit: (doc) => quantiseForHardware(doc).document }, {}],
};

describe('built-in lessons played through', () => {
  it.each(Object.keys(ANSWERS))(
    '%s: each check fails before the work and passes after',
    async (id) => {
      const lesson = loadLesson(`${id}.json`);
      const answers = ANSWERS[id]!;
      expect(answers).toHaveLength(lesson.steps.length);
      let doc: NetworkDocument | null = null;
      let last: RunSummary | null = null;
      for (const [k, step] of lesson.steps.entries()) {
        const opened = stepNetwork(step, doc);
        if (opened !== doc) last = null;
        doc = opened;
        const before = evaluateCheck(step.check, { document: doc, run: last, board: null });
        expect(before.pass, `${id} step ${k + 1} before: ${before.message}`).toBe(false);
        const answer = answers[k]!;
        for (const [path, value] of Object.entries(answer.set ?? {}))
          doc = writeParam(doc, path, value);
        if (answer.edit !== undefined) doc = answer.edit(doc);
        if (checksOf(step.check).some((c) => c.kind === 'board')) {
          // The board run is the page's (the virtual board in a worker): its e2e test plays it;
          // here the board outcome of this very network stands in for it.
          const board = { document: doc, outcome: { kind: 'bit-exact' as const, spikes: 1 } };
          expect(evaluateCheck(step.check, { document: doc, run: last, board }).pass).toBe(true);
          continue;
        }
        last = await run(doc);
        const after = evaluateCheck(step.check, { document: doc, run: last, board: null });
        expect(after.pass, `${id} step ${k + 1} after: ${after.message}`).toBe(true);
      }
    },
    60_000,
  );

  it('the projection step is not passed by an excitatory projection', () => {
    const lesson = loadLesson('excitation-inhibition.json');
    const step = lesson.steps[3]!;
    const doc = stepNetwork(step, null);
    const wired = ANSWERS['excitation-inhibition']![3]!.edit!(doc);
    const excitatory = writeParam(wired, 'projections/inh_to_exc/weight/value', 0.15);
    const summary: RunSummary = { document: excitatory, durationMs: 1, spikes: {} };
    expect(
      evaluateCheck(step.check, { document: excitatory, run: summary, board: null }).pass,
    ).toBe(false);
  });
});
