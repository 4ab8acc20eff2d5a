/**
 * The classroom models' compiled constants and initial state: Izhikevich and AdEx (CONTEXT.md
 * steps 2c and 2d). Every constant is rounded to float32 here, once, on the host.
 */
import type { AdexParams, InitialValue, IzhikevichParams } from '../../model/document.ts';
import { IZHIKEVICH_V_PEAK } from '../../model/izhikevich-constants.ts';
import type { AdexPlan, IzhikevichPlan } from '../plan.ts';
import { STREAM, draw24, stepKey, streamKey, uniformFromBits } from '../random.ts';

const f = Math.fround;

/**
 * Largest argument of the AdEx exponential: exp32(80) = 5.5e34 stays finite in float32, and
 * any v above the cut's argument has already spiked, so the clamp never changes a subthreshold
 * trajectory (see CONTEXT.md, step 2d).
 */
export const ADEX_MAX_EXP_ARGUMENT = 80;

/**
 * Izhikevich constants at step dt; u starts at `fround(b * v_init)` as in Izhikevich's code.
 *
 * @example compileIzhikevich(params, 1, 0.1, 42, 0).adt // fround(0.02 * 0.1)
 */
export function compileIzhikevich(
  params: IzhikevichParams,
  size: number,
  dt: number,
  seed: number,
  populationIndex: number,
): IzhikevichPlan {
  const vInit = drawInitial(params.v_init, size, seed, populationIndex);
  const b = f(params.b);
  return {
    model: 'izhikevich',
    dt: f(dt),
    adt: f(params.a * dt),
    b,
    c: f(params.c),
    d: f(params.d),
    vPeak: f(IZHIKEVICH_V_PEAK),
    bias: f(params.bias),
    noiseStd: f(params.noise_std),
    vInit,
    uInit: vInit.map((v) => f(b * v)),
    noiseKey: streamKey(seed, populationIndex, STREAM.noise),
  };
}

/**
 * AdEx constants at step dt; w starts at 0.
 *
 * @example compileAdex(params, 1, 0.1, 42, 0).kdt // fround(0.1 / C)
 */
export function compileAdex(
  params: AdexParams,
  size: number,
  dt: number,
  seed: number,
  populationIndex: number,
): AdexPlan {
  return {
    model: 'adex',
    gL: f(params.g_l),
    eL: f(params.e_l),
    vT: f(params.v_t),
    invDeltaT: f(1 / params.delta_t),
    gLDeltaT: f(params.g_l * params.delta_t),
    xMax: Math.min(f((params.v_peak - params.v_t) / params.delta_t), ADEX_MAX_EXP_ARGUMENT),
    kdt: f(dt / params.c),
    wdt: f(dt / params.tau_w),
    a: f(params.a),
    b: f(params.b),
    vPeak: f(params.v_peak),
    vReset: f(params.v_reset),
    refractorySteps: Math.round(params.refractory_period / dt),
    bias: f(params.bias),
    noiseStd: f(params.noise_std),
    vInit: drawInitial(params.v_init, size, seed, populationIndex),
    noiseKey: streamKey(seed, populationIndex, STREAM.noise),
  };
}

/** The LIF's initial-V rule (CONTEXT.md, "What compile draws"), stream `STREAM.init`. */
function drawInitial(
  init: InitialValue,
  size: number,
  seed: number,
  populationIndex: number,
): Float32Array {
  const v = new Float32Array(size);
  switch (init.kind) {
    case 'constant':
      v.fill(f(init.value));
      break;
    case 'uniform': {
      const key = stepKey(streamKey(seed, populationIndex, STREAM.init), 0);
      const span = f(init.high - init.low);
      for (let j = 0; j < size; j++) v[j] = f(init.low + f(span * uniformFromBits(draw24(key, j))));
      break;
    }
  }
  return v;
}
