/**
 * Starting values for everything the editor creates: the parameters of each model (the
 * tutorial's values, so a fresh LIF behaves like the one in the seed tutorial), a new
 * population, a new projection, an empty document, and fresh ids.
 */
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type CanvasPosition,
  type NetworkDocument,
  type PoissonParams,
  type Population,
  type PopulationModel,
  type Projection,
  type LoihiParams,
  type ScDenseParams,
  type SpikeGeneratorParams,
  type StochasticLifParams,
  type AdexParams,
  type IzhikevichParams,
  type FixedPointLifParams,
  type NirNeuronParams,
} from './document.ts';
import { ADEX_PRESETS, IZHIKEVICH_PRESETS } from './presets.ts';
import type { DynapsimParams } from './document-dynapsim.ts';
import { dynapsimDefaults } from './dynapsim-constants.ts';

/** The parameter type of each population model. */
export interface ParamsByModel {
  stochastic_lif: StochasticLifParams;
  poisson: PoissonParams;
  spike_generator: SpikeGeneratorParams;
  sc_dense: ScDenseParams;
  loihi: LoihiParams;
  izhikevich: IzhikevichParams;
  adex: AdexParams;
  dynapsim: DynapsimParams;
  fixed_point_lif: FixedPointLifParams;
  nir_neuron: NirNeuronParams;
}

/**
 * Fresh default parameters of `model` (a new object every call, safe to mutate).
 *
 * @example defaultParams('poisson') // { rate: 20 }
 */
export function defaultParams<M extends PopulationModel>(model: M): ParamsByModel[M];
export function defaultParams(model: PopulationModel): ParamsByModel[PopulationModel] {
  switch (model) {
    case 'stochastic_lif':
      return {
        v_rest: 0,
        v_reset: 0,
        v_threshold: 1,
        tau_mem: 20,
        resistance: 1,
        noise_std: 0,
        refractory_period: 0,
        bias: 0,
        v_init: { kind: 'constant', value: 0 },
      };
    case 'poisson':
      return { rate: 20 };
    case 'spike_generator':
      return { indices: [], times: [], period: 0 };
    case 'sc_dense':
      // The tutorial's section 4 layer: 8 constant inputs through 8 SC synapses.
      return {
        inputs: { kind: 'constant', values: [0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8] },
        weights: [0.5, 0.6, 0.4, 0.3, 0.7, 0.5, 0.8, 0.2],
        x_min: 0,
        x_max: 1,
        w_min: 0,
        w_max: 1,
        length: 2048,
        y_min: 0,
        y_max: 0.1,
        scaling: 'sum',
        v_rest: 0,
        v_reset: 0,
        v_threshold: 1,
        tau_mem: 20,
        resistance: 1,
        noise_std: 0.02,
        refractory_period: 0,
        base_seed: 42,
      };
    case 'loihi':
      // brian2-loihi's LoihiNeuronGroup defaults.
      return { refractory: 1, threshold_v_mant: 100, decay_v: 0, decay_I: 4096 };
    case 'izhikevich': {
      // Regular spiking, the most common cortical cell, driven by its published current.
      const rs = IZHIKEVICH_PRESETS[0];
      if (!rs) throw new Error('presets: Izhikevich RS preset missing');
      return { ...rs.params, bias: rs.current, v_init: { ...rs.params.v_init } };
    }
    case 'adex': {
      const tonic = ADEX_PRESETS[0];
      if (!tonic) throw new Error('presets: AdEx tonic preset missing');
      return { ...tonic.params, bias: tonic.current, v_init: { ...tonic.params.v_init } };
    }
    case 'dynapsim':
      // Rockpool's default_currents and default_layout (Idc = Io: silent until driven).
      return dynapsimDefaults();
    case 'fixed_point_lif':
      // The LIF's defaults on a 16-bit datapath: 8 fraction bits put the threshold at 256, and
      // 12 scale bits give the leak dt/tau = 0.1/20 as 20/4096 (0.4% off).
      return {
        total_bits: 16,
        fraction_bits: 8,
        scale_bits: 12,
        v_rest: 0,
        v_reset: 0,
        v_threshold: 1,
        tau_mem: 20,
        resistance: 1,
        refractory_period: 0,
        bias: 0,
        v_init: { kind: 'constant', value: 0 },
      };
    case 'nir_neuron':
      // snnTorch's Synaptic neuron in NIR's terms (CONTEXT.md step 2g): V and the synaptic
      // current decay with 20 ms and 5 ms, a unit input moves V towards r * w_in, spikes above 1.
      return {
        type: 'CubaLIF',
        discretisation: 'exact',
        tau_mem: 20,
        tau_syn: 5,
        r: 1,
        v_leak: 0,
        v_threshold: 1,
        v_reset: 0,
        w_in: 1,
        bias: 0,
        v_init: 0,
      };
  }
}

/** Size of a population dropped from the palette: enough to show a raster, small enough to run anywhere. */
const DEFAULT_SIZE: Record<PopulationModel, number> = {
  stochastic_lif: 100,
  poisson: 100,
  spike_generator: 10,
  // The tutorial's section 4 layer has 4 neurons.
  sc_dense: 4,
  loihi: 10,
  izhikevich: 10,
  adex: 10,
  dynapsim: 10,
  fixed_point_lif: 100,
  nir_neuron: 100,
};

/**
 * A new population of `model` with default size and parameters.
 *
 * @example createPopulation('stochastic_lif', 'exc', { x: 0, y: 0 })
 */
export function createPopulation(
  model: PopulationModel,
  id: string,
  position: CanvasPosition,
): Population {
  const common = { id, size: DEFAULT_SIZE[model], position: { x: position.x, y: position.y } };
  switch (model) {
    case 'stochastic_lif':
      return { ...common, model, params: defaultParams(model) };
    case 'poisson':
      return { ...common, model, params: defaultParams(model) };
    case 'spike_generator':
      return { ...common, model, params: defaultParams(model) };
    case 'sc_dense':
      return { ...common, model, params: defaultParams(model) };
    case 'loihi':
      return { ...common, model, params: defaultParams(model) };
    case 'izhikevich':
      return { ...common, model, params: defaultParams(model) };
    case 'adex':
      return { ...common, model, params: defaultParams(model) };
    case 'dynapsim':
      return { ...common, model, params: defaultParams(model) };
    case 'fixed_point_lif':
      return { ...common, model, params: defaultParams(model) };
    case 'nir_neuron':
      return { ...common, model, params: defaultParams(model) };
  }
}

/**
 * A new projection: 10% random connectivity, constant weight 0.1, no delay, exponential
 * current with tau 5 ms. Self-connections are excluded, the usual choice for a recurrent edge.
 *
 * @example createProjection('exc_exc', 'exc', 'exc')
 */
export function createProjection(id: string, source: string, target: string): Projection {
  return {
    id,
    source,
    target,
    connectivity: { rule: 'fixed_probability', p: 0.1, allow_self: false },
    weight: { kind: 'constant', value: 0.1 },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'exponential', tau: 5 },
  };
}

/**
 * An empty network: dt 0.1 ms, 1 s, seed 1, backend chosen automatically.
 *
 * @example createDocument().populations // []
 */
export function createDocument(name = 'Untitled network'): NetworkDocument {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name,
    populations: [],
    projections: [],
    stimuli: [],
    probes: [],
    run: { dt: 0.1, duration: 1000, seed: 1, backend: 'auto' },
  };
}

/**
 * `prefix` itself if no id in `taken` uses it, else `prefix_2`, `prefix_3`, ... (the first
 * free one). All ids of a document share one namespace, so pass them all (see `documentIds`).
 *
 * @example uniqueId('exc', new Set(['exc'])) // 'exc_2'
 */
export function uniqueId(prefix: string, taken: ReadonlySet<string> | readonly string[]): string {
  const used = taken instanceof Set ? taken : new Set(taken);
  const stem = prefix === '' ? 'item' : prefix;
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * Every id in the document: populations, projections, stimuli and probes share one namespace.
 *
 * @example uniqueId('pop', documentIds(doc))
 */
export function documentIds(doc: NetworkDocument): Set<string> {
  const ids = new Set<string>();
  for (const list of [doc.populations, doc.projections, doc.stimuli, doc.probes]) {
    for (const item of list) ids.add(item.id);
  }
  return ids;
}
