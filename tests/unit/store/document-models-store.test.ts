import { describe, expect, it } from 'vitest';
import { validateDocument, type NetworkDocument } from '../../../src/model/index.ts';
import { createDocumentStore } from '../../../src/store/document/store.ts';
import { requiredRun } from '../../../src/store/document/connect-defaults.ts';

function valid(doc: NetworkDocument): string[] {
  const result = validateDocument(doc);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('document store with the chip and classroom models', () => {
  it('adding a Loihi population to a 0.1 ms network sets dt to 1 in the same undoable edit', () => {
    const store = createDocumentStore();
    expect(store.getState().document.run.dt).toBe(0.1);
    const id = store.getState().addPopulation('loihi', { x: 0, y: 0 });
    expect(id).toBe('loihi');
    expect(store.getState().document.run.dt).toBe(1);
    expect(valid(store.getState().document)).toEqual([]);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document.populations).toEqual([]);
    expect(store.getState().document.run.dt).toBe(0.1);
  });

  it('leaves dt alone for other models and for a network already at 1 ms', () => {
    const store = createDocumentStore();
    store.getState().addPopulation('izhikevich', { x: 0, y: 0 });
    expect(store.getState().document.run.dt).toBe(0.1);
    const run = store.getState().document.run;
    expect(requiredRun('loihi', { ...run, dt: 1 })).toBeUndefined();
    expect(requiredRun('dynapsim', run)).toBeUndefined();
    expect(requiredRun('loihi', run)).toEqual({ dt: 1 });
  });

  it('connecting into a Loihi population makes a valid Loihi synapse', () => {
    const store = createDocumentStore();
    const gen = store.getState().addPopulation('poisson', { x: 0, y: 0 });
    const loihi = store.getState().addPopulation('loihi', { x: 300, y: 0 });
    const id = store.getState().connect(gen, loihi);
    const projection = store.getState().document.projections.find((p) => p.id === id);
    expect(projection?.synapse).toEqual({
      kind: 'loihi',
      w_exp: 0,
      sign_mode: 'mixed',
      num_weight_bits: 8,
    });
    expect(projection?.weight).toEqual({ kind: 'constant', value: 64 });
    expect(valid(store.getState().document)).toEqual([]);
  });

  it('connecting into a DynapSim population makes a dpi synapse; chip sources into a LIF stay valid', () => {
    const store = createDocumentStore();
    const s = () => store.getState();
    const dyn = s().addPopulation('dynapsim', { x: 0, y: 0 });
    const loihi = s().addPopulation('loihi', { x: 0, y: 200 });
    const lif = s().addPopulation('stochastic_lif', { x: 300, y: 0 });
    const into = s().connect(loihi, dyn);
    expect(s().document.projections.find((p) => p.id === into)?.synapse).toEqual({ kind: 'dpi' });
    const fromDyn = s().connect(dyn, lif);
    const fromLoihi = s().connect(loihi, lif);
    for (const id of [fromDyn, fromLoihi]) {
      expect(s().document.projections.find((p) => p.id === id)?.synapse.kind).toBe('exponential');
    }
    // Self-loops keep each chip's own synapse kind.
    const loop = s().connect(loihi, loihi);
    expect(s().document.projections.find((p) => p.id === loop)?.synapse.kind).toBe('loihi');
    expect(valid(s().document)).toEqual([]);
  });

  it('connecting into Izhikevich and AdEx gives weights in their current units', () => {
    const store = createDocumentStore();
    const s = () => store.getState();
    const src = s().addPopulation('poisson', { x: 0, y: 0 });
    const izh = s().addPopulation('izhikevich', { x: 300, y: 0 });
    const adex = s().addPopulation('adex', { x: 300, y: 200 });
    const a = s().connect(src, izh);
    const b = s().connect(src, adex);
    const weight = (id: string) => s().document.projections.find((p) => p.id === id)?.weight;
    expect(weight(a)).toEqual({ kind: 'constant', value: 2 });
    expect(weight(b)).toEqual({ kind: 'constant', value: 50 });
    expect(valid(s().document)).toEqual([]);
  });
});

describe('pasting a Loihi population into a network that does not step at 1 ms', () => {
  it('sets dt to 1 with the paste, and one undo takes both back', () => {
    const store = createDocumentStore();
    const s = () => store.getState();
    const loihi = s().addPopulation('loihi', { x: 0, y: 0 });
    s().select({ populations: [loihi], projections: [] });
    s().copySelection();
    // Another network (opened, say), at 0.1 ms: the clipboard survives the load.
    const other = createDocumentStore().getState().document;
    s().loadDocument(other);
    expect(s().document.run.dt).toBe(0.1);
    const entries = s().history.past.length;
    s().paste();
    expect(s().document.populations.map((p) => p.model)).toEqual(['loihi']);
    expect(s().document.run.dt).toBe(1);
    expect(valid(s().document)).toEqual([]);
    expect(s().history.past).toHaveLength(entries + 1);
    s().undo();
    expect(s().document.populations).toEqual([]);
    expect(s().document.run.dt).toBe(0.1);
  });
});
