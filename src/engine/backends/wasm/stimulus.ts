/**
 * Step 1's external input: `ext = bias + amplitudes of the active stimuli`, computed on the
 * host. It only changes at a stimulus boundary, so the host runs the kernel in segments of
 * constant input and writes each LIF population's (and SC layer's) `ext` before a segment.
 */
import type { PopulationPlan } from '../../plan.ts';
import { nextThresholdChange } from '../../rate-series.ts';

/**
 * The float32 input of a LIF population (or an sc_dense layer, whose bias is 0) at step t,
 * stimuli added in document order.
 */
export function externalInput(p: PopulationPlan, t: number): number {
  const m = p.model.model;
  if (m !== 'stochastic_lif' && m !== 'sc_dense' && m !== 'izhikevich' && m !== 'adex') return 0;
  let ext = p.model.bias;
  for (const s of p.stimuli) {
    if (s.startStep <= t && t < s.stopStep) ext = Math.fround(ext + s.amplitude);
  }
  return ext;
}

/**
 * A `fixed_point_lif` population's integer input at step t: q(bias) plus the active stimuli's
 * q(amplitude), an exact sum (the kernel clamps it with the channels).
 */
export function fixedExternalInput(p: PopulationPlan, t: number): number {
  if (p.model.model !== 'fixed_point_lif') return 0;
  let ext = p.model.bias;
  for (const s of p.stimuli) if (s.startStep <= t && t < s.stopStep) ext += s.amplitude;
  return ext;
}

/** Steps from t (at most `limit`) during which no population's input (or Poisson rate) changes. */
export function constantInputSteps(
  populations: PopulationPlan[],
  t: number,
  limit: number,
): number {
  let end = t + limit;
  for (const p of populations) {
    if (p.model.model === 'poisson') end = Math.min(end, nextThresholdChange(p.model, t));
    for (const s of p.stimuli) {
      if (s.startStep > t) end = Math.min(end, s.startStep);
      if (s.stopStep > t) end = Math.min(end, s.stopStep);
    }
  }
  return end - t;
}
