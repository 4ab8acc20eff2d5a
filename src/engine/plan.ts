/**
 * The compiled form of a document: everything a backend needs, already drawn and rounded, so
 * that backends only step. `compile()` builds it on the host, once, with the reference code;
 * connectivity, weights, delays and initial state therefore never differ between backends.
 *
 * Every float constant that the step arithmetic uses is stored already rounded to float32, and
 * the arithmetic itself is specified operation by operation in `src/engine/CONTEXT.md`.
 */

import type { LoihiLearningPlan, LoihiPlan } from './plan-loihi.ts';
export type { LoihiPlan } from './plan-loihi.ts';
import type { DynapsimPlan } from './plan-dynapsim.ts';
import type { PlasticityPlan } from './plan-plasticity.ts';
export type * from './plan-plasticity.ts';
export type { DynapsimPlan } from './plan-dynapsim.ts';
import type { NirNeuronType, StateVariable, SynapseVariable } from '../model/document.ts';
import type { FixedLifConstants } from './fixed-point/fixed-lif-step.ts';

/** Compressed sparse rows of one projection, by presynaptic (source) neuron. */
export interface CsrConnectivity {
  /** `rowPtr[s]..rowPtr[s+1]` are the synapses of source neuron s; length sourceSize+1. */
  rowPtr: Uint32Array;
  /** Target neuron of each synapse, ascending within a row. */
  targets: Uint32Array;
  /** Per-synapse weight (float32), or one weight shared by all synapses (kept out of memory). */
  weights: Float32Array | { constant: number };
  /** Per-synapse delay in steps, or one delay shared by all synapses. */
  delays: Uint8Array | { constant: number };
}

export interface LifPlan {
  model: 'stochastic_lif';
  /** float32 constants of the update, see CONTEXT.md. */
  vRest: number;
  vReset: number;
  vThreshold: number;
  /** fround(dt / tau_mem) */
  leak: number;
  /** fround(resistance * dt) */
  rdt: number;
  noiseStd: number;
  /** round(refractory_period / dt) */
  refractorySteps: number;
  /** fround(bias) */
  bias: number;
  /** Initial membrane potential, float32, one per neuron. */
  vInit: Float32Array;
  /** streamKey(seed, populationIndex, STREAM.noise) */
  noiseKey: number;
}

export interface PoissonPlan {
  model: 'poisson';
  /** Spike when draw24 < threshold24; threshold24 = min(2^24, round(rate*dt/1000 * 2^24)). */
  threshold24: number;
  /** streamKey(seed, populationIndex, STREAM.poisson) */
  key: number;
  /**
   * A `rate_series`: from step `steps[k]` (strictly increasing) the threshold is
   * `thresholds[k]`; `threshold24` before `steps[0]` (`rate-series.ts`).
   */
  series?: { steps: Int32Array; thresholds: Int32Array };
}

export interface SpikeGeneratorPlan {
  model: 'spike_generator';
  /** Spikes of one period (or the whole pattern), CSR by step: stepPtr has length periodSteps+1. */
  stepPtr: Uint32Array;
  /** Neuron indices, ascending within a step, duplicates removed. */
  indices: Uint32Array;
  /**
   * Steps in one period of the pattern; 0 means play once: then stepPtr ends at the last
   * scheduled step (length lastStep + 2, or 1 with no spikes) and later steps have no spikes,
   * so backends bound-check `s + 1 < stepPtr.length`.
   */
  periodSteps: number;
}

/**
 * An SC dense layer (`sc_dense`): a LIF population (the `LifPlan` fields, with `bias` 0, `vInit`
 * all `vRest` and `noiseKey = streamKey(base_seed, 0, 23)`) whose input current is the SC count
 * of its channels' AND gates, looked up in `currentByCount`. See CONTEXT.md, step 1b.
 */
export interface ScDensePlan extends Omit<LifPlan, 'model'>, ScSourcePlan {
  model: 'sc_dense';
}

/**
 * An SC layer's current source (step 1b): its streams and the current of every count. The
 * float layer (`ScDensePlan`) and the integer one (`FixedLifPlan.sc`, step 1b integer) share it.
 */
export interface ScSourcePlan {
  /** Bitstream length L: step t reads stream index `t mod length`. */
  length: number;
  /** Number of input channels m. */
  channelCount: number;
  /** Per channel: `stepKey(streamKey(base_seed, c, 21), 0)` (the encoder's first call). */
  inputKeys: Uint32Array;
  /** Per channel: `stepKey(streamKey(base_seed, c, 22), 0)` (the synapse's weight stream). */
  weightKeys: Uint32Array;
  /** Per channel: `threshold24(toUnitInterval(w_c, w_min, w_max))`. */
  weightThresholds: Uint32Array;
  inputs: ScInputsPlan;
  /**
   * The current for k = 0..channelCount active gates (host-computed, exact everywhere): float32,
   * or in `FixedLifPlan.sc` integers in units of 2^-F.
   */
  currentByCount: Float32Array;
}

export type ScInputsPlan =
  | {
      kind: 'constant';
      /** Per channel: `threshold24(toUnitInterval(x_c, x_min, x_max))`. */
      thresholds: Uint32Array;
    }
  | {
      kind: 'rates';
      /** Population index of the source; channel c is its neuron c. */
      source: number;
      /** fround(exp(-dt / tau)) */
      decay: number;
      /** fround(fround(1 - decay) / dt): a spike's step in the trace, spikes per ms. */
      gain: number;
      /** fround(x_min) */
      xMin: number;
      /** fround(1 / (x_max - x_min)) */
      invRange: number;
    };

/**
 * Izhikevich (2003), forward Euler at dt (CONTEXT.md step 2c). Constants are float32;
 * `uInit[j] = fround(b * vInit[j])`.
 */
export interface IzhikevichPlan {
  model: 'izhikevich';
  /** fround(dt) */
  dt: number;
  /** fround(a * dt) */
  adt: number;
  b: number;
  /** Reset potential, mV. */
  c: number;
  /** Jump of u at a spike. */
  d: number;
  /** fround(30): the spike cut. */
  vPeak: number;
  bias: number;
  noiseStd: number;
  vInit: Float32Array;
  uInit: Float32Array;
  /** streamKey(seed, populationIndex, STREAM.noise) */
  noiseKey: number;
}

/** AdEx (Brette & Gerstner 2005), forward Euler at dt (CONTEXT.md step 2d); float32 constants. */
export interface AdexPlan {
  model: 'adex';
  gL: number;
  eL: number;
  vT: number;
  /** fround(1 / delta_t) */
  invDeltaT: number;
  /** fround(g_l * delta_t) */
  gLDeltaT: number;
  /** min(fround((v_peak - v_t) / delta_t), 80): clamp of the exponential's argument. */
  xMax: number;
  /** fround(dt / c) */
  kdt: number;
  /** fround(dt / tau_w) */
  wdt: number;
  a: number;
  b: number;
  vPeak: number;
  vReset: number;
  /** round(refractory_period / dt) */
  refractorySteps: number;
  bias: number;
  noiseStd: number;
  vInit: Float32Array;
  /** streamKey(seed, populationIndex, STREAM.noise) */
  noiseKey: number;
}

/**
 * The fixed-point LIF (CONTEXT.md step 2f): whole numbers only. V, currents, `bias`, `vInit`,
 * the weights of every projection onto it and its stimulus amplitudes are W-bit integers in
 * units of 2^-F; leak, gain and its channels' `fixedDecay` are multipliers in units of 2^-S.
 */
export interface FixedLifPlan extends FixedLifConstants {
  model: 'fixed_point_lif';
  /** q(bias). */
  bias: number;
  /** q(v_init) per neuron (uniform: q of the LIF's float32 draw). */
  vInit: Int32Array;
  /**
   * An `sc_dense` layer with `fixed_point` (step 1b integer): its SC current source, constant
   * inputs only, `currentByCount` integers in units of 2^-F added to `ext` every step.
   */
  sc?: ScSourcePlan & { inputs: { kind: 'constant'; thresholds: Uint32Array } };
}

/**
 * A `nir_neuron` population (CONTEXT.md step 2g): NIR's seven types as one update with per-neuron
 * float32 coefficients (compile: float64, then fround). Non-spiking types have `vThreshold`
 * +Infinity; `cuba` types keep a synaptic current S.
 */
export interface NirNeuronPlan {
  model: 'nir_neuron';
  type: NirNeuronType;
  /** CubaLIF and CubaLI: S = S * synDecay + synGain * u, and V integrates S. */
  cuba: boolean;
  leak: Float32Array;
  gain: Float32Array;
  vLeak: Float32Array;
  vThreshold: Float32Array;
  vReset: Float32Array;
  bias: Float32Array;
  synDecay: Float32Array;
  synGain: Float32Array;
  vInit: Float32Array;
}

export type ModelPlan =
  | NirNeuronPlan
  | FixedLifPlan
  | LifPlan
  | PoissonPlan
  | SpikeGeneratorPlan
  | ScDensePlan
  | LoihiPlan
  | IzhikevichPlan
  | AdexPlan
  | DynapsimPlan;

export interface PopulationPlan {
  id: string;
  /** Position in the document's populations array. */
  index: number;
  size: number;
  model: ModelPlan;
  /** Indices into `Plan.channels` of the exponential currents feeding this population. */
  channels: number[];
  /**
   * Current steps injected into this population (host adds them to `bias` each step); for a
   * `fixed_point_lif` population the amplitude is q(amplitude), an integer in units of 2^-F.
   */
  stimuli: { startStep: number; stopStep: number; amplitude: number }[];
}

/** An exponentially decaying synaptic current of one target population, one per distinct tau. */
export interface ChannelPlan {
  /** Population index of the target. */
  target: number;
  tau: number;
  /** fround(exp(-dt / tau)); 0 for a delta channel of a fixed-point or nir_neuron target. */
  decay: number;
  /**
   * Only into a `fixed_point_lif` target: round(exp(-dt / tau) * 2^S), 0 for its delta channel
   * (tau 0: every projection onto a fixed-point population feeds a current, step 2f).
   */
  fixedDecay?: number;
}

export interface ProjectionPlan {
  id: string;
  source: number;
  target: number;
  /**
   * `delta`: the weight is added to V (for a `loihi` target: to its current I, CONTEXT.md step
   * 5c). `current`: to the channel's current.
   */
  destination: { kind: 'delta' } | { kind: 'current'; channel: number };
  csr: CsrConnectivity;
  /** Largest delay of any synapse, steps. */
  maxDelay: number;
  /** Loihi learning (traces, `dw`) of this projection, CONTEXT.md step 5d; absent: none. */
  learning?: LoihiLearningPlan;
  /**
   * Short-term plasticity, weight rule and structural plasticity of a classic projection
   * (CONTEXT.md steps 3b, 5e, 5f); absent: none. `csr.weights` is then per synapse.
   */
  plasticity?: PlasticityPlan;
}

export type ProbePlan =
  | { id: string; kind: 'spikes'; population: number }
  | {
      id: string;
      kind: 'state';
      population: number;
      variable: StateVariable;
      neurons: Uint32Array;
    }
  | { id: string; kind: 'rate'; population: number; binSteps: number }
  | {
      id: string;
      kind: 'synapse';
      /**
       * Index into `Plan.projections`; its `learning` (Loihi) or `plasticity.rule` (classic)
       * holds the recorded state.
       */
      projection: number;
      variable: SynapseVariable;
      /** Synapse indices in CSR order. */
      synapses: Uint32Array;
    };

export interface Plan {
  dt: number;
  totalSteps: number;
  seed: number;
  populations: PopulationPlan[];
  channels: ChannelPlan[];
  /** In document order: the order in which synaptic events are applied. */
  projections: ProjectionPlan[];
  probes: ProbePlan[];
  /** The 4097-entry table of `gaussianTable()`. */
  gaussTable: Float32Array;
  /** Estimated bytes of state a backend allocates for this plan. */
  estimatedBytes: number;
}
