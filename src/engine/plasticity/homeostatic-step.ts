/**
 * The interval part of homeostatic scaling (CONTEXT.md step 5e, `homeostatic`), pure and
 * backend-free: each backend counts the target's spikes every step itself, and at the end of an
 * interval calls this on its counts, estimates and weights, so the float32 arithmetic of the
 * scaling is written once.
 */

import type { HomeostaticPlan } from '../plan-plasticity.ts';

/**
 * At a step with `(t + 1) mod intervalSteps == 0` (otherwise nothing): turns each target
 * neuron's spike count into a rate, moves its estimate toward it (the first interval sets it),
 * zeroes the count and multiplies every incoming weight of the projection by
 * `clip(targetRate / estimate, minScale, maxScale)` (`maxScale` for a silent neuron).
 *
 * @param counts spikes per target neuron since the last interval (int, reset here)
 * @param estimates rate estimate per target neuron in Hz, float32; negative: none yet
 * @param weights the projection's weights, CSR order, scaled in place
 * @param targets the projection's `csr.targets`
 * @example
 * homeostaticUpdate(rule, counts, estimates, weights, plan.csr.targets, t);
 */
export function homeostaticUpdate(
  plan: HomeostaticPlan,
  counts: Int32Array,
  estimates: Float32Array,
  weights: Float32Array,
  targets: Uint32Array,
  t: number,
): void {
  if ((t + 1) % plan.intervalSteps !== 0) return;
  const f = Math.fround;
  const scale = new Float32Array(counts.length);
  for (let j = 0; j < counts.length; j++) {
    const rate = f((counts[j] ?? 0) * plan.rateScale);
    const previous = estimates[j] ?? -1;
    const estimate = previous < 0 ? rate : f(previous + f(plan.alpha * f(rate - previous)));
    estimates[j] = estimate;
    scale[j] =
      estimate > 0
        ? Math.min(Math.max(f(plan.targetRate / estimate), plan.minScale), plan.maxScale)
        : plan.maxScale;
    counts[j] = 0;
  }
  for (let e = 0; e < weights.length; e++) {
    weights[e] = f((weights[e] ?? 0) * (scale[targets[e] ?? 0] ?? 1));
  }
}
