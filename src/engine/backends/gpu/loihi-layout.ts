/**
 * The device side of Loihi populations (CONTEXT.md step 5c): kind `KIND.loihi` in the shared
 * index space, with no row or `params` field of their own, so a plan with Loihi populations has
 * the same strides as one without:
 *
 * - state rows: `ROW.v` holds v, `ROW.refr` the refractory counter, `ROW.current(0)` holds I as
 *   the step's `i_syn` probe sees it (after the step's input, before its decay: the decay is
 *   applied at the start of the next step, so the probe reads the row as it is);
 * - `params` fields: the LIF's `POP.vThreshold` (threshold_v_mant * 2^6, spike when v is above
 *   it) and `POP.refractorySteps` (the refractory period, so the LIF's counter row serves), and
 *   the two decays in the LIF's `leak` and `rdt` fields (`LOIHI_FIELDS` below), which Loihi
 *   neurons do not otherwise use.
 */
import type { LoihiPlan, Plan } from '../../plan.ts';
import { LOIHI_STATE_LIMIT } from '../../plan-loihi.ts';

/**
 * Which `POP` field (layout.ts) of a Loihi population's row holds each of its constants (named,
 * not numbered, because layout.ts imports this file).
 */
export const LOIHI_FIELDS = {
  /** threshold_v_mant * 2^6. */
  threshold: 'vThreshold',
  /** The refractory period, steps (1..64). */
  refractory: 'refractorySteps',
  /** decay_v, 0..4096. */
  decayV: 'leak',
  /** decay_I, 0..4096. */
  decayI: 'rdt',
} as const;

/**
 * |v| and |I| at or above this stop the run (the reference's `NumericalError`); on the device an
 * overflowed value is kept as it is for the rest of the call (loihi-kernels.ts).
 */
export const LOIHI_LIMIT = LOIHI_STATE_LIMIT;

/** Whether the plan has Loihi populations (the kernels get Loihi code only then). */
export function hasLoihi(plan: Plan): boolean {
  return plan.populations.some((p) => p.model.model === 'loihi');
}

/** A Loihi population's constants by the `POP` field name that holds each (`LOIHI_FIELDS`). */
export function loihiFields(
  m: LoihiPlan,
): [(typeof LOIHI_FIELDS)[keyof typeof LOIHI_FIELDS], number][] {
  return [
    [LOIHI_FIELDS.threshold, m.threshold],
    [LOIHI_FIELDS.refractory, m.refractory],
    [LOIHI_FIELDS.decayV, m.decayV],
    [LOIHI_FIELDS.decayI, m.decayI],
  ];
}
