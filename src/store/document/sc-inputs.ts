/**
 * The inputs of SC dense layers (`sc_dense`) as the editor changes them. A layer has one weight
 * per input channel, and its channel count follows its inputs (one per constant value, or one
 * per neuron of the rates source), so every edit that changes the count resizes the weights in
 * the same edit: the document stays valid and one undo puts both back.
 */
import type { NetworkDocument, Population, ScDenseParams, ScInputs } from '../../model/document.ts';
import { withScInputs } from '../../model/index.ts';

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

/** How `doc` sizes a rates source: the population's size, or undefined if there is none. */
function sizesIn(doc: NetworkDocument): (id: string) => number | undefined {
  return (id) => doc.populations.find((p) => p.id === id)?.size;
}

/** The middle of a range: a value that every range check accepts, whatever the range. */
function midpoint(low: number, high: number): number {
  return low + (high - low) / 2;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameInputs(a: ScInputs, b: ScInputs): boolean {
  if (a.kind === 'constant' && b.kind === 'constant') return sameNumbers(a.values, b.values);
  return a.kind === 'rates' && b.kind === 'rates' && a.source === b.source && a.tau === b.tau;
}

/**
 * `layer` reading `inputs`, its weights resized to the channel count that gives in `doc` (the
 * model's `withScInputs`: existing weights keep their channel, new ones get the middle of
 * [w_min, w_max]); `layer` itself when that changes nothing, so no-op edits stay no-ops.
 */
export function withInputs(
  doc: NetworkDocument,
  layer: ScDensePopulation,
  inputs: ScInputs,
): ScDensePopulation {
  const params = withScInputs(layer.params, inputs, sizesIn(doc));
  // Equal weights stay the same array, so history snapshots keep sharing it.
  const sameWeights = sameNumbers(layer.params.weights, params.weights);
  if (sameWeights && sameInputs(layer.params.inputs, inputs)) return layer;
  return {
    ...layer,
    params: sameWeights ? { ...params, weights: layer.params.weights } : params,
  };
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
  return mapLayers(doc, (layer) => {
    const inputs = layer.params.inputs;
    if (inputs.kind !== 'rates' || inputs.source !== sourceId) return layer;
    return withInputs(doc, layer, inputs);
  });
}

/** Ids of the layers that read rates (each drawn on the canvas as an edge from its source). */
export function rateInputLayers(doc: NetworkDocument): string[] {
  return doc.populations.flatMap((p) =>
    isScDense(p) && p.params.inputs.kind === 'rates' ? [p.id] : [],
  );
}
