/**
 * Between a network document and the trainers' `TrainNetwork` (`train/types.ts`), both ways:
 * `documentTrainNetwork` takes the document's trainable chain (`document-chain.ts`) with the
 * weights a run of the document starts from, and `trainedWeightEdits` turns trained weights back
 * into explicit per-synapse weights of the chain's projections.
 */
import type { Distribution, NetworkDocument, Population } from '../../model/document.ts';
import { drawWeights } from '../compile/synapse-values.ts';
import { PROJECTION_STREAM, gaussianTable, streamKey } from '../random.ts';
import { findTrainableChain, type ChainTopology } from './document-chain.ts';
import type { TrainLayer, TrainNetwork, TrainNeuron } from './train/types.ts';

export type { ChainLayer, ChainTopology } from './document-chain.ts';
export { findTrainableChain } from './document-chain.ts';

/** A trainable chain with its network and what training will ignore. */
export interface DocumentTrainNetwork {
  chain: ChainTopology;
  network: TrainNetwork;
  /** Layer sizes, input first: `[input, hidden..., output]`. */
  sizes: number[];
  warnings: string[];
}

export type DocumentTrainResult =
  ({ ok: true } & DocumentTrainNetwork) | { ok: false; problems: string[] };

/** One edit of the write-back: set `projection`'s weight to explicit per-synapse values. */
export interface WeightEdit {
  projection: string;
  weight: Extract<Distribution, { kind: 'explicit' }>;
}

const SHARED: readonly ('v_rest' | 'v_reset' | 'v_threshold' | 'tau_mem')[] = [
  'v_rest',
  'v_reset',
  'v_threshold',
  'tau_mem',
];

type Lif = Extract<Population, { model: 'stochastic_lif' }>;

/** The layers' common neuron, or the fields on which they differ. */
function sharedNeuron(layers: Lif[], dt: number): { neuron: TrainNeuron; problems: string[] } {
  const first = layers[0] as Lif;
  const problems: string[] = [];
  for (const layer of layers.slice(1)) {
    for (const key of SHARED) {
      if (layer.params[key] !== first.params[key]) {
        problems.push(
          `layers '${first.id}' and '${layer.id}' differ in ${key} (${first.params[key]} vs ` +
            `${layer.params[key]}): training needs one neuron for every layer`,
        );
      }
    }
  }
  const p = first.params;
  // float32 like the engine's LIF plan (`compile/lif-plan.ts`), so training and a run agree.
  const f = Math.fround;
  const neuron = {
    vRest: f(p.v_rest),
    vReset: f(p.v_reset),
    vThreshold: f(p.v_threshold),
    leak: f(dt / p.tau_mem),
  };
  return { neuron, problems };
}

/** What a layer's neuron has that the trained model leaves out. */
function neuronWarnings(layer: Lif): string[] {
  const p = layer.params;
  const out: string[] = [];
  const name = `layer '${layer.id}'`;
  if (p.noise_std !== 0) out.push(`${name}: noise_std ${p.noise_std} is ignored by training`);
  if (p.refractory_period !== 0) {
    out.push(`${name}: refractory_period ${p.refractory_period} ms is ignored by training`);
  }
  if (p.bias !== 0) out.push(`${name}: bias ${p.bias} is ignored by training`);
  const init = p.v_init;
  if (init.kind !== 'constant' || init.value !== p.v_rest) {
    out.push(`${name}: v_init is ignored by training (every sample starts at v_rest)`);
  }
  return out;
}

/**
 * The document's trainable chain as a `TrainNetwork`, weights as a run of the document draws
 * them (same seed and streams as `compile`), so training starts where the network stands.
 *
 * @example
 * const r = documentTrainNetwork(doc);
 * if (r.ok) r.network.layers.map((l) => l.size); // [16, 4]
 */
export function documentTrainNetwork(doc: NetworkDocument): DocumentTrainResult {
  const found = findTrainableChain(doc);
  if (!found.ok) return found;
  const { chain } = found;
  const byId = new Map(doc.populations.map((p) => [p.id, p]));
  const input = byId.get(chain.input) as Population;
  const lifs = chain.layers.map((l) => byId.get(l.population) as Lif);
  const { neuron, problems } = sharedNeuron(lifs, doc.run.dt);
  if (problems.length > 0) return { ok: false, problems };

  const seed = doc.run.seed >>> 0;
  const table = gaussianTable();
  const index = new Map(doc.projections.map((p, i) => [p.id, i]));
  const weightsOf = (id: string, count: number): Float32Array => {
    const i = index.get(id) as number;
    const pr = doc.projections[i];
    if (pr === undefined) throw new Error(`projection '${id}' vanished while reading weights`);
    const w = drawWeights(pr.weight, count, streamKey(seed, i, PROJECTION_STREAM.weight), table);
    return w instanceof Float32Array ? w : new Float32Array(count).fill(w.constant);
  };

  let inSize = input.size;
  const layers: TrainLayer[] = chain.layers.map((l, k) => {
    const size = (lifs[k] as Lif).size;
    const layer: TrainLayer = { size, weights: weightsOf(l.projection, inSize * size) };
    if (l.recurrent !== undefined) {
      // all_to_all without self: CSR skips the diagonal; the trainers keep it at 0.
      const csr = weightsOf(l.recurrent, size * (size - 1));
      const dense = new Float32Array(size * size);
      let e = 0;
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) if (i !== j) dense[i * size + j] = csr[e++] as number;
      }
      layer.recurrent = dense;
    }
    inSize = size;
    return layer;
  });
  return {
    ok: true,
    chain,
    network: { inputSize: input.size, neuron, layers },
    sizes: [input.size, ...lifs.map((l) => l.size)],
    warnings: [...found.warnings, ...lifs.flatMap(neuronWarnings)],
  };
}

function explicit(values: Float32Array, what: string): WeightEdit['weight'] {
  for (let e = 0; e < values.length; e++) {
    if (!Number.isFinite(values[e])) {
      throw new RangeError(`${what}: weight ${e} is ${String(values[e])}; nothing was written`);
    }
  }
  return { kind: 'explicit', values: Array.from(values) };
}

/**
 * The write-back: one edit per chain projection setting its weight to `{ kind: 'explicit' }`
 * in CSR order (`[i * size + j]`; a recurrent projection without the diagonal). Throws, naming
 * the layer, when `network` does not have the chain's shape or holds a non-finite weight.
 *
 * @example
 * documentStore.getState().beginTransaction('apply trained weights');
 * for (const e of trainedWeightEdits(chain, result.network)) apply(updateProjection(e));
 */
export function trainedWeightEdits(chain: ChainTopology, network: TrainNetwork): WeightEdit[] {
  if (network.layers.length !== chain.layers.length) {
    throw new RangeError(
      `trained network has ${network.layers.length} layers, the chain ${chain.layers.length}`,
    );
  }
  const edits: WeightEdit[] = [];
  let inSize = network.inputSize;
  chain.layers.forEach((l, k) => {
    const layer = network.layers[k] as TrainLayer;
    const size = layer.size;
    if (layer.weights.length !== inSize * size) {
      throw new RangeError(
        `layer '${l.population}': ${layer.weights.length} trained weights for ${inSize} x ${size} synapses`,
      );
    }
    edits.push({
      projection: l.projection,
      weight: explicit(layer.weights, `layer '${l.population}'`),
    });
    if (l.recurrent !== undefined) {
      const dense = layer.recurrent;
      if (dense?.length !== size * size) {
        throw new RangeError(
          `layer '${l.population}': trained network lacks its recurrent weights`,
        );
      }
      const csr = new Float32Array(size * (size - 1));
      let e = 0;
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) if (i !== j) csr[e++] = dense[i * size + j] as number;
      }
      edits.push({
        projection: l.recurrent,
        weight: explicit(csr, `layer '${l.population}' (recurrent)`),
      });
    }
    inSize = size;
  });
  return edits;
}
