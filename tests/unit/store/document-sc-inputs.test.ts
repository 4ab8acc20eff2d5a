import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/store/document/reduce.ts';
import { extractFragment, insertFragment } from '../../../src/store/document/fragment.ts';
import { pruneSelection } from '../../../src/store/document/selection.ts';
import { layerOf, scFixtureDocument } from './sc-fixture.ts';

describe('setScInputs keeps one weight per channel', () => {
  it('reading rates of a 6-neuron population keeps the first 6 of 8 weights', () => {
    const doc = scFixtureDocument();
    const next = applyEdit(doc, {
      type: 'setScInputs',
      id: 'layer1',
      inputs: { kind: 'rates', source: 'exc', tau: 100 },
    });
    expect(layerOf(next, 'layer1').inputs).toEqual({ kind: 'rates', source: 'exc', tau: 100 });
    expect(layerOf(next, 'layer1').weights).toEqual([0.5, 0.6, 0.4, 0.7, 0.3, 0.8]);
    // The original is untouched and the other populations keep their identity.
    expect(layerOf(doc, 'layer1').weights).toHaveLength(8);
    expect(next.populations[1]).toBe(doc.populations[1]);
  });

  it('more constant values pad the weights with the middle of [w_min, w_max]', () => {
    const doc = applyEdit(scFixtureDocument(), {
      type: 'updatePopulationParams',
      id: 'layer1',
      params: { w_min: 0.5, w_max: 2.5 },
    });
    const values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    const next = applyEdit(doc, {
      type: 'setScInputs',
      id: 'layer1',
      inputs: { kind: 'constant', values },
    });
    expect(layerOf(next, 'layer1').inputs).toEqual({ kind: 'constant', values });
    expect(layerOf(next, 'layer1').weights).toEqual([
      0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.5, 0.6, 1.5, 1.5,
    ]);
  });

  it('the same inputs again change nothing; a new tau alone keeps the weights', () => {
    const doc = scFixtureDocument();
    const same = applyEdit(doc, {
      type: 'setScInputs',
      id: 'layer2',
      inputs: { kind: 'rates', source: 'layer1', tau: 50 },
    });
    expect(same).toBe(doc);
    const slower = applyEdit(doc, {
      type: 'setScInputs',
      id: 'layer2',
      inputs: { kind: 'rates', source: 'layer1', tau: 200 },
    });
    expect(layerOf(slower, 'layer2').inputs).toMatchObject({ tau: 200 });
    expect(layerOf(slower, 'layer2').weights).toBe(layerOf(doc, 'layer2').weights);
  });

  it('ignores a population that is not an SC dense layer', () => {
    const doc = scFixtureDocument();
    const next = applyEdit(doc, {
      type: 'setScInputs',
      id: 'exc',
      inputs: { kind: 'constant', values: [0.5] },
    });
    expect(next).toBe(doc);
  });
});

describe('removing a rates input or its source', () => {
  it('deleting the rates edge gives constant inputs, one per weight, mid-range', () => {
    const doc = scFixtureDocument();
    const next = applyEdit(doc, {
      type: 'removeNodes',
      populationIds: [],
      projectionIds: [],
      rateInputIds: ['layer2'],
    });
    // Layer 2's x range is [0, 0.1] (layer 1's rates in spikes per ms): 0.05 each.
    expect(layerOf(next, 'layer2').inputs).toEqual({
      kind: 'constant',
      values: [0.05, 0.05, 0.05, 0.05],
    });
    expect(layerOf(next, 'layer2').weights).toEqual([0.6, 0.5, 0.7, 0.4]);
    expect(layerOf(next, 'layer1')).toBe(layerOf(doc, 'layer1'));
  });

  it('naming a layer that reads constant inputs changes nothing', () => {
    const doc = scFixtureDocument();
    const next = applyEdit(doc, {
      type: 'removeNodes',
      populationIds: [],
      projectionIds: [],
      rateInputIds: ['layer1'],
    });
    expect(next).toBe(doc);
  });

  it('deleting the source population leaves the reader with constant inputs', () => {
    const next = applyEdit(scFixtureDocument(), {
      type: 'removeNodes',
      populationIds: ['layer1'],
      projectionIds: [],
    });
    expect(next.populations.map((p) => p.id)).toEqual(['layer2', 'exc']);
    expect(layerOf(next, 'layer2').inputs).toEqual({
      kind: 'constant',
      values: [0.05, 0.05, 0.05, 0.05],
    });
    expect(next.probes.map((p) => p.id)).toEqual(['layer2_spikes']);
  });

  it('deleting source and reader together leaves no trace of either', () => {
    const next = applyEdit(scFixtureDocument(), {
      type: 'removeNodes',
      populationIds: ['layer1', 'layer2'],
      projectionIds: [],
      rateInputIds: ['layer2'],
    });
    expect(next.populations.map((p) => p.id)).toEqual(['exc']);
    expect(next.probes).toEqual([]);
  });
});

describe('resizing a rates source', () => {
  it('resizes the weights of every layer that reads it, in the same edit', () => {
    const doc = scFixtureDocument();
    const grown = applyEdit(doc, { type: 'updatePopulation', id: 'layer1', patch: { size: 6 } });
    expect(grown.populations[0]?.size).toBe(6);
    expect(layerOf(grown, 'layer2').weights).toEqual([0.6, 0.5, 0.7, 0.4, 0.5, 0.5]);
    const shrunk = applyEdit(grown, { type: 'updatePopulation', id: 'layer1', patch: { size: 3 } });
    expect(layerOf(shrunk, 'layer2').weights).toEqual([0.6, 0.5, 0.7]);
  });

  it('a size change elsewhere, or a label change, leaves the layers alone', () => {
    const doc = scFixtureDocument();
    const next = applyEdit(doc, { type: 'updatePopulation', id: 'exc', patch: { size: 9 } });
    expect(next.populations[1]).toBe(doc.populations[1]);
    const renamed = applyEdit(doc, {
      type: 'updatePopulation',
      id: 'layer1',
      patch: { label: 'Layer 1' },
    });
    expect(renamed.populations[1]).toBe(doc.populations[1]);
  });
});

describe('copying layers that read rates', () => {
  it('a copied source becomes the copy’s source', () => {
    const doc = scFixtureDocument();
    const { document: next, populationIds } = insertFragment(
      doc,
      extractFragment(doc, ['layer1', 'layer2']),
      { x: 40, y: 40 },
    );
    const [copy1, copy2] = populationIds;
    expect(copy1).toBeDefined();
    expect(layerOf(next, copy2 ?? '').inputs).toEqual({ kind: 'rates', source: copy1, tau: 50 });
    // The original keeps its source.
    expect(layerOf(next, 'layer2').inputs).toMatchObject({ source: 'layer1' });
  });

  it('a duplicated reader alone still reads the original source', () => {
    const doc = scFixtureDocument();
    const next = applyEdit(doc, {
      type: 'duplicate',
      populationIds: ['layer2'],
      projectionIds: [],
      offset: { x: 40, y: 40 },
    });
    const copy = next.populations[3]?.id ?? '';
    expect(layerOf(next, copy).inputs).toEqual({
      kind: 'rates',
      source: 'layer1',
      tau: 50,
    });
  });

  it('pasting after the source was deleted gives constant inputs; after a resize, resized weights', () => {
    const doc = scFixtureDocument();
    const clip = extractFragment(doc, ['layer2']);
    const gone = applyEdit(doc, {
      type: 'removeNodes',
      populationIds: ['layer1'],
      projectionIds: [],
    });
    const pasted = applyEdit(gone, { type: 'paste', fragment: clip, offset: { x: 0, y: 0 } });
    expect(layerOf(pasted, pasted.populations[2]?.id ?? '').inputs).toEqual({
      kind: 'constant',
      values: [0.05, 0.05, 0.05, 0.05],
    });
    const grown = applyEdit(doc, { type: 'updatePopulation', id: 'layer1', patch: { size: 5 } });
    const pasted2 = applyEdit(grown, { type: 'paste', fragment: clip, offset: { x: 0, y: 0 } });
    expect(layerOf(pasted2, pasted2.populations[3]?.id ?? '').weights).toEqual([
      0.6, 0.5, 0.7, 0.4, 0.5,
    ]);
  });
});

describe('selected rates inputs', () => {
  it('are kept while the layer reads rates and dropped once it does not', () => {
    const doc = scFixtureDocument();
    const selection = { populations: [], projections: [], rateInputs: ['layer2'] };
    expect(pruneSelection(selection, doc)).toBe(selection);
    const cut = applyEdit(doc, {
      type: 'removeNodes',
      populationIds: [],
      projectionIds: [],
      rateInputIds: ['layer2'],
    });
    expect(pruneSelection(selection, cut)).toEqual({ populations: [], projections: [] });
    // A layer with constant inputs has no rates edge to select.
    expect(
      pruneSelection({ ...selection, rateInputs: ['layer1'] }, doc).rateInputs,
    ).toBeUndefined();
  });
});
