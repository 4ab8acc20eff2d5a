/**
 * The inputs of SC dense layers (`sc_dense`) as the editor changes them. A layer has one weight
 * per input channel, and its channel count follows its inputs (one per constant value, or one
 * per neuron of the rates source), so every edit that changes the count resizes the weights in
 * the same edit: the document stays valid and one undo puts both back.
 */
import type { NetworkDocument, Population, ScDenseParams, ScInputs } from '../../model/document.ts';

type ScDensePopulation = Extract<Population, { model: 'sc_dense' }>;

/**
 * Time constant of the rates trace when a layer starts reading rates, ms: long enough to
 * average several spikes of a neuron firing at tens of hertz, short enough that a change in
 * layer 1 shows in layer 2 within one run.
 */
export const DEFAULT_RATES_TAU = 100;

export function isScDense(population: Population | undefined): population is ScDensePopulation {
  return population?.model === 'sc_dense';
}

/** Channels of `inputs` in `doc`; `undefined` when the rates source does not exist. */
export function channelCount(doc: NetworkDocument, inputs: ScInputs): number | undefined {
  if (inputs.kind === 'constant') return inputs.values.length;
  return doc.populations.find((p) => p.id === inputs.source)?.size;
}

/** The middle of a range: a value that every range check accepts, whatever the range. */
function midpoint(low: number, high: number): number {
  return low + (high - low) / 2;
}

/**
 * `weights` cut or padded to `count` entries; new channels get the middle of [w_min, w_max]
 * (0.5 for the tutorial's range), an even weight a student then tunes. Returns `weights` itself
 * when it already has the length, so an unchanged layer keeps its identity.
 */
export function resizeWeights(params: ScDenseParams, count: number): number[] {
  const { weights } = params;
  if (weights.length === count) return weights;
  if (weights.length > count) return weights.slice(0, count);
  const pad = midpoint(params.w_min, params.w_max);
  return [...weights, ...new Array<number>(count - weights.length).fill(pad)];
}

function sameInputs(a: ScInputs, b: ScInputs): boolean {
  if (a.kind === 'constant' && b.kind === 'constant') {
    return a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
  }
  return a.kind === 'rates' && b.kind === 'rates' && a.source === b.source && a.tau === b.tau;
}

/**
 * `layer` reading `inputs`, its weights resized to the channel count that gives in `doc`;
 * `layer` itself when that changes nothing.
 */
export function withInputs(
  doc: NetworkDocument,
  layer: ScDensePopulation,
  inputs: ScInputs,
): ScDensePopulation {
  const count = channelCount(doc, inputs);
  // An unknown source is the validator's to report; the weights are left as they were.
  const weights = count === undefined ? layer.params.weights : resizeWeights(layer.params, count);
  if (sameInputs(layer.params.inputs, inputs) && weights === layer.params.weights) return layer;
  return { ...layer, params: { ...layer.params, inputs, weights } };
}

/**
 * Constant inputs in place of a layer's rates: one value per current weight (so the weights
 * keep their length), each the middle of [x_min, x_max] (0.5 for the tutorial's layer 1).
 */
export function constantInputs(params: ScDenseParams): ScInputs {
  const value = midpoint(params.x_min, params.x_max);
  return { kind: 'constant', values: params.weights.map(() => value) };
}

/** Applies `update` to every sc_dense layer; returns `doc` itself when nothing changed. */
function mapLayers(
  doc: NetworkDocument,
  update: (layer: ScDensePopulation) => ScDensePopulation,
): NetworkDocument {
  let changed = false;
  const populations = doc.populations.map((p) => {
    if (!isScDense(p)) return p;
    const next = update(p);
    if (next !== p) changed = true;
    return next;
  });
  return changed ? { ...doc, populations } : doc;
}

/**
 * Turns the rates inputs of the listed layers, and of every layer whose rates source is gone
 * from `doc`, into constant inputs: deleting the edge drawn for a rates input, or its source
 * population, leaves a layer that still runs.
 */
export function cutRateInputs(
  doc: NetworkDocument,
  layerIds: ReadonlySet<string>,
): NetworkDocument {
  const present = new Set(doc.populations.map((p) => p.id));
  return mapLayers(doc, (layer) => {
    const inputs = layer.params.inputs;
    if (inputs.kind !== 'rates') return layer;
    if (!layerIds.has(layer.id) && present.has(inputs.source)) return layer;
    return { ...layer, params: { ...layer.params, inputs: constantInputs(layer.params) } };
  });
}

/** Resizes the weights of every layer reading rates from `sourceId` to its (new) size. */
export function syncRateWeights(doc: NetworkDocument, sourceId: string): NetworkDocument {
  const source = doc.populations.find((p) => p.id === sourceId);
  if (source === undefined) return doc;
  return mapLayers(doc, (layer) => {
    const inputs = layer.params.inputs;
    if (inputs.kind !== 'rates' || inputs.source !== sourceId) return layer;
    const weights = resizeWeights(layer.params, source.size);
    return weights === layer.params.weights
      ? layer
      : { ...layer, params: { ...layer.params, weights } };
  });
}

/** Ids of the layers that read rates (each drawn on the canvas as an edge from its source). */
export function rateInputLayers(doc: NetworkDocument): string[] {
  return doc.populations.flatMap((p) =>
    isScDense(p) && p.params.inputs.kind === 'rates' ? [p.id] : [],
  );
}
