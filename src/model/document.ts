/**
 * The network document: the one JSON shape that the editor edits, the worker runs, the CLI
 * reads, the page saves and shares, and the Verilog generator exports.
 *
 * Units: time in milliseconds, rates in hertz, voltages and currents in the model's own units
 * (the CUBA example uses mV throughout). Every field name is snake_case because the document is
 * a file format shared with Python tools, not a TypeScript API.
 */

import type { LoihiParams, LoihiSynapse, LoihiTraceName } from './document-loihi.ts';
export type {
  LoihiParams,
  LoihiSignMode,
  LoihiSynapse,
  LoihiTrace,
  LoihiTraceName,
} from './document-loihi.ts';
export { LOIHI_SIGN_MODES, LOIHI_TRACE_NAMES } from './document-loihi.ts';
import type { DpiSynapse, DynapsimParams } from './document-dynapsim.ts';
import type { ConvConnectivity } from './document-conv.ts';
export type { ConvConnectivity, ConvKernel, ConvRule } from './document-conv.ts';
export type { DpiSynapse, DynapsimParams } from './document-dynapsim.ts';
import type { NirNeuronParams } from './document-nir.ts';
export type * from './document-nir.ts';
export { NIR_DISCRETISATIONS, NIR_NEURON_TYPES, NIR_TYPE_FIELDS } from './document-nir.ts';
import type {
  PlasticityRule,
  ShortTermPlasticity,
  StructuralPlasticity,
} from './document-plasticity.ts';
export type * from './document-plasticity.ts';
export { PLASTICITY_RULES } from './document-plasticity.ts';

/** Current version of the document format. Bump it together with a migration in `migrate.ts`. */
export const DOCUMENT_VERSION = 1;

/** The `format` tag every document carries, so a stray JSON file is recognised as foreign. */
export const DOCUMENT_FORMAT = 'spikelab-network';

export interface NetworkDocument {
  format: typeof DOCUMENT_FORMAT;
  version: typeof DOCUMENT_VERSION;
  name: string;
  description?: string;
  populations: Population[];
  projections: Projection[];
  stimuli: Stimulus[];
  probes: Probe[];
  run: RunSettings;
  /** Parameters shown as sliders in the Live panel, changeable while the network runs. */
  live?: LiveControl[];
}

/** A live slider: a parameter path (`param-path.ts`) and the slider's range (not a model limit). */
export interface LiveControl {
  path: string;
  min: number;
  max: number;
  /** Slider step; the range / 100 when absent. */
  step?: number;
}

/** Which engine runs the network. `auto` picks the fastest that works where it runs. */
export type BackendChoice =
  'auto' | 'reference' | 'wasm' | 'gpu' | 'webgpu' | 'webgl2' | 'webasm' | 'cpu';

export const BACKEND_CHOICES: readonly BackendChoice[] = [
  'auto',
  'reference',
  'wasm',
  'gpu',
  'webgpu',
  'webgl2',
  'webasm',
  'cpu',
];

export interface RunSettings {
  /** Integration step, ms. */
  dt: number;
  /** Length of a run, ms. */
  duration: number;
  /** Unsigned 32-bit seed of every random draw (connectivity, initial state, noise, sources). */
  seed: number;
  backend: BackendChoice;
}

/** Position of a node on the editor canvas, in canvas pixels. */
export interface CanvasPosition {
  x: number;
  y: number;
}

/** A scalar drawn per neuron or per synapse. */
export type Distribution =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'normal'; mean: number; std: number }
  /**
   * One weight per synapse in connection order (sources ascending, then targets ascending),
   * e.g. written back by training or by "keep learned weights"; only with `all_to_all` or
   * `one_to_one` connectivity, whose synapse count is known.
   */
  | { kind: 'explicit'; values: number[] };

/** Initial membrane potential of each neuron. */
export type InitialValue =
  { kind: 'constant'; value: number } | { kind: 'uniform'; low: number; high: number };

/**
 * Discrete-time LIF of the sc-neurocore tutorial:
 * `V[t+1] = V[t] - (V[t]-v_rest)/tau_mem*dt + resistance*I*dt + N(0, noise_std^2)`,
 * spike when `V >= v_threshold`, reset to `v_reset`, then refractory for `refractory_period` ms.
 * `I` is `bias` plus the active current stimuli plus the exponential synaptic currents.
 */
export interface StochasticLifParams {
  v_rest: number;
  v_reset: number;
  v_threshold: number;
  /** Membrane time constant, ms (> 0). */
  tau_mem: number;
  resistance: number;
  /** Standard deviation of the Gaussian noise added to V every step (0 = deterministic). */
  noise_std: number;
  /** ms (>= 0). */
  refractory_period: number;
  /** Constant input current. */
  bias: number;
  v_init: InitialValue;
}

export interface PoissonParams {
  /** Firing rate of each source, Hz. rate*dt must not exceed 1000 (one spike per step). */
  rate: number;
  /**
   * A rate that follows a time series (the user's own data): from `times[k]` ms until the next
   * time every source fires at `rates[k]` Hz (the last to the run's end); `rate` before
   * `times[0]`. Times strictly increase.
   */
  rate_series?: { times: number[]; rates: number[] };
}

/** Explicit spikes, as Brian2's SpikeGeneratorGroup: neuron `indices[k]` fires at `times[k]` ms. */
export interface SpikeGeneratorParams {
  indices: number[];
  times: number[];
  /** Repeat the pattern every `period` ms; 0 means play once. */
  period: number;
}

/**
 * Where an SC dense layer's input channels take their values (sc-neurocore tutorial sections 4
 * and 5). `constant`: one channel per value, in [x_min, x_max]. `rates`: one channel per neuron
 * of the `source` population, valued at that neuron's firing rate in spikes per ms (the
 * tutorial's `firing_rate_hz / 1000`), estimated online by an exponential trace of time
 * constant `tau` ms, so layer 1's rates feed layer 2 while the network runs.
 */
export type ScInputs =
  { kind: 'constant'; values: number[] } | { kind: 'rates'; source: string; tau: number };

/** How the count of active AND gates becomes a current (see `src/engine/sc/CONTEXT.md`). */
export type ScScaling = 'sum' | 'mean';

/**
 * The tutorial's `SCDenseLayer`: every input channel is a Bernoulli bitstream ANDed with its
 * weight's bitstream; step t reads bit `t mod length` of every channel and counts the ones k,
 * the current is `y_min + (y_max - y_min) * k` (`mean`: `* k / channels`), shared by all
 * neurons, each a stochastic LIF with its own noise. Streams and noise are keyed by `base_seed`
 * (the tutorial's), not by the run's seed, so a document layer reproduces the library's layer.
 */
export interface ScDenseParams {
  inputs: ScInputs;
  /** One weight per input channel, in [w_min, w_max]. */
  weights: number[];
  x_min: number;
  x_max: number;
  w_min: number;
  w_max: number;
  /** Bitstream length L, bits; past L steps the streams wrap. */
  length: number;
  y_min: number;
  y_max: number;
  scaling: ScScaling;
  v_rest: number;
  v_reset: number;
  v_threshold: number;
  /** Membrane time constant, ms (> 0). */
  tau_mem: number;
  resistance: number;
  noise_std: number;
  /** ms (>= 0). */
  refractory_period: number;
  /** Unsigned 32-bit seed of the layer's streams and noise. */
  base_seed: number;
  /**
   * Integrate in fixed point (`fixed_point_lif`'s arithmetic, step 1b integer in
   * `src/engine/CONTEXT.md`) instead of float32: the form the hardware can run. Absent: float32.
   */
  fixed_point?: ScFixedPoint;
}

/** The widths of an SC layer that integrates in fixed point (as `FixedPointLifParams`). */
export interface ScFixedPoint {
  /** W: width of V and of the SC current, bits (8..24). */
  total_bits: number;
  /** F: fraction bits of V and of the current (0..W-2). */
  fraction_bits: number;
  /** S: fraction bits of the leak and gain multipliers (1..16). */
  scale_bits: number;
}

/**
 * Izhikevich (2003) simple model, in his units (mV, ms, current in mV/ms):
 * `v' = 0.04 v^2 + 5 v + 140 - u + I`, `u' = a (b v - u)`; when `v >= 30` mV the neuron
 * spikes, `v = c`, `u = u + d`. `I` is `bias` plus the stimuli plus the exponential synaptic
 * currents; delta projections add to v. Each neuron starts at its `v_init` with `u = b * v_init`
 * (Izhikevich's own initialisation). Integrated by forward Euler at the run's dt
 * (see `src/engine/CONTEXT.md`), so use dt <= 0.1 ms for his published firing patterns.
 */
export interface IzhikevichParams {
  /** Recovery rate, 1/ms. */
  a: number;
  /** Sensitivity of u to v. */
  b: number;
  /** Reset potential after a spike, mV. */
  c: number;
  /** Jump of u at a spike. */
  d: number;
  /** Constant input current. */
  bias: number;
  /** Standard deviation of the Gaussian noise added to v every step, mV (0 = deterministic). */
  noise_std: number;
  v_init: InitialValue;
}

/**
 * Adaptive exponential integrate-and-fire (Brette & Gerstner 2005), units pF, nS, mV, ms, pA:
 * `C v' = -g_l (v - e_l) + g_l delta_t exp((v - v_t) / delta_t) - w + I`,
 * `tau_w w' = a (v - e_l) - w`; when `v >= v_peak` the neuron spikes, `v = v_reset`,
 * `w = w + b`, and v is held for `refractory_period` ms. `w` starts at 0.
 */
export interface AdexParams {
  /** Membrane capacitance C, pF (> 0). */
  c: number;
  /** Leak conductance g_L, nS (> 0). */
  g_l: number;
  /** Leak reversal E_L, mV. */
  e_l: number;
  /** Threshold potential V_T, mV. */
  v_t: number;
  /** Slope factor Delta_T, mV (> 0). */
  delta_t: number;
  /** Spike cut V_peak, mV (> v_t). */
  v_peak: number;
  /** Reset potential V_r, mV (< v_peak). */
  v_reset: number;
  /** Adaptation time constant, ms (> 0). */
  tau_w: number;
  /** Subthreshold adaptation a, nS. */
  a: number;
  /** Spike-triggered adaptation b, pA. */
  b: number;
  /** ms (>= 0). */
  refractory_period: number;
  /** Constant input current, pA. */
  bias: number;
  /** Standard deviation of the Gaussian noise added to v every step, mV (0 = deterministic). */
  noise_std: number;
  v_init: InitialValue;
}

/**
 * The fixed-point LIF (`src/engine/CONTEXT.md` step 2f): the LIF a chip runs, every value a
 * whole number. V and the synaptic currents are `total_bits`-bit two's complement integers in
 * units of 2^-fraction_bits; leak, gain and current decays are multipliers in units of
 * 2^-scale_bits. Compile quantises the real values below (and every weight onto the
 * population); the engine then runs the integers exactly, saturating instead of overflowing.
 */
export interface FixedPointLifParams {
  /** W: width of V and of every synaptic current, bits (8..24). */
  total_bits: number;
  /** F: fraction bits of V, currents, weights and bias (0..W-2). */
  fraction_bits: number;
  /** S: fraction bits of the leak, gain and decay multipliers (1..16). */
  scale_bits: number;
  v_rest: number;
  v_reset: number;
  v_threshold: number;
  /** Membrane time constant, ms (>= dt, so the leak multiplier stays <= 1). */
  tau_mem: number;
  resistance: number;
  /** ms (>= 0). */
  refractory_period: number;
  /** Constant input current. */
  bias: number;
  /** Initial V (quantised by compile). */
  v_init: InitialValue;
}

/** How a population's neurons sit in the 3D view (`src/app/view3d`). */
export type Layout3dShape = 'grid' | 'sphere' | 'layer';

export const LAYOUT3D_SHAPES: readonly Layout3dShape[] = ['grid', 'sphere', 'layer'];

/**
 * A population's place in the 3D view: `grid` a cube of neurons, `sphere` neurons on a sphere's
 * surface, `layer` a flat square sheet; `center` in view units, `spacing` the distance between
 * neighbouring neurons. Absent: the view lays the population out from its canvas position.
 */
export interface Layout3d {
  shape: Layout3dShape;
  center: { x: number; y: number; z: number };
  spacing: number;
}

interface PopulationCommon {
  /** Unique, stable identifier (used by projections, probes and the CLI output). */
  id: string;
  /** Human-readable name shown on the canvas; defaults to the id. */
  label?: string;
  size: number;
  /**
   * Optional tensor shape of the neurons (C order, e.g. `[channels, height, width]`): positive
   * integers whose product is `size`. Convolution and pooling rules read it (see `conv.ts`).
   */
  shape?: number[];
  position: CanvasPosition;
  layout3d?: Layout3d;
}

export type Population =
  | (PopulationCommon & { model: 'stochastic_lif'; params: StochasticLifParams })
  | (PopulationCommon & { model: 'poisson'; params: PoissonParams })
  | (PopulationCommon & { model: 'spike_generator'; params: SpikeGeneratorParams })
  | (PopulationCommon & { model: 'sc_dense'; params: ScDenseParams })
  | (PopulationCommon & { model: 'loihi'; params: LoihiParams })
  | (PopulationCommon & { model: 'izhikevich'; params: IzhikevichParams })
  | (PopulationCommon & { model: 'adex'; params: AdexParams })
  | (PopulationCommon & { model: 'dynapsim'; params: DynapsimParams })
  | (PopulationCommon & { model: 'fixed_point_lif'; params: FixedPointLifParams })
  | (PopulationCommon & { model: 'nir_neuron'; params: NirNeuronParams });

export type PopulationModel = Population['model'];

export const POPULATION_MODELS: readonly PopulationModel[] = [
  'stochastic_lif',
  'poisson',
  'spike_generator',
  'sc_dense',
  'loihi',
  'izhikevich',
  'adex',
  'dynapsim',
  'fixed_point_lif',
  'nir_neuron',
];

/** Which source neurons connect to which target neurons. */
export type Connectivity =
  | { rule: 'all_to_all'; allow_self: boolean }
  | { rule: 'one_to_one' }
  | { rule: 'fixed_probability'; p: number; allow_self: boolean }
  | { rule: 'fixed_fan_in'; k: number; allow_self: boolean }
  | ConvConnectivity;

/** Transmission delay in whole steps (0 = the effect is seen by the next integration step). */
export type DelaySpec =
  | { kind: 'constant'; steps: number }
  | { kind: 'uniform_int'; low: number; high: number }
  /** One delay per synapse in connection order; only with a rule whose synapse count is known. */
  | { kind: 'explicit'; steps: number[] };

/** What a presynaptic spike does to its target. */
export type SynapseSpec =
  /** Adds the weight to the target's membrane potential. */
  | { kind: 'delta' }
  /** Adds the weight to a synaptic current that decays with time constant `tau` (ms). */
  | { kind: 'exponential'; tau: number }
  /** Loihi: adds the actual weight to a `loihi` target's current `I` (see `document-loihi.ts`). */
  | LoihiSynapse
  /** DynapSim: adds the weight to a `dynapsim` target's weighted input (see `document-dynapsim.ts`). */
  | DpiSynapse;

export interface Projection {
  id: string;
  label?: string;
  source: string;
  target: string;
  connectivity: Connectivity;
  weight: Distribution;
  delay: DelaySpec;
  synapse: SynapseSpec;
  /** Weight plasticity while the network runs (`delta`/`exponential` synapses only). */
  plasticity?: PlasticityRule;
  /** Tsodyks-Markram short-term plasticity (`delta`/`exponential` synapses only). */
  stp?: ShortTermPlasticity;
  /** Pruning and growth of synapses (`delta`/`exponential` synapses only). */
  structural?: StructuralPlasticity;
}

/** A current step injected into every neuron of a population over [start, stop) ms. */
export interface CurrentStep {
  id: string;
  kind: 'current_step';
  target: string;
  start: number;
  stop: number;
  amplitude: number;
}

/**
 * A current waveform (the user's own data) injected into every neuron of a population,
 * piecewise constant: `values[k]` from `times[k]` ms until the next time (the last to the run's
 * end), nothing before `times[0]`. Times strictly increase.
 */
export interface CurrentSeries {
  id: string;
  kind: 'current_series';
  target: string;
  times: number[];
  values: number[];
}

export type Stimulus = CurrentStep | CurrentSeries;

/** What a run records. */
export type Probe =
  | { id: string; kind: 'spikes'; population: string }
  | {
      id: string;
      kind: 'state';
      population: string;
      /**
       * `v` (membrane potential), `i_syn` (total synaptic current), or the adaptation variable
       * of the classroom models: `u` (Izhikevich recovery) or `w` (AdEx adaptation current, pA).
       */
      variable: StateVariable;
      neurons: number[];
    }
  | {
      id: string;
      kind: 'synapse';
      /**
       * A Loihi projection with a learning rule or traces (CONTEXT.md step 5d), or a classic
       * projection with `plasticity` (step 5e).
       */
      projection: string;
      variable: SynapseVariable;
      /** Synapse indices in connection order (sources ascending, then targets ascending). */
      synapses: number[];
    }
  | {
      id: string;
      kind: 'rate';
      population: string;
      /** Width of a rate bin, ms. */
      bin: number;
    };

export type StateVariable = 'v' | 'i_syn' | 'u' | 'w';
/**
 * What a synapse probe records of a learning Loihi projection: the weight mantissa `w`, the
 * actual weight `w_act`, or a trace (sampled after the step's pre impulses, before its post
 * impulses and decay, as brian2-loihi's monitors read them).
 */
export type SynapseVariable = 'w' | 'w_act' | LoihiTraceName | ClassicSynapseVariable;
/**
 * What a synapse probe records of a classic plastic projection besides `w` (the delivered
 * weight): STDP's traces, R-STDP's eligibility, or OnlineO1's integer fields (`w` is then the
 * delivered weight `weight * weight_scale`). Sampled after step 5e's update.
 */
export type ClassicSynapseVariable = 'pre_trace' | 'post_trace' | 'eligibility';
export type ProbeKind = Probe['kind'];
/** A probe that records a population (everything but a synapse probe). */
export type PopulationProbe = Exclude<Probe, { kind: 'synapse' }>;
/** A probe that records synapses of a projection. */
export type SynapseProbe = Extract<Probe, { kind: 'synapse' }>;

/** Narrows a probe to the population probes (spikes, state, rate). */
export function isPopulationProbe(probe: Probe): probe is PopulationProbe {
  return probe.kind !== 'synapse';
}
