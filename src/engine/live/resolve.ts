/**
 * Which document numbers can change while a network runs, and what each becomes in the plan.
 *
 * Live means: the backends hold the value as a plan constant or a per-step host input, so it can
 * be swapped between two chunks without compiling again or touching the state. Everything else
 * (time constants baked into decays, connectivity, initial values, fixed-point or Loihi integers
 * quantised at compile, weights that plasticity owns) needs a new run, and is refused by name.
 */
import type { NetworkDocument, Population, Projection } from '../../model/document.ts';
import type { LiveEdit } from './live-edit.ts';

/** A document path such as `stimuli/drive/amplitude` (the classroom's `ParamPath`). */
export type LivePath = string;

/** A path that names no number, or one that cannot change during a run, with the reason. */
export class LiveParamError extends Error {
  constructor(
    readonly path: LivePath,
    readonly reason: string,
  ) {
    super(`'${path}' cannot change during a run: ${reason}`);
    this.name = 'LiveParamError';
  }
}

/** Models whose input current is `bias + stimuli` in float32 (CONTEXT.md step 1). */
const FLOAT_INPUT = new Set<Population['model']>(['stochastic_lif', 'izhikevich', 'adex']);
/** Targets a stimulus may drive live: the float models and SC layers (whose bias is 0). */
const STIMULUS_TARGETS = new Set<Population['model']>([...FLOAT_INPUT, 'sc_dense']);

/**
 * The plan edit for `path = value` in `doc` (the document the run was compiled from, with the
 * earlier live changes applied), converted as `compile` converts it.
 *
 * @example resolveLive(doc, 'stimuli/drive/amplitude', 1.2, 0.1)
 *   // { kind: 'stimulus', population: 0, stimulus: 0, amplitude: Math.fround(1.2) }
 */
export function resolveLive(
  doc: NetworkDocument,
  path: LivePath,
  value: number,
  dt: number,
): LiveEdit {
  if (!Number.isFinite(value)) throw new LiveParamError(path, `${value} is not a finite number`);
  const [collection, id, ...rest] = path.split('/');
  const field = rest.join('/');
  const f = Math.fround;
  if (collection === 'stimuli') {
    const s = doc.stimuli.find((x) => x.id === id);
    if (!s) throw new LiveParamError(path, `there is no stimulus '${id ?? ''}'`);
    if (field !== 'amplitude') throw notLive(path, `a stimulus' ${field} is not live`);
    if (s.kind !== 'current_step') throw notLive(path, 'a current series has no one amplitude');
    const population = doc.populations.findIndex((p) => p.id === s.target);
    const target = doc.populations[population];
    if (!target || !STIMULUS_TARGETS.has(target.model)) {
      throw notLive(path, `its target's model (${target?.model ?? '?'}) quantises inputs`);
    }
    // Its position among the target's current steps: compile puts series segments after them.
    const stimulus = doc.stimuli
      .filter((x) => x.target === s.target && x.kind === 'current_step')
      .indexOf(s);
    return { kind: 'stimulus', population, stimulus, amplitude: f(value) };
  }
  if (collection === 'populations') {
    const population = doc.populations.findIndex((p) => p.id === id);
    const p = doc.populations[population];
    if (!p) throw new LiveParamError(path, `there is no population '${id ?? ''}'`);
    if (field === 'params/bias' && FLOAT_INPUT.has(p.model)) {
      return { kind: 'bias', population, value: f(value) };
    }
    if (field === 'params/noise_std' && FLOAT_INPUT.has(p.model)) {
      return { kind: 'noise', population, value: f(value) };
    }
    if (field === 'params/v_threshold' && p.model === 'stochastic_lif') {
      return { kind: 'threshold', population, value: f(value) };
    }
    if (field === 'params/rate' && p.model === 'poisson') {
      if (p.params.rate_series) throw notLive(path, 'its rate follows a rate_series');
      // compilePoisson's conversion (source-plans.ts).
      const threshold24 = Math.min(
        2 ** 24,
        Math.max(0, Math.round(((value * dt) / 1000) * 2 ** 24)),
      );
      return { kind: 'rate', population, threshold24 };
    }
    throw notLive(path, `${p.model}'s ${field} is compiled into the run`);
  }
  if (collection === 'projections') {
    const projection = doc.projections.findIndex((p) => p.id === id);
    const pr = doc.projections[projection];
    if (!pr) throw new LiveParamError(path, `there is no projection '${id ?? ''}'`);
    if (field !== 'weight/value') throw notLive(path, `a projection's ${field} is not live`);
    const why = weightNotLive(doc, pr);
    if (why !== null) throw notLive(path, why);
    return { kind: 'weight', projection, value: f(value) };
  }
  throw new LiveParamError(path, 'only stimuli, populations and projections have live numbers');
}

/** Why a projection's constant weight cannot change live, or null when it can. */
function weightNotLive(doc: NetworkDocument, pr: Projection): string | null {
  if (pr.weight.kind !== 'constant') return `its weights are ${pr.weight.kind}, not constant`;
  if (pr.plasticity || pr.stp || pr.structural) return 'plasticity owns its weights';
  if (pr.synapse.kind !== 'delta' && pr.synapse.kind !== 'exponential') {
    return `${pr.synapse.kind} synapses quantise their weights`;
  }
  const target = doc.populations.find((p) => p.id === pr.target);
  if (!target || !FLOAT_INPUT.has(target.model)) {
    return `its target's model (${target?.model ?? '?'}) quantises weights`;
  }
  return null;
}

function notLive(path: LivePath, reason: string): LiveParamError {
  return new LiveParamError(path, reason);
}

/**
 * Every path of `doc` that `resolveLive` accepts, in document order: what the Live panel
 * offers.
 */
export function liveParamPaths(doc: NetworkDocument): LivePath[] {
  const out: LivePath[] = [];
  for (const p of doc.populations) {
    if (FLOAT_INPUT.has(p.model)) {
      out.push(`populations/${p.id}/params/bias`, `populations/${p.id}/params/noise_std`);
    }
    if (p.model === 'stochastic_lif') out.push(`populations/${p.id}/params/v_threshold`);
    if (p.model === 'poisson' && !p.params.rate_series) out.push(`populations/${p.id}/params/rate`);
  }
  for (const s of doc.stimuli) {
    const target = doc.populations.find((p) => p.id === s.target);
    if (target && STIMULUS_TARGETS.has(target.model) && s.kind === 'current_step') {
      out.push(`stimuli/${s.id}/amplitude`);
    }
  }
  for (const pr of doc.projections) {
    if (weightNotLive(doc, pr) === null) out.push(`projections/${pr.id}/weight/value`);
  }
  return out;
}

/**
 * Whether the document's Live panel has a slider on a projection's weight (the weight path of
 * `liveParamPaths`): the gpu backend then takes weights as a call argument from the start.
 */
export function hasLiveWeightControl(doc: NetworkDocument): boolean {
  return (doc.live ?? []).some(
    (c) => c.path.startsWith('projections/') && c.path.endsWith('/weight/value'),
  );
}

/**
 * `doc` with `path` set to `value` (a path `resolveLive` accepted), a fresh copy: what the run's
 * document becomes, so that a later change and the run's log see the current values.
 */
export function withLiveValue(
  doc: NetworkDocument,
  path: LivePath,
  value: number,
): NetworkDocument {
  const [collection, id, ...rest] = path.split('/');
  const field = rest.join('/');
  switch (collection ?? '') {
    case 'stimuli':
      return {
        ...doc,
        stimuli: doc.stimuli.map((s) =>
          s.id === id && s.kind === 'current_step' ? { ...s, amplitude: value } : s,
        ),
      };
    case 'populations':
      return {
        ...doc,
        populations: doc.populations.map((p) =>
          p.id === id
            ? ({
                ...p,
                params: { ...p.params, [field.slice('params/'.length)]: value },
              } as Population)
            : p,
        ),
      };
    case 'projections':
      return {
        ...doc,
        projections: doc.projections.map((p) =>
          p.id === id ? { ...p, weight: { kind: 'constant' as const, value } } : p,
        ),
      };
    default:
      throw new LiveParamError(path, 'only stimuli, populations and projections have live numbers');
  }
}
