/**
 * Cross-checks of `fixed_point_lif` populations (`src/engine/CONTEXT.md` step 2f): the widths
 * agree with each other, the leak and gain multipliers fit their registers at the run's dt, and
 * every real value compile quantises (potentials, bias, initial values, weights onto the
 * population, stimulus amplitudes) lands inside W bits. Plasticity onto such a population is
 * refused by `checks/plasticity.ts`, chip synapses by the chip models' checks.
 */
import type { FixedPointLifParams, InitialValue } from '../document.ts';
import { fixedRange, quantise } from '../../engine/fixed-point/fixed-lif-step.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';
import { forEachProjectionEnds } from './chip-synapse.ts';
import { stimulusAmplitudes } from '../stimulus-values.ts';

/**
 * The gain (resistance * dt) is at most 2^8, so the multiplier is at most 2^(S + 8) and I * gain
 * stays below 2^(23 + 16 + 8) = 2^47: exact in a float64.
 */
export const FIXED_LIF_MAX_GAIN = 256;

/** Checks one population's widths, multipliers and quantised values. */
export function checkFixedPointLif(ctx: CheckContext, at: string, p: FixedPointLifParams): void {
  if (!checkFixedPointNeuron(ctx, at, at, p)) return;
  checkQuantised(ctx, `${at}.bias`, 'bias', p.bias, p);
  checkInitial(ctx, `${at}.v_init`, p.v_init, p);
}

/**
 * The checks of a fixed-point neuron that an SC layer with `fixed_point` shares (its widths sit
 * at `widthsAt`, its LIF values at `at`): widths, multipliers, potentials. Returns false when F
 * is too wide, so that nothing quantised can be checked.
 */
export function checkFixedPointNeuron(
  ctx: CheckContext,
  at: string,
  widthsAt: string,
  p: FixedPointLifParams,
): boolean {
  if (p.fraction_bits > p.total_bits - 2) {
    flag(
      ctx,
      `${widthsAt}.fraction_bits`,
      `must be <= total_bits - 2 (${p.total_bits - 2}), got ${p.fraction_bits}`,
    );
    return false; // Every quantised value below depends on F.
  }
  const dt = ctx.doc.run.dt;
  if (!(p.tau_mem >= dt)) {
    flag(
      ctx,
      `${at}.tau_mem`,
      `must be >= run.dt (${dt} ms) so the leak dt/tau_mem is at most 1, got ${p.tau_mem}`,
    );
  }
  if (!(p.resistance * dt <= FIXED_LIF_MAX_GAIN)) {
    flag(
      ctx,
      `${at}.resistance`,
      `resistance * dt must be <= ${FIXED_LIF_MAX_GAIN} (the gain register), got ` +
        `${p.resistance} * ${dt} = ${p.resistance * dt}`,
    );
  }
  for (const key of ['v_rest', 'v_reset', 'v_threshold'] as const) {
    checkQuantised(ctx, `${at}.${key}`, key, p[key], p);
  }
  if (!(quantise(p.v_reset, p.fraction_bits) < quantise(p.v_threshold, p.fraction_bits))) {
    flag(
      ctx,
      `${at}.v_reset`,
      `must quantise below v_threshold (${quantise(p.v_threshold, p.fraction_bits)} × ` +
        `2^-${p.fraction_bits}), got ${quantise(p.v_reset, p.fraction_bits)} × 2^-${p.fraction_bits}`,
    );
  }
  return true;
}

function checkInitial(
  ctx: CheckContext,
  at: string,
  init: InitialValue,
  p: FixedPointLifParams,
): void {
  if (init.kind === 'constant') {
    checkQuantised(ctx, `${at}.value`, 'v_init', init.value, p);
    return;
  }
  if (!(init.low <= init.high)) {
    flag(ctx, `${at}.high`, `must be >= low (${init.low}), got ${init.high}`);
  }
  checkQuantised(ctx, `${at}.low`, 'v_init.low', init.low, p);
  checkQuantised(ctx, `${at}.high`, 'v_init.high', init.high, p);
}

/**
 * Flags `value` when q(value) falls outside W bits, naming both numbers.
 *
 * @example "v_threshold 200 quantises to 51200 (× 2^-8), outside the 16-bit range [-32768, 32767]"
 */
export function checkQuantised(
  ctx: CheckContext,
  at: string,
  name: string,
  value: number,
  p: Pick<FixedPointLifParams, 'total_bits' | 'fraction_bits'>,
): boolean {
  const q = quantise(value, p.fraction_bits);
  const { min, max } = fixedRange(p.total_bits);
  if (q >= min && q <= max) return true;
  flag(
    ctx,
    at,
    `${name} ${value} quantises to ${q} (× 2^-${p.fraction_bits}), outside the ` +
      `${p.total_bits}-bit range [${min}, ${max}]`,
  );
  return false;
}

/**
 * Weights of projections onto a fixed-point population and amplitudes of stimuli into one must
 * quantise inside its W bits. A normal weight has no bound to check here: compile checks every
 * drawn weight.
 */
export function checkFixedPointLifInputs(ctx: CheckContext): void {
  forEachProjectionEnds(ctx, (at, projection, _source, target) => {
    if (target?.model !== 'fixed_point_lif') return;
    const p = target.params;
    if (p.fraction_bits > p.total_bits - 2) return;
    const w = projection.weight;
    switch (w.kind) {
      case 'constant':
        checkQuantised(ctx, `${at}.weight.value`, 'weight', w.value, p);
        return;
      case 'uniform':
        checkQuantised(ctx, `${at}.weight.low`, 'weight', w.low, p);
        checkQuantised(ctx, `${at}.weight.high`, 'weight', w.high, p);
        return;
      case 'explicit':
        // One message for the first offender: a long list would otherwise drown the others.
        w.values.some((v, k) => !checkQuantised(ctx, `${at}.weight.values[${k}]`, 'weight', v, p));
        return;
      case 'normal':
        return;
    }
  });
  ctx.doc.stimuli.forEach((stimulus, i) => {
    const target = ctx.populations.get(stimulus.target)?.population;
    // An SC layer with fixed_point adds q(amplitude) to its integer input as well.
    const p =
      target?.model === 'fixed_point_lif'
        ? target.params
        : target?.model === 'sc_dense'
          ? target.params.fixed_point
          : undefined;
    if (p === undefined) return;
    if (p.fraction_bits > p.total_bits - 2) return;
    // One message for a series' first offender, as for explicit weights.
    stimulusAmplitudes(stimulus, `stimuli[${i}]`).some(
      (a) => !checkQuantised(ctx, a.path, 'amplitude', a.value, p),
    );
  });
}
