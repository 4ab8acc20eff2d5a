/**
 * Which population models a backend implements. A backend that is handed a plan with a model it
 * does not step must refuse it up front (`BackendUnavailableError`, so `auto` moves on to the
 * next backend) instead of stepping it as some other model: a silent wrong result is the worst
 * outcome for a lab whose point is that every backend agrees.
 */
import { BackendUnavailableError } from '../errors.ts';
import type { ModelPlan, Plan } from '../plan.ts';

export type ModelName = ModelPlan['model'];

/**
 * Throws `BackendUnavailableError` naming the first population whose model `supported` lacks.
 *
 * @example requireModels('wasm', plan, new Set(['stochastic_lif', 'poisson']));
 */
export function requireModels(
  backend: string,
  plan: Plan,
  supported: ReadonlySet<ModelName>,
): void {
  for (const p of plan.populations) {
    if (!supported.has(p.model.model)) {
      // An SC layer in fixed point compiles to fixed_point_lif (step 1b integer): name both.
      const m = p.model;
      const what = m.model === 'fixed_point_lif' && m.sc ? 'sc_dense (fixed_point_lif)' : m.model;
      throw new BackendUnavailableError(
        backend,
        `population '${p.id}' uses the ${what} model, which this backend does not implement`,
      );
    }
  }
}

/**
 * Throws `BackendUnavailableError` for a plan with Loihi learning (a projection with
 * `learning`, or a synapse probe), for backends that do not step CONTEXT.md step 5d, so `auto`
 * falls back to one that does.
 *
 * @example refuseLoihiLearning('webgl2', plan);
 * @param reason why, after the projection or probe it names
 */
export function refuseLoihiLearning(
  backend: string,
  plan: Plan,
  reason = 'Loihi learning (traces, dw) runs on the reference and wasm backends',
): void {
  const learning = plan.projections.find((p) => p.learning !== undefined);
  // A classic plastic projection's synapse probe is refusePlasticity's to name.
  const probe = plan.probes.find(
    (p) => p.kind === 'synapse' && plan.projections[p.projection]?.plasticity === undefined,
  );
  if (learning === undefined && probe === undefined) return;
  const what =
    learning !== undefined ? `projection '${learning.id}'` : `synapse probe '${probe?.id ?? ''}'`;
  throw new BackendUnavailableError(backend, `${what}: ${reason}`);
}

/**
 * Throws `BackendUnavailableError` for a plan with classic plasticity (a projection with
 * `plasticity`: CONTEXT.md steps 3b, 5e, 5f), for backends that do not step it, so `auto`
 * falls back to one that does.
 *
 * @example refusePlasticity('webgl2', plan);
 */
export function refusePlasticity(
  backend: string,
  plan: Plan,
  reason = 'plasticity (STDP, R-STDP, OnlineO1, homeostatic, STP, structural) runs on the reference and wasm backends',
): void {
  const plastic = plan.projections.find((p) => p.plasticity !== undefined);
  if (plastic === undefined) return;
  throw new BackendUnavailableError(backend, `projection '${plastic.id}': ${reason}`);
}

/**
 * Throws `BackendUnavailableError` for the first projection (document order) whose plasticity
 * `gap` says the backend cannot step, naming the projection and the feature, for backends that
 * step only part of CONTEXT.md steps 3b, 5e and 5f, so `auto` falls back to one that does.
 *
 * @example refusePlasticFeatures('cpu', plan, (k) => gpuPlasticityGap(plan, k));
 * // projection 'p': short-term plasticity (STP) runs on the reference and wasm backends
 * @param gap the feature of projection k the backend lacks, or null when it steps them all
 */
export function refusePlasticFeatures(
  backend: string,
  plan: Plan,
  gap: (projection: number) => string | null,
): void {
  for (let k = 0; k < plan.projections.length; k++) {
    const feature = plan.projections[k]?.plasticity === undefined ? null : gap(k);
    if (feature === null) continue;
    const id = plan.projections[k]?.id ?? String(k);
    throw new BackendUnavailableError(
      backend,
      `projection '${id}': ${feature} runs on the reference and wasm backends`,
    );
  }
}
