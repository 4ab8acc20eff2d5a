import { describe, expect, it } from 'vitest';
import { isPopulationProbe } from '../../../src/model/index.ts';
import { applyEdit } from '../../../src/store/document/reduce.ts';
import { extractFragment, insertFragment } from '../../../src/store/document/fragment.ts';
import { fixtureDocument } from './document-fixture.ts';

describe('applyEdit', () => {
  it('moves populations without touching the original document', () => {
    const doc = fixtureDocument();
    const next = applyEdit(doc, {
      type: 'movePopulations',
      moves: [{ id: 'exc', position: { x: 5, y: 7 } }],
    });
    expect(next.populations[1]?.position).toEqual({ x: 5, y: 7 });
    expect(doc.populations[1]?.position).toEqual({ x: 200, y: 0 });
    // Unmoved populations keep their identity (cheap history snapshots, memoised nodes).
    expect(next.populations[0]).toBe(doc.populations[0]);
  });

  it('returns the same document for an edit that changes nothing', () => {
    const doc = fixtureDocument();
    expect(applyEdit(doc, { type: 'updatePopulation', id: 'nope', patch: { size: 3 } })).toBe(doc);
    expect(applyEdit(doc, { type: 'removeNodes', populationIds: [], projectionIds: [] })).toBe(doc);
    expect(applyEdit(doc, { type: 'setName', name: 'fixture' })).toBe(doc);
  });

  it('updates one parameter and keeps the others', () => {
    const next = applyEdit(fixtureDocument(), {
      type: 'updatePopulationParams',
      id: 'exc',
      params: { tau_mem: 12 },
    });
    const exc = next.populations[1];
    expect(exc?.model).toBe('stochastic_lif');
    if (exc?.model !== 'stochastic_lif') throw new Error('unreachable');
    expect(exc.params.tau_mem).toBe(12);
    expect(exc.params.v_threshold).toBe(-50);
  });

  it('deleting a population removes its projections, stimuli and probes', () => {
    const next = applyEdit(fixtureDocument(), {
      type: 'removeNodes',
      populationIds: ['exc'],
      projectionIds: [],
    });
    expect(next.populations.map((p) => p.id)).toEqual(['inp']);
    expect(next.projections).toEqual([]);
    expect(next.stimuli).toEqual([]);
    expect(next.probes.map((p) => p.id)).toEqual(['spk_inp']);
  });

  it('deleting a projection alone keeps its populations', () => {
    const next = applyEdit(fixtureDocument(), {
      type: 'removeNodes',
      populationIds: [],
      projectionIds: ['inp_exc'],
    });
    expect(next.populations).toHaveLength(2);
    expect(next.projections.map((p) => p.id)).toEqual(['exc_exc']);
  });

  it('updates a projection connectivity', () => {
    const next = applyEdit(fixtureDocument(), {
      type: 'updateProjection',
      id: 'inp_exc',
      patch: { connectivity: { rule: 'fixed_fan_in', k: 8, allow_self: false } },
    });
    expect(next.projections[0]?.connectivity).toEqual({
      rule: 'fixed_fan_in',
      k: 8,
      allow_self: false,
    });
  });

  it('adds, updates and removes stimuli and probes', () => {
    let doc = applyEdit(fixtureDocument(), {
      type: 'addProbe',
      probe: { id: 'v_exc', kind: 'state', population: 'exc', variable: 'v', neurons: [0, 1] },
    });
    expect(doc.probes).toHaveLength(3);
    doc = applyEdit(doc, {
      type: 'updateProbe',
      probe: { id: 'v_exc', kind: 'state', population: 'exc', variable: 'v', neurons: [4] },
    });
    expect(doc.probes[2]).toMatchObject({ neurons: [4] });
    doc = applyEdit(doc, { type: 'removeProbe', id: 'spk_exc' });
    expect(doc.probes.map((p) => p.id)).toEqual(['spk_inp', 'v_exc']);
    doc = applyEdit(doc, { type: 'updateStimulus', id: 'step1', patch: { amplitude: 5 } });
    expect(doc.stimuli[0]).toMatchObject({ amplitude: 5 });
    doc = applyEdit(doc, { type: 'removeStimulus', id: 'step1' });
    expect(doc.stimuli).toEqual([]);
  });

  it('updates run settings', () => {
    const next = applyEdit(fixtureDocument(), { type: 'updateRun', patch: { dt: 0.5 } });
    expect(next.run).toEqual({ dt: 0.5, duration: 100, seed: 1, backend: 'reference' });
  });
});

describe('copy and paste fragments', () => {
  it('remaps every id and keeps the projections among the copied populations', () => {
    const doc = fixtureDocument();
    const fragment = extractFragment(doc, ['inp', 'exc']);
    const {
      document: next,
      populationIds,
      projectionIds,
    } = insertFragment(doc, fragment, {
      x: 40,
      y: 40,
    });
    expect(next.populations).toHaveLength(4);
    expect(next.projections).toHaveLength(4);
    const all = [...next.populations, ...next.projections, ...next.stimuli, ...next.probes];
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    const [newInp, newExc] = populationIds;
    expect(newInp).not.toBe('inp');
    expect(newExc).not.toBe('exc');
    const copied = next.projections.filter((p) => projectionIds.includes(p.id));
    expect(copied.map((p) => [p.source, p.target])).toEqual([
      [newInp, newExc],
      [newExc, newExc],
    ]);
    expect(next.populations[3]?.position).toEqual({ x: 240, y: 40 });
    // Stimuli and probes follow their population.
    expect(next.stimuli[1]?.target).toBe(newExc);
    expect(
      next.probes
        .slice(2)
        .filter(isPopulationProbe)
        .map((p) => p.population),
    ).toEqual([newExc, newInp]);
  });

  it('drops projections whose other end was not copied', () => {
    const doc = fixtureDocument();
    const fragment = extractFragment(doc, ['exc']);
    expect(fragment.projections.map((p) => p.id)).toEqual(['exc_exc']);
    const { document: next } = insertFragment(doc, fragment, { x: 0, y: 0 });
    const added = next.projections[2];
    expect(added?.source).toBe(added?.target);
    expect(added?.source).toBe(next.populations[2]?.id);
  });

  it('duplicate is the same as copy then paste', () => {
    const doc = fixtureDocument();
    const dup = applyEdit(doc, {
      type: 'duplicate',
      populationIds: ['exc'],
      projectionIds: [],
      offset: { x: 40, y: 40 },
    });
    const pasted = applyEdit(doc, {
      type: 'paste',
      fragment: extractFragment(doc, ['exc']),
      offset: { x: 40, y: 40 },
    });
    expect(dup).toEqual(pasted);
  });
});
