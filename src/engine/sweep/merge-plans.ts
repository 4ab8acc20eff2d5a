/**
 * `mergePlans(plans)`: several compiled variants of a network as one plan whose populations,
 * channels, projections and probes are the variants side by side (index offsets), so a backend
 * steps every variant in the same pass (on the gpu backend: one kernel launch per kernel and
 * step for all of them, since its layout puts every population in one neuron index space).
 *
 * Pure: the variants' plans are not changed, and their typed arrays are shared, not copied
 * (backends copy what they step). Every random key is already in the plans (compile drew them
 * from each variant's own population and projection indices), so a variant steps in the batch
 * exactly as it does alone: each neuron's arithmetic reads only its own variant's constants,
 * state and synapses, in the same order.
 */
import type {
  ChannelPlan,
  ModelPlan,
  Plan,
  PlasticityPlan,
  PopulationPlan,
  ProbePlan,
  ProjectionPlan,
} from '../plan.ts';

/** The batch's id of variant `v`'s population, projection or probe `id`. */
export function variantId(v: number, id: string): string {
  return `v${v}/${id}`;
}

/** The variant and original id of a batch id (null when it is not one). */
export function parseVariantId(batchId: string): { variant: number; id: string } | null {
  const match = /^v(\d+)\/(.*)$/s.exec(batchId);
  if (!match) return null;
  return { variant: Number(match[1]), id: match[2] ?? '' };
}

/** Where each variant's items start in the batched plan. */
export interface VariantOffsets {
  populations: number;
  channels: number;
  projections: number;
}

export interface BatchedPlan {
  plan: Plan;
  variants: number;
  offsets: VariantOffsets[];
}

/** Thrown when variants cannot share one batch (different step or run length). */
export class SweepMergeError extends Error {
  override readonly name = 'SweepMergeError';
}

/**
 * Merges compiled variants into one batched plan. All variants must share `dt` and
 * `totalSteps` (one step counter drives the batch); the seed is taken from variant 0 (backends
 * read keys from the plan, never from `plan.seed`, so variants may differ in seed).
 *
 * @example
 * const batch = mergePlans([compile(docA), compile(docB)]);
 * batch.plan.populations[0]?.id; // 'v0/exc'
 */
export function mergePlans(plans: readonly Plan[]): BatchedPlan {
  const first = plans[0];
  if (!first) throw new SweepMergeError('a sweep needs at least one variant');
  const offsets: VariantOffsets[] = [];
  const populations: PopulationPlan[] = [];
  const channels: ChannelPlan[] = [];
  const projections: ProjectionPlan[] = [];
  const probes: ProbePlan[] = [];
  let estimatedBytes = 0;
  plans.forEach((plan, v) => {
    if (plan.dt !== first.dt || plan.totalSteps !== first.totalSteps) {
      throw new SweepMergeError(
        `variant ${v} runs ${plan.totalSteps} steps of ${plan.dt} ms but variant 0 runs ` +
          `${first.totalSteps} steps of ${first.dt} ms: a batch steps every variant together, ` +
          'so dt and the duration cannot be swept',
      );
    }
    const at: VariantOffsets = {
      populations: populations.length,
      channels: channels.length,
      projections: projections.length,
    };
    offsets.push(at);
    for (const p of plan.populations) populations.push(shiftPopulation(p, v, at));
    for (const c of plan.channels) channels.push({ ...c, target: c.target + at.populations });
    for (const pr of plan.projections) projections.push(shiftProjection(pr, v, at));
    for (const probe of plan.probes) probes.push(shiftProbe(probe, v, at));
    estimatedBytes += plan.estimatedBytes;
  });
  return {
    plan: {
      dt: first.dt,
      totalSteps: first.totalSteps,
      seed: first.seed,
      populations,
      channels,
      projections,
      probes,
      gaussTable: first.gaussTable,
      estimatedBytes,
    },
    variants: plans.length,
    offsets,
  };
}

function shiftPopulation(p: PopulationPlan, v: number, at: VariantOffsets): PopulationPlan {
  return {
    ...p,
    id: variantId(v, p.id),
    index: p.index + at.populations,
    model: shiftModel(p.model, p.id, at),
    channels: p.channels.map((c) => c + at.channels),
  };
}

/** Only an SC layer reading rates names another population; every other model is local. */
function shiftModel(m: ModelPlan, id: string, at: VariantOffsets): ModelPlan {
  switch (m.model) {
    case 'sc_dense':
      return m.inputs.kind === 'rates'
        ? { ...m, inputs: { ...m.inputs, source: m.inputs.source + at.populations } }
        : m;
    case 'stochastic_lif':
    case 'poisson':
    case 'spike_generator':
    case 'izhikevich':
    case 'adex':
    case 'dynapsim':
    case 'loihi':
    case 'fixed_point_lif':
    case 'nir_neuron':
      return m;
    default: {
      // A model added to the plan without a case here is refused by name, not merged wrongly.
      const unknown: { model?: unknown } = m;
      throw new SweepMergeError(
        `population '${id}': the ${String(unknown.model)} model cannot be batched in a sweep yet`,
      );
    }
  }
}

function shiftProjection(pr: ProjectionPlan, v: number, at: VariantOffsets): ProjectionPlan {
  const destination: ProjectionPlan['destination'] =
    pr.destination.kind === 'current'
      ? { kind: 'current', channel: pr.destination.channel + at.channels }
      : pr.destination;
  return {
    ...pr,
    id: variantId(v, pr.id),
    source: pr.source + at.populations,
    target: pr.target + at.populations,
    destination,
    ...(pr.plasticity ? { plasticity: shiftPlasticity(pr.plasticity, pr.id, at) } : {}),
  };
}

/** R-STDP's and OnlineO1's reward population is the one index a plasticity plan holds. */
function shiftPlasticity(p: PlasticityPlan, id: string, at: VariantOffsets): PlasticityPlan {
  const rule = p.rule;
  if (rule === undefined) return p;
  switch (rule.rule) {
    case 'rstdp':
    case 'online_o1':
      return {
        ...p,
        rule: {
          ...rule,
          reward: { ...rule.reward, population: rule.reward.population + at.populations },
        },
      };
    case 'stdp':
    case 'homeostatic':
      return p;
    default: {
      const unknown: { rule?: unknown } = rule;
      throw new SweepMergeError(
        `projection '${id}': the ${String(unknown.rule)} rule cannot be batched in a sweep yet`,
      );
    }
  }
}

function shiftProbe(probe: ProbePlan, v: number, at: VariantOffsets): ProbePlan {
  const id = variantId(v, probe.id);
  return probe.kind === 'synapse'
    ? { ...probe, id, projection: probe.projection + at.projections }
    : { ...probe, id, population: probe.population + at.populations };
}
