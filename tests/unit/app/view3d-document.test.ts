import { describe, expect, it } from 'vitest';
import { formatIssue, validateDocument } from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { applyEdit } from '../../../src/store/document/reduce.ts';
import { validDocument } from '../model/helpers.ts';

const layout = { shape: 'sphere', center: { x: 1, y: -2, z: 3 }, spacing: 1.5 } as const;

function withLayout(value: unknown): unknown {
  const doc = JSON.parse(JSON.stringify(validDocument())) as { populations: object[] };
  (doc.populations[1] as Record<string, unknown>).layout3d = value;
  return doc;
}

function messages(value: unknown): string[] {
  const result = validateDocument(withLayout(value));
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('Population.layout3d', () => {
  it('is optional and kept as written', () => {
    const result = validateDocument(withLayout(layout));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.document.populations[1]!.layout3d).toEqual(layout);
    const plain = validateDocument(validDocument());
    expect(plain.ok && plain.document.populations[1]!.layout3d).toBe(undefined);
  });

  it('refuses a bad shape, spacing or center, naming the field', () => {
    expect(messages({ ...layout, shape: 'torus' })).toEqual([
      'populations[1].layout3d.shape: must be one of grid, sphere, layer, got "torus"',
    ]);
    expect(messages({ ...layout, spacing: 0 })).toEqual([
      'populations[1].layout3d.spacing: must be > 0, got 0',
    ]);
    expect(messages({ ...layout, center: { x: 0, y: 0 } })[0]).toMatch(
      /^populations\[1\]\.layout3d\.center\.z: /,
    );
    expect(messages({ ...layout, center: { x: 2e5, y: 0, z: 0 } })[0]).toMatch(
      /^populations\[1\]\.layout3d\.center\.x: must be <= 100000/,
    );
  });

  it('is set and removed by updatePopulation (undefined removes it)', () => {
    const doc: NetworkDocument = validDocument();
    const set = applyEdit(doc, {
      type: 'updatePopulation',
      id: 'exc',
      patch: { layout3d: layout },
    });
    expect(set.populations[1]!.layout3d).toEqual(layout);
    expect(doc.populations[1]!.layout3d).toBe(undefined);
    const removed = applyEdit(set, {
      type: 'updatePopulation',
      id: 'exc',
      patch: { layout3d: undefined },
    });
    expect('layout3d' in removed.populations[1]!).toBe(false);
    expect(removed.populations[1]!.label).toBe(set.populations[1]!.label);
  });
});
