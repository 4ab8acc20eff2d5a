/**
 * Lesson checks: pure functions of the network on screen and its last runs that say whether a
 * step's work is done, and if not, what is missing in words the student can act on
 * ("exc fires at 12 Hz; aim for 40-60 Hz").
 */
import type { Distribution, NetworkDocument, Projection } from '../document.ts';
import { paramLabel, readParam } from '../param-path.ts';
import type { CheckContext, RunSummary } from './run-summary.ts';
import { sameNetwork } from './run-summary.ts';
import type { LessonCheck, ProjectionSign } from './types.ts';

export interface CheckResult {
  pass: boolean;
  /** Why it fails, or what was found when it passes. */
  message: string;
}

const pass = (message: string): CheckResult => ({ pass: true, message });
const fail = (message: string): CheckResult => ({ pass: false, message });

/** A rate for a sentence: one decimal below 10 Hz, whole hertz above. */
export function formatHz(hz: number): string {
  const rounded = hz < 10 ? Math.round(hz * 10) / 10 : Math.round(hz);
  return `${rounded} Hz`;
}

function formatRange(min: number, max: number, unit = ''): string {
  return min === max ? `${min}${unit}` : `${min}-${max}${unit}`;
}

function nameOf(doc: NetworkDocument, id: string): string {
  const population = doc.populations.find((p) => p.id === id);
  return population?.label ?? id;
}

/** The last finished run if it ran the network on screen, else the reason it cannot be used. */
function currentRun(context: CheckContext): RunSummary | string {
  if (context.run === null) return 'Run the network to the end first.';
  if (!sameNetwork(context.run.document, context.document)) {
    return 'The network changed since the last run: run it again.';
  }
  return context.run;
}

/**
 * The sign of a projection's weights, or null when they are mixed or zero: a constant's sign,
 * a uniform range's when both ends agree, a normal's mean; Loihi synapses by sign mode or by
 * every mantissa.
 */
export function projectionSign(projection: Projection): ProjectionSign | null {
  const synapse = projection.synapse;
  if (synapse.kind === 'loihi') {
    if (synapse.sign_mode === 'excitatory') return 'excitatory';
    if (synapse.sign_mode === 'inhibitory') return 'inhibitory';
    const values = synapse.mantissas ?? [
      projection.weight.kind === 'constant' ? projection.weight.value : 0,
    ];
    return signOf(values);
  }
  return signOf(weightBounds(projection.weight));
}

/** The least and greatest weight a distribution gives (a normal's mean for both). */
function weightBounds(w: Distribution): number[] {
  switch (w.kind) {
    case 'constant':
      return [w.value];
    case 'uniform':
      return [w.low, w.high];
    case 'normal':
      return [w.mean];
    case 'explicit':
      return w.values;
  }
}

function signOf(values: readonly number[]): ProjectionSign | null {
  if (values.length > 0 && values.every((v) => v > 0)) return 'excitatory';
  if (values.length > 0 && values.every((v) => v < 0)) return 'inhibitory';
  return null;
}

function checkRate(
  check: Extract<LessonCheck, { kind: 'rate' }>,
  context: CheckContext,
): CheckResult {
  const name = nameOf(context.document, check.population);
  if (!context.document.populations.some((p) => p.id === check.population)) {
    return fail(`There is no population ${check.population} in the network.`);
  }
  const run = currentRun(context);
  if (typeof run === 'string') return fail(run);
  const count = run.spikes[check.population];
  if (count === undefined)
    return fail(`${name} records no spikes: add a spikes probe and run again.`);
  const seconds = run.durationMs / 1000;
  const hz = seconds > 0 && count.size > 0 ? count.count / count.size / seconds : 0;
  const aim = `aim for ${formatRange(check.min_hz, check.max_hz)} Hz`;
  if (hz < check.min_hz || hz > check.max_hz)
    return fail(`${name} fires at ${formatHz(hz)}; ${aim}.`);
  return pass(`${name} fires at ${formatHz(hz)} (${formatRange(check.min_hz, check.max_hz)} Hz).`);
}

function checkProjection(
  check: Extract<LessonCheck, { kind: 'projection' }>,
  doc: NetworkDocument,
): CheckResult {
  const from = nameOf(doc, check.from);
  const to = nameOf(doc, check.to);
  const found = doc.projections.filter((p) => p.source === check.from && p.target === check.to);
  if (found.length === 0) return fail(`Connect ${from} to ${to}: there is no projection yet.`);
  if (check.sign === undefined) return pass(`${from} projects to ${to}.`);
  const signs = found.map(projectionSign);
  if (signs.includes(check.sign)) return pass(`${from} → ${to} is ${check.sign}.`);
  const has = signs[0] ?? null;
  const want = check.sign === 'inhibitory' ? 'a negative weight' : 'a positive weight';
  const now = has === null ? 'has mixed or zero weights' : `is ${has}`;
  return fail(`${from} → ${to} ${now}; make it ${check.sign} (${want}).`);
}

function checkParam(
  check: Extract<LessonCheck, { kind: 'param' }>,
  doc: NetworkDocument,
): CheckResult {
  const value = readParam(doc, check.path);
  const label = paramLabel(doc, check.path);
  if (value === null) return fail(`${label} is not in this network.`);
  const range = formatRange(check.min, check.max);
  if (value < check.min || value > check.max)
    return fail(`${label} is ${value}; set it to ${range}.`);
  return pass(`${label} is ${value} (${range}).`);
}

function checkModel(
  check: Extract<LessonCheck, { kind: 'model' }>,
  doc: NetworkDocument,
): CheckResult {
  const named = check.population;
  const candidates =
    named === undefined
      ? doc.populations.filter((p) => p.model !== 'poisson' && p.model !== 'spike_generator')
      : doc.populations.filter((p) => p.id === named);
  if (candidates.length === 0) {
    return fail(
      named === undefined ? 'The network has no neurons yet.' : `There is no population ${named}.`,
    );
  }
  const wrong = candidates.find((p) => p.model !== check.model);
  if (wrong !== undefined) {
    return fail(`${wrong.label ?? wrong.id} is ${wrong.model}; it must be ${check.model}.`);
  }
  const which = named === undefined ? 'Every neuron population' : nameOf(doc, named);
  return pass(`${which} is ${check.model}.`);
}

function checkBoard(context: CheckContext): CheckResult {
  const board = context.board;
  if (board === null) return fail('Run the network on the board first.');
  if (!sameNetwork(board.document, context.document)) {
    return fail('The network changed since the board run: run it on the board again.');
  }
  const outcome = board.outcome;
  switch (outcome.kind) {
    case 'unfinished':
      return fail('The board run has not finished.');
    case 'differs':
      return fail(
        `The board's spikes differ from the engine's (${outcome.population}, step ${outcome.step}).`,
      );
    case 'bit-exact':
      return pass(`Bit-exact: the board's ${outcome.spikes} spikes equal the engine's.`);
  }
}

/**
 * Whether `check` passes for the network and runs in `context`, with the reason. Checks that
 * read a run pass only for a run of the network on screen (`sameNetwork`).
 *
 * @example evaluateCheck({ kind: 'rate', population: 'exc', min_hz: 40, max_hz: 60 }, context)
 * // { pass: false, message: 'exc fires at 12 Hz; aim for 40-60 Hz.' }
 */
export function evaluateCheck(check: LessonCheck, context: CheckContext): CheckResult {
  switch (check.kind) {
    case 'ran': {
      const run = currentRun(context);
      return typeof run === 'string' ? fail(run) : pass(`Ran ${run.durationMs} ms.`);
    }
    case 'rate':
      return checkRate(check, context);
    case 'projection':
      return checkProjection(check, context.document);
    case 'param':
      return checkParam(check, context.document);
    case 'model':
      return checkModel(check, context.document);
    case 'board':
      return checkBoard(context);
    case 'all': {
      const results = check.checks.map((c) => evaluateCheck(c, context));
      const failed = results.find((r) => !r.pass);
      return failed ?? pass(results.map((r) => r.message).join(' '));
    }
  }
}
