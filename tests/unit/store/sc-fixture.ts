/**
 * The sc-neurocore tutorial's two-layer network (sections 4 and 5), written out by hand for the
 * document store tests: layer 1 (4 neurons, 8 constant inputs), layer 2 (2 neurons) reading
 * layer 1's rates with 4 weights, and a LIF population to wire from.
 */
import type { NetworkDocument, Population, ScDenseParams } from '../../../src/model/document.ts';

function layerParams(over: Partial<ScDenseParams>): ScDenseParams {
  return {
    inputs: { kind: 'constant', values: [0.4, 0.7, 0.3, 0.8, 0.6, 0.5, 0.9, 0.2] },
    weights: [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.5, 0.6],
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
    noise_std: 0.01,
    refractory_period: 0,
    base_seed: 100,
    ...over,
  };
}

export function scFixtureDocument(): NetworkDocument {
  const layer1: Population = {
    id: 'layer1',
    size: 4,
    position: { x: 0, y: 0 },
    model: 'sc_dense',
    params: layerParams({}),
  };
  const layer2: Population = {
    id: 'layer2',
    size: 2,
    position: { x: 300, y: 0 },
    model: 'sc_dense',
    params: layerParams({
      inputs: { kind: 'rates', source: 'layer1', tau: 50 },
      weights: [0.6, 0.5, 0.7, 0.4],
      x_max: 0.1,
      base_seed: 200,
    }),
  };
  const exc: Population = {
    id: 'exc',
    size: 6,
    position: { x: 0, y: 200 },
    model: 'stochastic_lif',
    params: {
      v_rest: 0,
      v_reset: 0,
      v_threshold: 1,
      tau_mem: 20,
      resistance: 1,
      noise_std: 0,
      refractory_period: 0,
      bias: 0.1,
      v_init: { kind: 'constant', value: 0 },
    },
  };
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'two SC layers',
    populations: [layer1, layer2, exc],
    projections: [],
    stimuli: [],
    probes: [
      { id: 'layer1_spikes', kind: 'spikes', population: 'layer1' },
      { id: 'layer2_spikes', kind: 'spikes', population: 'layer2' },
    ],
    run: { dt: 1, duration: 500, seed: 1, backend: 'reference' },
  };
}

/** The params of the sc_dense population `id` (throws if it is not one: a broken test). */
export function layerOf(doc: NetworkDocument, id: string): ScDenseParams {
  const p = doc.populations.find((q) => q.id === id);
  if (p?.model !== 'sc_dense') throw new Error(`${id} is not an sc_dense population`);
  return p.params;
}
