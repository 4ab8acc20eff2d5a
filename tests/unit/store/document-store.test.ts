import { describe, expect, it } from 'vitest';
import { isPopulationProbe } from '../../../src/model/index.ts';
import { createDocumentStore } from '../../../src/store/document/store.ts';
import { fixtureDocument } from './document-fixture.ts';

function storeWithFixture() {
  const store = createDocumentStore(fixtureDocument());
  return store;
}

describe('document store', () => {
  it('bumps the revision on every change, undo and redo included', () => {
    const store = storeWithFixture();
    const s = store.getState();
    expect(s.documentRevision).toBe(0);
    s.apply({ type: 'setName', name: 'renamed' });
    expect(store.getState().documentRevision).toBe(1);
    store.getState().undo();
    expect(store.getState().document.name).toBe('fixture');
    expect(store.getState().documentRevision).toBe(2);
    store.getState().redo();
    expect(store.getState().document.name).toBe('renamed');
    expect(store.getState().documentRevision).toBe(3);
    // A no-op edit is not a change.
    store.getState().apply({ type: 'setName', name: 'renamed' });
    expect(store.getState().documentRevision).toBe(3);
  });

  it('deleting a selected population and its cascade is one undo entry', () => {
    const store = storeWithFixture();
    store.getState().select({ populations: ['exc'], projections: [] });
    store.getState().deleteSelection();
    const after = store.getState();
    expect(after.document.populations.map((p) => p.id)).toEqual(['inp']);
    expect(after.document.projections).toEqual([]);
    expect(after.document.stimuli).toEqual([]);
    expect(after.selection.populations).toEqual([]);
    after.undo();
    expect(store.getState().document).toEqual(fixtureDocument());
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('a drag transaction is one undo step; records outside it are separate', () => {
    const store = storeWithFixture();
    const st = () => store.getState();
    st().beginTransaction('move');
    for (let x = 0; x < 10; x++) {
      st().apply({ type: 'movePopulations', moves: [{ id: 'inp', position: { x, y: x } }] });
    }
    st().commitTransaction();
    expect(st().history.past).toHaveLength(1);
    expect(st().document.populations[0]?.position).toEqual({ x: 9, y: 9 });
    st().undo();
    expect(st().document.populations[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('cancelling a transaction restores the document where it began', () => {
    const store = storeWithFixture();
    const st = () => store.getState();
    st().beginTransaction('move');
    st().apply({ type: 'movePopulations', moves: [{ id: 'inp', position: { x: 50, y: 0 } }] });
    st().cancelTransaction();
    expect(st().document.populations[0]?.position).toEqual({ x: 0, y: 0 });
    expect(st().history.past).toHaveLength(0);
  });

  it('copy then paste twice gives fresh ids and cascading offsets, selecting the copy', () => {
    const store = storeWithFixture();
    const st = () => store.getState();
    st().select({ populations: ['exc'], projections: [] });
    st().copySelection();
    st().paste();
    st().paste();
    const ids = st().document.populations.map((p) => p.id);
    expect(new Set(ids).size).toBe(4);
    expect(st().document.populations.map((p) => p.position)).toEqual([
      { x: 0, y: 0 },
      { x: 200, y: 0 },
      { x: 240, y: 40 },
      { x: 280, y: 80 },
    ]);
    expect(st().selection.populations).toEqual([ids[3]]);
    // Each pasted copy keeps its own self-projection.
    const selfLoops = st().document.projections.filter((p) => p.source === p.target);
    expect(selfLoops.map((p) => p.source)).toEqual(['exc', ids[2], ids[3]]);
    st().undo();
    expect(st().document.populations).toHaveLength(3);
  });

  it('duplicate selects the copies', () => {
    const store = storeWithFixture();
    const st = () => store.getState();
    st().select({ populations: ['inp', 'exc'], projections: [] });
    st().duplicateSelection();
    expect(st().document.populations).toHaveLength(4);
    expect(st().selection.populations).toEqual(
      st()
        .document.populations.slice(2)
        .map((p) => p.id),
    );
    expect(st().document.projections).toHaveLength(4);
  });

  it('adds a population and connects it, each undoable', () => {
    const store = storeWithFixture();
    const st = () => store.getState();
    const id = st().addPopulation('stochastic_lif', { x: 10, y: 20 });
    expect(st().document.populations.find((p) => p.id === id)?.position).toEqual({ x: 10, y: 20 });
    // It records its spikes from the start, in the same undo entry.
    expect(
      st()
        .document.probes.filter(isPopulationProbe)
        .filter((p) => p.population === id),
    ).toEqual([{ id: `${id}_spikes`, kind: 'spikes', population: id }]);
    const projId = st().connect(id, id);
    const proj = st().document.projections.find((p) => p.id === projId);
    expect(proj?.source).toBe(id);
    expect(proj?.target).toBe(id);
    expect(st().selection.projections).toEqual([projId]);
    st().undo();
    st().undo();
    expect(st().document).toEqual(fixtureDocument());
  });

  it('loading without recording leaves no undo entry', () => {
    const store = createDocumentStore();
    store.getState().loadDocument(fixtureDocument(), { record: false });
    expect(store.getState().document.name).toBe('fixture');
    expect(store.getState().history.past).toHaveLength(0);
    store.getState().loadDocument({ ...fixtureDocument(), name: 'opened' });
    store.getState().undo();
    expect(store.getState().document.name).toBe('fixture');
  });
});

describe('tryApply keeps the document valid', () => {
  it('refuses an out-of-range value with the model issue and writes nothing', () => {
    const store = storeWithFixture();
    const before = store.getState().document;
    const issues = store
      .getState()
      .tryApply({ type: 'updatePopulationParams', id: 'exc', params: { tau_mem: -5 } });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((i) => i.path.endsWith('tau_mem'))).toBe(true);
    expect(store.getState().document).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('refuses a rule the sizes do not allow (one-to-one between 20 and 80)', () => {
    const store = storeWithFixture();
    const issues = store.getState().tryApply({
      type: 'updateProjection',
      id: 'inp_exc',
      patch: { connectivity: { rule: 'one_to_one' } },
    });
    expect(issues.map((i) => i.path)).toContain('projections[0].connectivity.rule');
    expect(store.getState().document.projections[0]?.connectivity.rule).toBe('fixed_probability');
  });

  it('applies a valid value; typing into one field folds into one undo entry', () => {
    const store = storeWithFixture();
    const st = () => store.getState();
    for (const tau of [1, 12, 12.5]) {
      const edit = { type: 'updatePopulationParams' as const, id: 'exc', params: { tau_mem: tau } };
      expect(st().tryApply(edit, { mergeKey: 'field:exc:tau_mem' })).toEqual([]);
    }
    expect(st().history.past).toHaveLength(1);
    st().undo();
    const exc = st().document.populations[1];
    expect(exc?.model === 'stochastic_lif' && exc.params.tau_mem).toBe(20);
  });

  it('clears a label with an undefined patch', () => {
    const store = storeWithFixture();
    store.getState().apply({ type: 'updatePopulation', id: 'exc', patch: { label: undefined } });
    expect('label' in (store.getState().document.populations[1] ?? {})).toBe(false);
  });
});
