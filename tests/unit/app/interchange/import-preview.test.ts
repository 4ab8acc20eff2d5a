import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../../../src/app/interchange/import-preview.ts';
import { readNirFile } from '../../../../src/model/interchange/nir/graph.ts';
import {
  importNir,
  type NirImportOptions,
  type NirImportResult,
} from '../../../../src/model/interchange/nir/import.ts';

const bytes = new Uint8Array(readFileSync('tests/fixtures/nir/conv2d_pool.nir'));
const options = { dt: 1e-3, timeUnit: 's', discretisation: 'exact', duration: 50 } as const;

describe('previewImport', () => {
  it('maps a fixture to a validated document and its report', async () => {
    const { graph } = await readNirFile(bytes);
    const preview = previewImport({ importNir }, graph, options);
    if (!preview.ok) throw new Error(preview.problems.join('\n'));
    expect(preview.document.run.duration).toBe(50);
    expect(preview.document.populations.map((p) => p.id).sort()).toEqual([
      'if1',
      'if2',
      'input',
      'lif',
    ]);
    expect(preview.report.rows.map((r) => r.node)).toContain('lif');
  });

  it('turns a mapping error into a problem, with no report', async () => {
    const { graph } = await readNirFile(bytes);
    const preview = previewImport({ importNir }, graph, { ...options, dt: 0 });
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.report).toBeNull();
    expect(!preview.ok && preview.problems[0]).toMatch(/dt/);
  });

  it('lists the validation issues of a document the page would refuse, keeping the report', async () => {
    const { graph } = await readNirFile(bytes);
    const broken = (g: typeof graph, o: NirImportOptions): NirImportResult => {
      const result = importNir(g, o);
      const [first, ...rest] = result.document.populations;
      if (first === undefined) throw new Error('no population');
      return {
        ...result,
        document: { ...result.document, populations: [{ ...first, size: -1 }, ...rest] },
      };
    };
    const preview = previewImport({ importNir: broken }, graph, options);
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.report?.rows.length).toBeGreaterThan(0);
    expect(!preview.ok && preview.problems.join('\n')).toMatch(/populations\[0\]\.size/);
  });
});
