/**
 * The device side of Izhikevich and AdEx populations (CONTEXT.md steps 2c, 2d and 6).
 *
 * Their V, refractory counter and channel currents use the LIF's state rows and `params` fields
 * (`POP.vReset` holds Izhikevich's c, `POP.vThreshold` the spike cut, `POP.refractorySteps` is 0
 * for Izhikevich), so delivery, reset of V and the refractory row are the LIF's. What they add,
 * only in plans that have them (other plans keep their strides and kernel text):
 *
 * - one state row, the adaptation variable (Izhikevich's u, AdEx's w), right after the current
 *   slots (`DeviceLayout.adaptRow`);
 * - `CLASSIC.count` fields per population row of `params` (`DeviceLayout.classicField`), below.
 */
import type { AdexPlan, IzhikevichPlan, Plan } from '../../plan.ts';

/**
 * Fields of a population's classic block in `params`, from `DeviceLayout.classicField`. The
 * adaptation update is one formula for both models, `w + wdt * (coupling * (V - eL) - w)`:
 * Izhikevich's eL is 0, and `V - 0` is V exactly, so it is the reference's `u + adt * (b * V -
 * u)` bit for bit.
 */
export const CLASSIC = {
  /** Added to the adaptation variable at a spike: Izhikevich d, AdEx b. */
  jump: 0,
  /** V's step factor: Izhikevich dt, AdEx kdt = dt / C. */
  vdt: 1,
  /** The adaptation's step factor: Izhikevich adt = a * dt, AdEx wdt = dt / tau_w. */
  wdt: 2,
  /** Izhikevich b, AdEx a. */
  coupling: 3,
  /** AdEx only (0 for Izhikevich). */
  eL: 4,
  vT: 5,
  invDeltaT: 6,
  gLDeltaT: 7,
  xMax: 8,
  gL: 9,
  count: 10,
} as const;

/** Which classic models a plan has (the kernels get code for these only). */
export interface ClassicModels {
  izhikevich: boolean;
  adex: boolean;
}

/** The plan's classic models, or null when it has neither. */
export function classicModels(plan: Plan): ClassicModels | null {
  const izhikevich = plan.populations.some((p) => p.model.model === 'izhikevich');
  const adex = plan.populations.some((p) => p.model.model === 'adex');
  return izhikevich || adex ? { izhikevich, adex } : null;
}

/** The LIF fields (`POP`) a classic population fills too, with its own values. */
export interface SharedFields {
  vReset: number;
  vThreshold: number;
  noiseStd: number;
  refractorySteps: number;
}

/** A classic population's constants: the LIF fields it shares, and its `CLASSIC` block. */
export function classicFields(m: IzhikevichPlan | AdexPlan): {
  shared: SharedFields;
  block: Float32Array;
} {
  const block = new Float32Array(CLASSIC.count);
  if (m.model === 'izhikevich') {
    block[CLASSIC.jump] = m.d;
    block[CLASSIC.vdt] = m.dt;
    block[CLASSIC.wdt] = m.adt;
    block[CLASSIC.coupling] = m.b;
    const shared = { vReset: m.c, vThreshold: m.vPeak, noiseStd: m.noiseStd, refractorySteps: 0 };
    return { shared, block };
  }
  block[CLASSIC.jump] = m.b;
  block[CLASSIC.vdt] = m.kdt;
  block[CLASSIC.wdt] = m.wdt;
  block[CLASSIC.coupling] = m.a;
  block[CLASSIC.eL] = m.eL;
  block[CLASSIC.vT] = m.vT;
  block[CLASSIC.invDeltaT] = m.invDeltaT;
  block[CLASSIC.gLDeltaT] = m.gLDeltaT;
  block[CLASSIC.xMax] = m.xMax;
  block[CLASSIC.gL] = m.gL;
  const shared = {
    vReset: m.vReset,
    vThreshold: m.vPeak,
    noiseStd: m.noiseStd,
    refractorySteps: m.refractorySteps,
  };
  return { shared, block };
}
