import { describe, expect, it } from 'vitest';
import { pickNeuron } from '../../../src/app/view3d/pick.ts';
import { probeNeuronEdit } from '../../../src/app/view3d/probe-neuron.ts';
import { CANVAS_VIEW_KEY, readCanvasView } from '../../../src/app/view3d/view-store.ts';
import { neuronPositions } from '../../../src/app/view3d/layout.ts';
import { applyEdit } from '../../../src/store/document/reduce.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { validDocument } from '../model/helpers.ts';

describe('pickNeuron', () => {
  const layout = { shape: 'grid', center: { x: 0, y: 0, z: 0 }, spacing: 2 } as const;
  const target = {
    id: 'exc',
    positions: neuronPositions(27, layout),
    center: layout.center,
    radius: 2,
    spacing: 2,
  };

  it('hits the neuron nearest the camera along the ray', () => {
    // Looking down -z through the column x = -2, y = 0: neurons 3, 12, 21 (z = -2, 0, 2).
    const hit = pickNeuron([target], { x: -2, y: 0, z: 50 }, { x: 0, y: 0, z: -1 });
    expect(hit?.population).toBe('exc');
    expect(hit?.index).toBe(21);
    expect(hit?.distance).toBeCloseTo(48, 6);
    const back = pickNeuron([target], { x: -2, y: 0, z: -50 }, { x: 0, y: 0, z: 1 });
    expect(back?.index).toBe(3);
  });

  it('misses between neurons and outside the population, and behind the camera', () => {
    expect(pickNeuron([target], { x: -1, y: 0, z: 50 }, { x: 0, y: 0, z: -1 })).toBe(null);
    expect(pickNeuron([target], { x: 40, y: 0, z: 50 }, { x: 0, y: 0, z: -1 })).toBe(null);
    expect(pickNeuron([target], { x: -2, y: 0, z: 50 }, { x: 0, y: 0, z: 1 })).toBe(null);
  });
});

describe('probeNeuronEdit', () => {
  it('adds the neuron to the population v probe, or makes one; the result validates', () => {
    const doc = validDocument(); // exc already records v of neurons 0 and 5
    const joined = probeNeuronEdit(doc, 'exc', 7);
    expect(joined.kind).toBe('edit');
    if (joined.kind !== 'edit') return;
    expect(joined.probeId).toBe('exc_v');
    const after = applyEdit(doc, joined.edit);
    expect(after.probes.find((p) => p.id === 'exc_v')).toMatchObject({ neurons: [0, 5, 7] });
    expect(validateDocument(after).ok).toBe(true);

    const fresh = { ...doc, probes: doc.probes.filter((p) => p.id !== 'exc_v') };
    const added = probeNeuronEdit(fresh, 'exc', 3);
    expect(added).toMatchObject({
      kind: 'edit',
      probeId: 'exc_v',
      edit: {
        type: 'addProbe',
        probe: { id: 'exc_v', kind: 'state', population: 'exc', variable: 'v', neurons: [3] },
      },
    });
  });

  it('says why not for a probed neuron, a spike source, or a neuron that does not exist', () => {
    const doc = validDocument();
    expect(probeNeuronEdit(doc, 'exc', 5)).toEqual({
      kind: 'none',
      reason: 'exc neuron 5 is already probed',
    });
    expect(probeNeuronEdit(doc, 'input', 0)).toEqual({
      kind: 'none',
      reason: 'input is a spike source: it has no membrane potential',
    });
    const size = doc.populations[1]!.size;
    expect(probeNeuronEdit(doc, 'exc', size)).toEqual({
      kind: 'none',
      reason: `exc has no neuron ${size}`,
    });
  });
});

describe('readCanvasView', () => {
  it('reads a remembered view and falls back to 2D', () => {
    const store = (value: string | null) => ({
      getItem: (k: string) => (k === CANVAS_VIEW_KEY ? value : null),
    });
    expect(readCanvasView(store('split'))).toBe('split');
    expect(readCanvasView(store('3d'))).toBe('3d');
    expect(readCanvasView(store('4d'))).toBe('2d');
    expect(readCanvasView(store(null))).toBe('2d');
    expect(
      readCanvasView({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe('2d');
  });
});
