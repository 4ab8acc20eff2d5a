/** The `stochastic_lif` model's compiled constants and initial state (see CONTEXT.md, step 2). */
import type { StochasticLifParams } from '../../model/document.ts';
import type { LifPlan } from '../plan.ts';
import { STREAM, draw24, stepKey, streamKey, uniformFromBits } from '../random.ts';

/**
 * Rounds the LIF parameters to the float32 constants the step uses and draws the initial V.
 * Uniform `v_init` is `fround(low + fround(fround(high - low) * u))` with u from draw j of
 * `stepKey(streamKey(seed, populationIndex, STREAM.init), 0)`.
 *
 * @example compileLif(params, 1, 0.1, 42, 0).leak // fround(0.1 / 20)
 */
export function compileLif(
  params: StochasticLifParams,
  size: number,
  dt: number,
  seed: number,
  populationIndex: number,
): LifPlan {
  const f = Math.fround;
  return {
    model: 'stochastic_lif',
    vRest: f(params.v_rest),
    vReset: f(params.v_reset),
    vThreshold: f(params.v_threshold),
    leak: f(dt / params.tau_mem),
    rdt: f(params.resistance * dt),
    noiseStd: f(params.noise_std),
    refractorySteps: Math.round(params.refractory_period / dt),
    bias: f(params.bias),
    vInit: initialPotentials(params, size, seed, populationIndex),
    noiseKey: streamKey(seed, populationIndex, STREAM.noise),
  };
}

function initialPotentials(
  params: StochasticLifParams,
  size: number,
  seed: number,
  populationIndex: number,
): Float32Array {
  const f = Math.fround;
  const v = new Float32Array(size);
  const init = params.v_init;
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
