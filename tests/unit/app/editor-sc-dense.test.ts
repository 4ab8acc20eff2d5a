import { describe, expect, it } from 'vitest';
import { edgeSelection } from '../../../src/app/editor/apply-flow-changes.ts';
import { populationSummary } from '../../../src/app/editor/population-summary.ts';
import { ratesEdgeId, ratesEdgeLayer } from '../../../src/app/editor/rates-edge-id.ts';
import { buildEdges } from '../../../src/app/editor/useFlowElements.ts';
import { parseValues } from '../../../src/app/inspector/sc-values.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { scFixtureDocument } from '../store/sc-fixture.ts';

function population(doc: NetworkDocument, id: string) {
  const p = doc.populations.find((q) => q.id === id);
  if (p === undefined) throw new Error(`no population ${id}`);
  return p;
}

describe('SC dense layers on the canvas', () => {
  it('summarise where their inputs come from and the stream length', () => {
    const doc = scFixtureDocument();
    expect(populationSummary(population(doc, 'layer1'))).toBe('8 inputs · L 2048');
    expect(populationSummary(population(doc, 'layer2'))).toBe('rates of layer1 · L 2048');
  });

  it('draw one rates edge per layer that reads rates, beside the projections', () => {
    const doc: NetworkDocument = {
      ...scFixtureDocument(),
      projections: [
        {
          id: 'layer2_exc',
          source: 'layer2',
          target: 'exc',
          connectivity: { rule: 'all_to_all', allow_self: false },
          weight: { kind: 'constant', value: 0.5 },
          delay: { kind: 'constant', steps: 0 },
          synapse: { kind: 'delta' },
        },
      ],
    };
    const edges = buildEdges(doc, {
      populations: [],
      projections: [],
      rateInputs: ['layer2'],
    });
    expect(edges.map((e) => [e.id, e.type, e.source, e.target, e.selected])).toEqual([
      ['layer2_exc', 'projection', 'layer2', 'exc', false],
      ['rates:layer2', 'rates', 'layer1', 'layer2', true],
    ]);
    expect(edges[1]?.data).toEqual({
      layer: 'layer2',
      source: 'layer1',
      tau: 50,
      channels: 4,
      reciprocal: false,
    });
  });

  it('a projection back to a layer’s rates source is drawn apart from the rates edge', () => {
    const base = scFixtureDocument();
    const doc: NetworkDocument = {
      ...base,
      populations: base.populations.map((p) =>
        p.id === 'layer2' && p.model === 'sc_dense'
          ? {
              ...p,
              params: {
                ...p.params,
                inputs: { kind: 'rates', source: 'exc', tau: 100 },
                weights: [1, 1, 1, 1, 1, 1],
              },
            }
          : p,
      ),
      projections: [
        {
          id: 'back',
          source: 'layer2',
          target: 'exc',
          connectivity: { rule: 'all_to_all', allow_self: false },
          weight: { kind: 'constant', value: 0.5 },
          delay: { kind: 'constant', steps: 0 },
          synapse: { kind: 'delta' },
        },
      ],
    };
    const edges = buildEdges(doc, { populations: [], projections: [] });
    expect(edges.map((e) => e.data?.reciprocal)).toEqual([true, true]);
  });

  it('rates edge ids name their layer; other ids are not rates edges', () => {
    expect(ratesEdgeLayer(ratesEdgeId('layer 2'))).toBe('layer 2');
    expect(ratesEdgeLayer('exc_exc')).toBeNull();
  });

  it('React Flow’s select changes land on projections or rates inputs by id', () => {
    const start = { populations: ['exc'], projections: ['p1'] };
    const next = edgeSelection(
      start,
      [
        { type: 'select', id: 'rates:layer2', selected: true },
        { type: 'select', id: 'p1', selected: false },
      ],
      new Set(['p1']),
    );
    expect(next).toEqual({ populations: ['exc'], projections: [], rateInputs: ['layer2'] });
    // A projection whose id looks like a rates edge stays a projection.
    const odd = edgeSelection(
      { populations: [], projections: [] },
      [{ type: 'select', id: 'rates:x', selected: true }],
      new Set(['rates:x']),
    );
    expect(odd).toEqual({ populations: [], projections: ['rates:x'] });
    expect(
      edgeSelection(
        next ?? start,
        [{ type: 'select', id: 'rates:layer2', selected: false }],
        new Set(),
      ),
    ).toEqual({ populations: ['exc'], projections: [] });
  });
});

describe('constant input values typed as a list', () => {
  it('parses commas, spaces and semicolons', () => {
    expect(parseValues('0.3, 0.7;0.5  0.2')).toEqual({ ok: true, values: [0.3, 0.7, 0.5, 0.2] });
  });

  it('names the first bad entry and refuses an empty list', () => {
    expect(parseValues('0.3, 0.7x, 0.5')).toEqual({
      ok: false,
      message: 'Item 2: "0.7x" is not a number',
    });
    const empty = parseValues(' , ');
    expect(empty.ok).toBe(false);
    expect(empty.ok ? '' : empty.message).toContain('at least one');
  });
});
