/**
 * Steps 2c, 2d and 6 of CONTEXT.md for the classroom models (Izhikevich, AdEx), every float
 * operation rounded to float32 with `Math.fround`: the oracle the wasm kernel matches bit for bit.
 * Step 1 (the input current) is the LIF's `externalCurrent` + `gatherAndDecay`.
 */
import { exp32 } from '../../exp32.ts';
import type { AdexPlan, IzhikevichPlan } from '../../plan.ts';
import { draw24, gaussianFromBits, stepKey } from '../../random.ts';

const f = Math.fround;

/** The two state variables (v and the adaptation u or w) of an Izhikevich or AdEx population. */
export interface ClassicState {
  plan: IzhikevichPlan | AdexPlan;
  v: Float32Array;
  /** Izhikevich's u or AdEx's w. */
  w: Float32Array;
  /** AdEx refractory counts (always 0 for Izhikevich). */
  refr: Int32Array;
  /** Input current of the step (scratch, filled by step 1). */
  current: Float32Array;
}

/** Name of the adaptation variable in error messages and probes. */
export function adaptationName(plan: IzhikevichPlan | AdexPlan): 'u' | 'w' {
  return plan.model === 'izhikevich' ? 'u' : 'w';
}

/** State at step 0: v from the plan, u = b * v_init (Izhikevich) or w = 0 (AdEx). */
export function allocateClassic(plan: IzhikevichPlan | AdexPlan, size: number): ClassicState {
  const state: ClassicState = {
    plan,
    v: new Float32Array(size),
    w: new Float32Array(size),
    refr: new Int32Array(size),
    current: new Float32Array(size),
  };
  resetClassicState(state);
  return state;
}

/** Back to step 0. */
export function resetClassicState(state: ClassicState): void {
  state.v.set(state.plan.vInit);
  if (state.plan.model === 'izhikevich') state.w.set(state.plan.uInit);
  else state.w.fill(0);
  state.refr.fill(0);
}

const K04 = f(0.04);

/**
 * Step 2: integrate every neuron, write the spiking ones to `spikes` ascending. Returns the
 * count, negated minus one when a new v or adaptation value is not finite (the caller then runs
 * the full check of step 7).
 */
export function integrateClassic(
  state: ClassicState,
  t: number,
  gaussTable: Float32Array,
  spikes: Uint32Array,
): number {
  return state.plan.model === 'izhikevich'
    ? integrateIzhikevich(state, state.plan, t, gaussTable, spikes)
    : integrateAdex(state, state.plan, t, gaussTable, spikes);
}

function integrateIzhikevich(
  state: ClassicState,
  plan: IzhikevichPlan,
  t: number,
  gaussTable: Float32Array,
  spikes: Uint32Array,
): number {
  const { v, w, current } = state;
  const { dt, adt, b, vPeak, noiseStd, noiseKey } = plan;
  const noisy = noiseStd !== 0;
  const key = noisy ? stepKey(noiseKey, t) : 0;
  let count = 0;
  let finite = true;
  for (let j = 0; j < v.length; j++) {
    const vj = v[j] as number;
    const uj = w[j] as number;
    let s = f(f(K04 * f(vj * vj)) + f(5 * vj));
    s = f(f(f(s + 140) - uj) + (current[j] as number));
    let next = f(vj + f(dt * s));
    const u = f(uj + f(adt * f(f(b * vj) - uj)));
    if (noisy) next = f(next + f(noiseStd * gaussianFromBits(draw24(key, j), gaussTable)));
    v[j] = next;
    w[j] = u;
    if (next - next !== 0 || u - u !== 0) finite = false;
    if (next >= vPeak) spikes[count++] = j;
  }
  return finite ? count : -count - 1;
}

function integrateAdex(
  state: ClassicState,
  plan: AdexPlan,
  t: number,
  gaussTable: Float32Array,
  spikes: Uint32Array,
): number {
  const { v, w, refr, current } = state;
  const { gL, eL, vT, invDeltaT, gLDeltaT, xMax, kdt, wdt, a, vPeak, noiseStd, noiseKey } = plan;
  const noisy = noiseStd !== 0;
  const key = noisy ? stepKey(noiseKey, t) : 0;
  let count = 0;
  let finite = true;
  for (let j = 0; j < v.length; j++) {
    const vj = v[j] as number;
    const wj = w[j] as number;
    const dev = f(vj - eL);
    // w integrates also while v is held: adaptation does not pause in the refractory period.
    const wNext = f(wj + f(wdt * f(f(a * dev) - wj)));
    w[j] = wNext;
    if (wNext - wNext !== 0) finite = false;
    const r = refr[j] as number;
    if (r > 0) {
      refr[j] = r - 1;
      continue;
    }
    const x = Math.min(f(f(vj - vT) * invDeltaT), xMax);
    let s = f(f(gLDeltaT * exp32(x)) - f(gL * dev));
    s = f(f(s - wj) + (current[j] as number));
    let next = f(vj + f(kdt * s));
    if (noisy) next = f(next + f(noiseStd * gaussianFromBits(draw24(key, j), gaussTable)));
    v[j] = next;
    if (next - next !== 0) finite = false;
    if (next >= vPeak) spikes[count++] = j;
  }
  return finite ? count : -count - 1;
}

/** Step 6: Izhikevich `v = c, u = u + d`; AdEx `v = v_reset, w = w + b`, then held. */
export function resetClassic(state: ClassicState, spikes: Uint32Array, count: number): void {
  const plan = state.plan;
  const vReset = plan.model === 'izhikevich' ? plan.c : plan.vReset;
  const jump = plan.model === 'izhikevich' ? plan.d : plan.b;
  const hold = plan.model === 'adex' ? Math.max(plan.refractorySteps - 1, 0) : 0;
  for (let k = 0; k < count; k++) {
    const j = spikes[k] as number;
    state.v[j] = vReset;
    state.w[j] = f((state.w[j] as number) + jump);
    state.refr[j] = hold;
  }
}
