import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../src/model/index.ts';
import { createDocumentStore } from '../../../src/store/document/store.ts';
import { layerOf, scFixtureDocument } from './sc-fixture.ts';

function store() {
  const s = createDocumentStore(scFixtureDocument());
  return () => s.getState();
}

describe('wiring into an SC dense layer', () => {
  it('the fixture is a valid document (so the edits below are judged by the real checks)', () => {
    expect(validateDocument(scFixtureDocument()).ok).toBe(true);
  });

  it('connecting a population to a layer feeds its rates, no projection, one undo', () => {
    const st = store();
    const id = st().connect('exc', 'layer1');
    expect(id).toBe('layer1');
    expect(st().document.projections).toEqual([]);
    expect(layerOf(st().document, 'layer1').inputs).toEqual({
      kind: 'rates',
      source: 'exc',
      tau: 100,
    });
    // exc has 6 neurons: 6 channels, 6 weights.
    expect(layerOf(st().document, 'layer1').weights).toEqual([0.5, 0.6, 0.4, 0.7, 0.3, 0.8]);
    expect(st().selection).toEqual({ populations: ['layer1'], projections: [] });
    expect(st().history.past).toHaveLength(1);
    expect(st().history.past[0]?.label).toBe('connect rates');
    st().undo();
    expect(st().document).toEqual(scFixtureDocument());
    st().redo();
    expect(layerOf(st().document, 'layer1').weights).toHaveLength(6);
  });

  it('a layer already reading rates keeps its time constant when fed from elsewhere', () => {
    const st = store();
    st().connect('exc', 'layer2');
    expect(layerOf(st().document, 'layer2').inputs).toEqual({
      kind: 'rates',
      source: 'exc',
      tau: 50,
    });
    expect(layerOf(st().document, 'layer2').weights).toEqual([0.6, 0.5, 0.7, 0.4, 0.5, 0.5]);
  });

  it('a layer cannot read its own rates: refused with the model issue, nothing recorded', () => {
    const st = store();
    const before = st().document;
    const issues = st().feedRates('layer1', 'layer1');
    expect(issues.map((i) => i.path)).toContain('populations[0].params.inputs.source');
    expect(st().document).toBe(before);
    expect(st().history.past).toHaveLength(0);
  });

  it('edges out of a layer are ordinary projections', () => {
    const st = store();
    const id = st().connect('layer2', 'exc');
    expect(st().document.projections.map((p) => [p.id, p.source, p.target])).toEqual([
      [id, 'layer2', 'exc'],
    ]);
  });

  it('a projection into a layer is refused by the document checks', () => {
    const st = store();
    const issues = st().tryApply({
      type: 'addProjection',
      projection: {
        id: 'exc_layer1',
        source: 'exc',
        target: 'layer1',
        connectivity: { rule: 'all_to_all', allow_self: false },
        weight: { kind: 'constant', value: 1 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'delta' },
      },
    });
    expect(issues.map((i) => i.path)).toContain('projections[0].target');
  });
});

describe('deleting a selected rates input', () => {
  it('gives the layer constant inputs, one per weight, in one undoable edit', () => {
    const st = store();
    st().select({ populations: [], projections: [], rateInputs: ['layer2'] });
    st().deleteSelection();
    expect(layerOf(st().document, 'layer2').inputs).toEqual({
      kind: 'constant',
      values: [0.05, 0.05, 0.05, 0.05],
    });
    expect(validateDocument(st().document).ok).toBe(true);
    expect(st().selection).toEqual({ populations: [], projections: [] });
    st().undo();
    expect(st().document).toEqual(scFixtureDocument());
  });

  it('deleting layer 1 keeps layer 2 valid, with constant inputs', () => {
    const st = store();
    st().select({ populations: ['layer1'], projections: [] });
    st().deleteSelection();
    expect(st().document.populations.map((p) => p.id)).toEqual(['layer2', 'exc']);
    expect(validateDocument(st().document).ok).toBe(true);
    st().undo();
    expect(st().document).toEqual(scFixtureDocument());
  });
});

describe('inspector edits of a layer', () => {
  it('typing more constant values adds channels and weights; one undo per field', () => {
    const st = store();
    const values = [0.4, 0.7, 0.3, 0.8, 0.6, 0.5, 0.9, 0.2, 0.1];
    for (const v of [values.slice(0, 8), values]) {
      const issues = st().tryApply(
        { type: 'setScInputs', id: 'layer1', inputs: { kind: 'constant', values: v } },
        { mergeKey: 'field:layer1:values' },
      );
      expect(issues).toEqual([]);
    }
    expect(layerOf(st().document, 'layer1').weights).toHaveLength(9);
    // Layer 1's size is unchanged, so layer 2 still has 4 weights.
    expect(layerOf(st().document, 'layer2').weights).toHaveLength(4);
    expect(st().history.past).toHaveLength(1);
  });

  it('resizing layer 1 through the size field resizes layer 2’s weights, valid and undoable', () => {
    const st = store();
    expect(st().tryApply({ type: 'updatePopulation', id: 'layer1', patch: { size: 5 } })).toEqual(
      [],
    );
    expect(layerOf(st().document, 'layer2').weights).toEqual([0.6, 0.5, 0.7, 0.4, 0.5]);
    st().undo();
    expect(layerOf(st().document, 'layer2').weights).toEqual([0.6, 0.5, 0.7, 0.4]);
  });

  it('a weight list of the wrong length is refused', () => {
    const st = store();
    const issues = st().tryApply({
      type: 'updatePopulationParams',
      id: 'layer2',
      params: { weights: [0.1, 0.2] },
    });
    expect(issues.map((i) => i.path)).toContain('populations[1].params.weights');
  });

  it('Ctrl+A’s selection with rates inputs deletes everything in one edit', () => {
    const st = store();
    st().select({
      populations: ['layer1', 'layer2', 'exc'],
      projections: [],
      rateInputs: ['layer2'],
    });
    st().deleteSelection();
    expect(st().document.populations).toEqual([]);
    st().undo();
    expect(st().document).toEqual(scFixtureDocument());
  });
});
