/**
 * Compiles a `dynapsim` population: draws Rockpool's frozen mismatch for every neuron and
 * parameter, then derives the per-neuron constants of the step (CONTEXT.md step 2e) in float64,
 * rounding each constant once to float32.
 */
import type { DynapsimParams } from '../../model/index.ts';
import type { DynapsimPlan } from '../plan-dynapsim.ts';
import { draw24, gaussianFromBits, stepKey, streamKey } from '../random.ts';

/** Stream of the mismatch draws, under `streamKey(mismatch_seed, 0, ...)`. */
export const DYNAPSIM_MISMATCH_STREAM = 31;

/**
 * The parameters Rockpool's `frozen_mismatch_prototype` deviates, in this order: parameter q of
 * neuron j draws `gaussianFromBits(draw24(stepKey(K, q), j))`, K the mismatch stream key.
 */
export const DYNAPSIM_MISMATCHED = [
  'Idc',
  'If_nmda',
  'Igain_ahp',
  'Igain_mem',
  'Igain_syn',
  'Ipulse_ahp',
  'Ipulse',
  'Iref',
  'Ispkthr',
  'Itau_ahp',
  'Itau_mem',
  'Itau_syn',
  'Iw_ahp',
  'C_ahp',
  'C_syn',
  'C_pulse_ahp',
  'C_pulse',
  'C_ref',
  'C_mem',
  'Io',
  'kappa_n',
  'kappa_p',
  'Ut',
  'Vth',
] as const;

type Mismatched = (typeof DYNAPSIM_MISMATCHED)[number];

/**
 * Neuron j's parameters: Rockpool's `p + sigma * z * p` with `sigma = percent_mismatch / 3`
 * (its `mismatch_generator` with sigma_rule 3), z a standard normal; the nominal values when
 * percent_mismatch is 0.
 */
export function mismatchedParams(
  params: DynapsimParams,
  size: number,
  table: Float32Array,
): Record<Mismatched, Float64Array> {
  const sigma = params.percent_mismatch / 3;
  const key = streamKey(params.mismatch_seed, 0, DYNAPSIM_MISMATCH_STREAM);
  const out = {} as Record<Mismatched, Float64Array>;
  DYNAPSIM_MISMATCHED.forEach((name, q) => {
    const nominal = params[name];
    const values = new Float64Array(size).fill(nominal);
    if (sigma > 0) {
      const k = stepKey(key, q);
      for (let j = 0; j < size; j++) {
        const z = gaussianFromBits(draw24(k, j), table);
        values[j] = nominal + sigma * z * nominal;
      }
    }
    out[name] = values;
  });
  return out;
}

export function compileDynapsim(
  params: DynapsimParams,
  size: number,
  dtMs: number,
  table: Float32Array,
): DynapsimPlan {
  const m = mismatchedParams(params, size, table);
  const dt = dtMs / 1000;
  const arr = (): Float32Array => new Float32Array(size);
  const plan: DynapsimPlan = {
    model: 'dynapsim',
    dt: Math.fround(dt),
    io0: Math.fround(params.Io),
    io: arr(),
    synDecay: arr(),
    synCharge: arr(),
    synGain: arr(),
    ahpDecay: arr(),
    ahpKick: arr(),
    itauMem: arr(),
    igainMem: arr(),
    memGain: arr(),
    idc: arr(),
    fbSlope: arr(),
    memTauFactor: arr(),
    utk: arr(),
    ispkthr: arr(),
    tRef: arr(),
  };
  for (let j = 0; j < size; j++) {
    const at = (name: Mismatched): number => m[name][j] ?? 0;
    const io = at('Io');
    const kappa = (at('kappa_n') + at('kappa_p')) / 2;
    const utk = at('Ut') / kappa;
    // Rockpool clips the tau and gain currents at Io before using them.
    const itauSyn = Math.max(at('Itau_syn'), io);
    const itauAhp = Math.max(at('Itau_ahp'), io);
    const itauMem = Math.max(at('Itau_mem'), io);
    const igainMem = Math.max(at('Igain_mem'), io);
    const tauSyn = (utk * at('C_syn')) / itauSyn;
    const tauAhp = (utk * at('C_ahp')) / itauAhp;
    const tPulse = (at('Vth') * at('C_pulse')) / at('Ipulse');
    const tPulseAhp = (at('Vth') * at('C_pulse_ahp')) / at('Ipulse_ahp');
    plan.io[j] = io;
    plan.synDecay[j] = Math.exp(-dt / tauSyn);
    plan.synCharge[j] = 1 - Math.exp(-tPulse / tauSyn);
    plan.synGain[j] = (Math.max(at('Igain_syn'), io) / itauSyn) * params.Iscale;
    plan.ahpDecay[j] = Math.exp(-dt / tauAhp);
    plan.ahpKick[j] =
      (1 - Math.exp(-tPulseAhp / tauAhp)) *
      (Math.max(at('Igain_ahp'), io) / itauAhp) *
      at('Iw_ahp');
    plan.itauMem[j] = itauMem;
    plan.igainMem[j] = igainMem;
    plan.memGain[j] = igainMem / itauMem;
    plan.idc[j] = at('Idc');
    plan.fbSlope[j] = (kappa * kappa) / (kappa + 1) / at('Ut');
    plan.memTauFactor[j] = utk * at('C_mem');
    plan.utk[j] = utk;
    plan.ispkthr[j] = at('Ispkthr');
    plan.tRef[j] = (at('Vth') * at('C_ref')) / at('Iref');
  }
  return plan;
}
