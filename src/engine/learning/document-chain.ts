/**
 * The trainable chain of a network document (issue 6's training panel): one input population
 * (`spike_generator` or `poisson`) feeding one or more `stochastic_lif` layers in a line, each by
 * an `all_to_all` `delta` projection of delay 0, each layer optionally with one recurrent
 * `all_to_all` projection onto itself (`allow_self: false`). That is the network the trainers
 * model (`train/types.ts`); anything else the document holds is either refused (it changes the
 * chain's arithmetic) or reported as a warning (training ignores it).
 */
import type { NetworkDocument, Population, Projection } from '../../model/document.ts';

/** One layer of the chain: the population and the projections that feed it. */
export interface ChainLayer {
  population: string;
  /** The feed-forward projection from the previous population (the input for layer 0). */
  projection: string;
  /** The layer's recurrent projection onto itself, if any. */
  recurrent?: string;
}

export interface ChainTopology {
  input: string;
  layers: ChainLayer[];
}

export type ChainSearch =
  { ok: true; chain: ChainTopology; warnings: string[] } | { ok: false; problems: string[] };

const INPUT_MODELS: ReadonlySet<Population['model']> = new Set(['spike_generator', 'poisson']);

const isLif = (p: Population | undefined): boolean => p?.model === 'stochastic_lif';

/** Why `pr` cannot carry the chain's arithmetic; empty when it can. */
function projectionMisfits(pr: Projection, recurrent: boolean): string[] {
  const out: string[] = [];
  const name = `projection '${pr.id}'`;
  if (pr.connectivity.rule !== 'all_to_all') {
    out.push(`${name} connects ${pr.connectivity.rule}; training needs all_to_all`);
  } else if (recurrent && pr.connectivity.allow_self) {
    out.push(`${name} (recurrent) allows self-connections; training needs allow_self off`);
  }
  if (pr.synapse.kind !== 'delta') {
    out.push(`${name} has a ${pr.synapse.kind} synapse; training needs delta`);
  }
  if (pr.delay.kind !== 'constant' || pr.delay.steps !== 0) {
    out.push(`${name} has a delay; training needs a constant delay of 0 steps`);
  }
  return out;
}

/** What training ignores on a chain projection, as warnings. */
function projectionWarnings(pr: Projection): string[] {
  const out: string[] = [];
  if (pr.plasticity !== undefined) {
    out.push(`projection '${pr.id}': its ${pr.plasticity.rule} plasticity is off while training`);
  }
  if (pr.stp !== undefined) {
    out.push(`projection '${pr.id}': short-term plasticity is ignored by training`);
  }
  if (pr.structural !== undefined) {
    out.push(`projection '${pr.id}': structural plasticity is ignored by training`);
  }
  return out;
}

/**
 * Finds the trainable chain of `doc`, or says what keeps the document from having one.
 *
 * @example
 * const found = findTrainableChain(doc);
 * if (found.ok) found.chain.layers.map((l) => l.population); // ['hidden', 'output']
 */
export function findTrainableChain(doc: NetworkDocument): ChainSearch {
  const byId = new Map(doc.populations.map((p) => [p.id, p]));
  const feedsLif = (pr: Projection) => pr.source !== pr.target && isLif(byId.get(pr.target));
  const inputs = doc.populations.filter(
    (p) =>
      INPUT_MODELS.has(p.model) && doc.projections.some((pr) => pr.source === p.id && feedsLif(pr)),
  );
  if (inputs.length === 0) {
    return {
      ok: false,
      problems: [
        'no input population (spike_generator or poisson) projects into a stochastic_lif layer: ' +
          'training needs input -> stochastic_lif layer(s)',
      ],
    };
  }
  if (inputs.length > 1) {
    return {
      ok: false,
      problems: [
        `several input populations feed stochastic_lif layers (${inputs.map((p) => `'${p.id}'`).join(', ')}); ` +
          'training needs exactly one',
      ],
    };
  }
  const input = inputs[0] as Population;
  const problems: string[] = [];
  const warnings: string[] = [];
  const layers: ChainLayer[] = [];
  const inChain = new Set<string>([input.id]);
  let current = input.id;
  for (;;) {
    const next = doc.projections.filter((pr) => pr.source === current && feedsLif(pr));
    if (next.length === 0) break;
    if (next.length > 1) {
      problems.push(
        `'${current}' feeds ${next.map((pr) => `'${pr.target}'`).join(' and ')}: ` +
          'the chain must not branch (one layer after another)',
      );
      break;
    }
    const pr = next[0] as Projection;
    if (inChain.has(pr.target)) {
      problems.push(`projection '${pr.id}' leads back to '${pr.target}': the chain must not loop`);
      break;
    }
    problems.push(...projectionMisfits(pr, false));
    warnings.push(...projectionWarnings(pr));
    const loops = doc.projections.filter((r) => r.source === pr.target && r.target === pr.target);
    if (loops.length > 1) {
      problems.push(`'${pr.target}' has ${loops.length} recurrent projections; training takes one`);
    }
    const loop = loops[0];
    if (loop !== undefined) {
      problems.push(...projectionMisfits(loop, true));
      warnings.push(...projectionWarnings(loop));
    }
    layers.push({
      population: pr.target,
      projection: pr.id,
      ...(loop === undefined ? {} : { recurrent: loop.id }),
    });
    inChain.add(pr.target);
    current = pr.target;
  }
  warnings.push(...outsideWarnings(doc, input.id, layers));
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, chain: { input: input.id, layers }, warnings };
}

/** Projections into the chain from elsewhere, and stimuli on it: training ignores them. */
function outsideWarnings(doc: NetworkDocument, input: string, layers: ChainLayer[]): string[] {
  const used = new Set(layers.flatMap((l) => [l.projection, l.recurrent ?? '']));
  const layerIds = new Set(layers.map((l) => l.population));
  const out: string[] = [];
  for (const pr of doc.projections) {
    if (!used.has(pr.id) && layerIds.has(pr.target)) {
      out.push(
        `projection '${pr.id}' into '${pr.target}' is not part of the chain: training ignores it`,
      );
    }
  }
  for (const s of doc.stimuli) {
    if (layerIds.has(s.target) || s.target === input) {
      out.push(`stimulus '${s.id}' on '${s.target}' is ignored by training`);
    }
  }
  return out;
}
