/**
 * The `fixed_point_lif` model's integers (CONTEXT.md step 2f): its constants and initial V, and
 * the quantised weights of the projections onto it. Validation has already checked every
 * document value against W bits; a normal weight, which has no bound, is checked here per
 * synapse and refused with `DocumentInvalidError` naming the projection and both numbers.
 */
import type { FixedPointLifParams } from '../../model/document.ts';
import { DocumentInvalidError } from '../errors.ts';
import { fixedRange, quantise } from '../fixed-point/fixed-lif-step.ts';
import type { FixedLifPlan } from '../plan.ts';
import { STREAM, draw24, stepKey, streamKey, uniformFromBits } from '../random.ts';

/**
 * Quantises the parameters: `q(x) = floor(x * 2^F + 0.5)`, `leak = round(dt / tau * 2^S)`,
 * `gain = round(resistance * dt * 2^S)`. A uniform `v_init` draws the LIF's float32 value
 * (same stream and formula as `lif-plan.ts`) and quantises it.
 *
 * @example compileFixedLif(defaults, 1, 0.1, 42, 0).vThreshold // 256 (1.0 at 8 fraction bits)
 */
export function compileFixedLif(
  params: FixedPointLifParams,
  size: number,
  dt: number,
  seed: number,
  populationIndex: number,
): FixedLifPlan {
  const F = params.fraction_bits;
  const S = params.scale_bits;
  return {
    model: 'fixed_point_lif',
    totalBits: params.total_bits,
    fractionBits: F,
    scaleBits: S,
    vRest: quantise(params.v_rest, F),
    vReset: quantise(params.v_reset, F),
    vThreshold: quantise(params.v_threshold, F),
    leak: Math.round((dt / params.tau_mem) * 2 ** S),
    gain: Math.round(params.resistance * dt * 2 ** S),
    refractorySteps: Math.round(params.refractory_period / dt),
    bias: quantise(params.bias, F),
    vInit: initialPotentials(params, size, seed, populationIndex),
  };
}

function initialPotentials(
  params: FixedPointLifParams,
  size: number,
  seed: number,
  populationIndex: number,
): Int32Array {
  const f = Math.fround;
  const F = params.fraction_bits;
  const v = new Int32Array(size);
  const init = params.v_init;
  if (init.kind === 'constant') {
    v.fill(quantise(init.value, F));
    return v;
  }
  const key = stepKey(streamKey(seed, populationIndex, STREAM.init), 0);
  const span = f(init.high - init.low);
  for (let j = 0; j < size; j++) {
    v[j] = quantise(f(init.low + f(span * uniformFromBits(draw24(key, j)))), F);
  }
  return v;
}

/**
 * The weights of a projection onto a fixed-point population as integers in units of 2^-F
 * (exact in float32 while W <= 24). A constant is quantised from the document's own value.
 *
 * @param documentConstant the document's constant weight, when it has one
 * @param at the projection's path in the document, for the error
 */
export function quantiseWeights(
  weights: Float32Array | { constant: number },
  documentConstant: number | undefined,
  plan: FixedLifPlan,
  at: string,
): Float32Array | { constant: number } {
  const F = plan.fractionBits;
  const { min, max } = fixedRange(plan.totalBits);
  const checked = (w: number, where: string): number => {
    const q = quantise(w, F);
    if (q < min || q > max) {
      throw new DocumentInvalidError([
        {
          path: where,
          message:
            `weight ${w} quantises to ${q} (× 2^-${F}), outside the ${plan.totalBits}-bit ` +
            `range [${min}, ${max}] of the fixed_point_lif target`,
        },
      ]);
    }
    return q;
  };
  if (!(weights instanceof Float32Array)) {
    return { constant: checked(documentConstant ?? weights.constant, `${at}.weight`) };
  }
  const out = new Float32Array(weights.length);
  for (let e = 0; e < weights.length; e++) {
    out[e] = checked(weights[e] as number, `${at}.weight (synapse ${e})`);
  }
  return out;
}
