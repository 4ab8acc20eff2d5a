/**
 * The report's formulas state the very coefficients the engine steps with: for every neuron
 * node of every fixture, each `leak`/`gain`/`synDecay`/`synGain` row ends in `= value` (or a
 * per-neuron range) equal to the compiled plan's float32 arrays, which in turn equal the
 * fixture's independently computed coefficients.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import type { NirNeuronPlan } from '../../../src/engine/plan.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { importNir } from '../../../src/model/interchange/nir/import.ts';
import { formatNirReport } from '../../../src/model/interchange/nir/report.ts';
import { fixtureNames, loadFixture } from './nir-map-helpers.ts';

/** The value a formula ends with: `= 0.0487706` -> [x, x]; `= [3] 0.1..0.2` -> [0.1, 0.2]. */
function statedRange(formula: string): [number, number] {
  const tail = formula.slice(formula.lastIndexOf('= ') + 2).trim();
  const all = /^\[\d+\] all (\S+)$/.exec(tail);
  if (all) return [Number(all[1]), Number(all[1])];
  const range = /^\[\d+\] (\S+)\.\.(\S+)$/.exec(tail);
  if (range) return [Number(range[1]), Number(range[2])];
  return [Number(tail), Number(tail)];
}

describe.each(fixtureNames())('report of fixture %s', (name) => {
  it('states the compiled coefficients', async () => {
    const { graph, expected } = await loadFixture(name);
    const { document, report } = importNir(graph, {
      dt: expected.dt,
      timeUnit: expected.time_unit,
      discretisation: expected.discretisation,
    });
    const valid = validateDocument(document);
    if (!valid.ok) throw new Error('invalid');
    const plan = compile(valid.document);
    for (const [id, node] of Object.entries(expected.nodes)) {
      const model = plan.populations.find((p) => p.id === id)?.model as NirNeuronPlan | undefined;
      const row = report.rows.find((r) => r.node === id);
      expect(model?.model).toBe('nir_neuron');
      if (model === undefined || row === undefined) throw new Error(`${id}: no plan or row`);
      const keys = ['leak', 'gain', ...(model.cuba ? ['synDecay', 'synGain'] : [])] as const;
      for (const key of keys) {
        const values = Array.from(model[key as 'leak']);
        const formula = row.mapping.find((m) => m.param === key)?.formula ?? '';
        const [lo, hi] = statedRange(formula);
        expect([Math.fround(lo), Math.fround(hi)], `${id}.${key}: ${formula}`).toEqual([
          Math.min(...values),
          Math.max(...values),
        ]);
        expect(values, `${id}.${key} against the fixture`).toEqual(
          node.coefficients[key]?.map(Math.fround),
        );
      }
    }
    expect(formatNirReport(report)).toContain('Everything was mapped.');
  });
});

describe('the notes answer the known confusions', () => {
  it('IF has no decay, dt scaling of r and w_in, one step per layer', async () => {
    const { graph, expected } = await loadFixture('if_linear');
    const { report } = importNir(graph, {
      dt: expected.dt,
      timeUnit: 's',
      discretisation: 'exact',
    });
    const text = report.notes.join('\n');
    expect(text).toContain('IF and I have no decay');
    expect(text).toContain('dt scaling');
    expect(text).toContain('w_in');
    expect(text).toContain('each layer answers one step later');
    const ifRow = report.rows.find((r) => r.type === 'IF');
    expect(ifRow?.mapping.find((m) => m.param === 'r')?.formula).toContain('r = r_nir * 1e-3');
  });
});
