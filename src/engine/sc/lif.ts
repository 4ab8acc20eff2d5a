/**
 * The tutorial's stochastic LIF (the engine's `stochastic_lif`) for a vector of neurons that
 * share one input current, with the float32-per-operation arithmetic of `src/engine/CONTEXT.md`
 * step 2 and the reset/refractory convention of step 6:
 *
 *     a = V - vRest;  b = a * leak;  c = V - b;  d = rdt * I;  V = c + d
 *     if noiseStd != 0:  V = V + noiseStd * gaussianFromBits(draw24(stepKey(noiseKey, t), j))
 *     spike = V >= vThreshold;  on spike V = vReset and the neuron is held refractorySteps - 1
 *     further steps (V unchanged, no threshold test)
 *
 * with leak = fround(dt / tauMem), rdt = fround(resistance * dt). Noise is N(0, noiseStd^2) per
 * step as the tutorial's equation writes it, independent per neuron through the draw index j.
 */
import { draw24, gaussianFromBits, gaussianTable, stepKey } from '../random.ts';

const f = Math.fround;

/** Parameters in the tutorial's units (potentials dimensionless, times in ms). */
export interface ScLifParams {
  vRest: number;
  vReset: number;
  vThreshold: number;
  tauMem: number;
  resistance: number;
  noiseStd: number;
  /** Refractory period in ms (0: a neuron may fire again on the next step). */
  refractoryPeriod: number;
}

/** Defaults implied by the tutorial (section 1's neuron, noise off unless asked for). */
export const SC_LIF_DEFAULTS: Readonly<ScLifParams> = {
  vRest: 0,
  vReset: 0,
  vThreshold: 1,
  tauMem: 20,
  resistance: 1,
  noiseStd: 0,
  refractoryPeriod: 0,
};

/** The float32 constants the update uses. */
export interface ScLifConstants {
  vRest: number;
  vReset: number;
  vThreshold: number;
  leak: number;
  rdt: number;
  noiseStd: number;
  refractorySteps: number;
  noiseKey: number;
}

/** State of n neurons. */
export interface ScLifState {
  v: Float32Array;
  refr: Int32Array;
}

/** Round the parameters for a time step of `dtMs` (partial params fall back to the defaults). */
export function scLifConstants(
  params: Partial<ScLifParams>,
  dtMs: number,
  noiseKey: number,
): ScLifConstants {
  const p = { ...SC_LIF_DEFAULTS, ...params };
  if (!(p.tauMem > 0) || !(dtMs > 0)) throw new RangeError('tauMem and dt must be positive');
  if (!(p.noiseStd >= 0)) throw new RangeError('noiseStd must be non-negative');
  return {
    vRest: f(p.vRest),
    vReset: f(p.vReset),
    vThreshold: f(p.vThreshold),
    leak: f(dtMs / p.tauMem),
    rdt: f(p.resistance * dtMs),
    noiseStd: f(p.noiseStd),
    refractorySteps: Math.round(p.refractoryPeriod / dtMs),
    noiseKey,
  };
}

/** n neurons at rest, not refractory. */
export function createScLifState(n: number, constants: ScLifConstants): ScLifState {
  return { v: new Float32Array(n).fill(constants.vRest), refr: new Int32Array(n) };
}

/**
 * Advance every neuron one step (step index `t`) with the shared input `current`; writes 1 to
 * `spikes[j]` for each neuron that fired and 0 otherwise, and returns how many fired.
 */
export function stepScLif(
  c: ScLifConstants,
  state: ScLifState,
  current: number,
  t: number,
  spikes: Uint8Array,
  table: Float32Array = gaussianTable(),
): number {
  const { v, refr } = state;
  const noisy = c.noiseStd !== 0;
  const key = noisy ? stepKey(c.noiseKey, t) : 0;
  const d = f(c.rdt * current);
  const hold = Math.max(c.refractorySteps - 1, 0);
  let count = 0;
  for (let j = 0; j < v.length; j++) {
    const r = refr[j] as number;
    if (r > 0) {
      refr[j] = r - 1;
      spikes[j] = 0;
      continue;
    }
    const vj = v[j] as number;
    let next = f(f(vj - f(f(vj - c.vRest) * c.leak)) + d);
    if (noisy) next = f(next + f(c.noiseStd * gaussianFromBits(draw24(key, j), table)));
    if (next >= c.vThreshold) {
      v[j] = c.vReset;
      refr[j] = hold;
      spikes[j] = 1;
      count++;
    } else {
      v[j] = next;
      spikes[j] = 0;
    }
  }
  return count;
}
