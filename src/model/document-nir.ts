/**
 * The `nir_neuron` population model: NIR's neuron primitives (LIF, IF, LI, I, CubaLIF, CubaLI,
 * Threshold) with their own parameter names, re-exported by `document.ts`. Times are in ms (the
 * document's unit); the step is `src/engine/CONTEXT.md` step 2g. Every number may be one value
 * for all neurons or an array of `size` values, one per neuron in C order (NIR stores per-neuron
 * arrays, and an imported graph keeps them).
 */

/** One value for every neuron, or one per neuron (`size` of them, C order). */
export type NirValue = number | number[];

/** The NIR primitive a population integrates. */
export type NirNeuronType = 'LIF' | 'IF' | 'LI' | 'I' | 'CubaLIF' | 'CubaLI' | 'Threshold';

export const NIR_NEURON_TYPES: readonly NirNeuronType[] = [
  'LIF',
  'IF',
  'LI',
  'I',
  'CubaLIF',
  'CubaLI',
  'Threshold',
];

/**
 * How the continuous equations become a step: `exact` integrates a constant input over dt
 * (`1 - exp(-dt/tau)`), `euler` takes one forward-Euler step (`dt/tau`, snnTorch's form).
 */
export type NirDiscretisation = 'exact' | 'euler';

export const NIR_DISCRETISATIONS: readonly NirDiscretisation[] = ['exact', 'euler'];

/** Fields every type has. */
interface NirCommon {
  discretisation: NirDiscretisation;
  /** Constant input added every step (an incoming Affine or Conv bias lands here); default 0. */
  bias: NirValue;
  /** Initial membrane potential; default 0. */
  v_init: NirValue;
}

/** Membrane time constant (NIR's `tau` of LIF and LI), ms, > 0. */
interface Membrane {
  tau_mem: NirValue;
  /** Resistance: input to potential (for IF and I per ms). */
  r: NirValue;
  /** The potential decays towards this value. */
  v_leak: NirValue;
}

interface Spiking {
  /** A spike when V rises strictly above it. */
  v_threshold: NirValue;
  /** V right after a spike (no refractory period). */
  v_reset: NirValue;
}

interface Synapse {
  /** Synaptic current time constant, ms, > 0. */
  tau_syn: NirValue;
  /** Input weight of the synaptic current. */
  w_in: NirValue;
}

export type NirNeuronParams =
  | (NirCommon & Membrane & Spiking & { type: 'LIF' })
  | (NirCommon & Spiking & { type: 'IF'; r: NirValue })
  | (NirCommon & Membrane & { type: 'LI' })
  | (NirCommon & { type: 'I'; r: NirValue })
  | (NirCommon & Membrane & Spiking & Synapse & { type: 'CubaLIF' })
  | (NirCommon & Membrane & Synapse & { type: 'CubaLI' })
  | (NirCommon & { type: 'Threshold'; v_threshold: NirValue });

/** Every number field a type may have (all but `type` and `discretisation`). */
export type NirNumberField =
  'tau_mem' | 'tau_syn' | 'r' | 'v_leak' | 'v_threshold' | 'v_reset' | 'w_in' | 'bias' | 'v_init';

/** The number fields of each type besides `bias` and `v_init`, in the contract's order. */
export const NIR_TYPE_FIELDS: { readonly [T in NirNeuronType]: readonly NirNumberField[] } = {
  LIF: ['tau_mem', 'r', 'v_leak', 'v_threshold', 'v_reset'],
  IF: ['r', 'v_threshold', 'v_reset'],
  LI: ['tau_mem', 'r', 'v_leak'],
  I: ['r'],
  CubaLIF: ['tau_mem', 'tau_syn', 'r', 'v_leak', 'v_threshold', 'v_reset', 'w_in'],
  CubaLI: ['tau_mem', 'tau_syn', 'r', 'v_leak', 'w_in'],
  Threshold: ['v_threshold'],
};

/** Types that spike (the others never do: their threshold is +Infinity). */
export function nirSpikes(type: NirNeuronType): boolean {
  return type === 'LIF' || type === 'IF' || type === 'CubaLIF' || type === 'Threshold';
}

/** Types with a synaptic current state (`CubaLIF`, `CubaLI`). */
export function nirHasSynapse(type: NirNeuronType): boolean {
  return type === 'CubaLIF' || type === 'CubaLI';
}

/** The number fields of `params`, `bias` and `v_init` last. */
export function nirNumberFields(type: NirNeuronType): readonly NirNumberField[] {
  return [...NIR_TYPE_FIELDS[type], 'bias', 'v_init'];
}

/** Reads a field the params may lack (a field of another type) as undefined. */
export function nirField(params: NirNeuronParams, key: NirNumberField): NirValue | undefined {
  return (params as Partial<Record<NirNumberField, NirValue>>)[key];
}
