import { describe, expect, it } from 'vitest';
import { RunRecord } from '../../../src/store/session/record.ts';
import { exportCsv, exportRun } from '../../../src/store/session/export.ts';
import { fakeDocument, fakeSimulation } from './session-fakes.ts';

async function record() {
  const doc = fakeDocument(1000);
  const sim = fakeSimulation(doc);
  const r = new RunRecord(doc, doc.run.dt, 1);
  r.append(await sim.step(2));
  r.append(await sim.step(2));
  return r;
}

describe('session export', () => {
  it('writes the CLI JSON format from the full record, not the window', async () => {
    const out = exportRun(await record(), 'wasm');
    expect(out.meta).toMatchObject({
      backend: 'wasm',
      dt: 0.5,
      steps: 4,
      wall_ms: 2,
      seed: 7,
      network: 'fake',
      total_spikes: 8,
      truncated: false,
    });
    expect(out.spikes).toEqual({
      a: { t: [0, 0.5, 1, 1.5], i: [0, 1, 2, 0] },
      b: { t: [0, 0.5, 1, 1.5], i: [0, 1, 0, 1] },
    });
    expect(out.traces['va']).toEqual({
      t: [0, 0.5, 1, 1.5],
      neurons: [0, 2],
      values: [
        [0, 1, 2, 3],
        [0.1, 1.1, 2.1, 3.1],
      ],
    });
    // One spike per step among 3 neurons, 1 ms bins of 2 steps: 2/3 spikes per ms per neuron.
    expect(out.rates['ra']?.t).toEqual([0, 1]);
    expect(out.rates['ra']?.hz[0]).toBeCloseTo(666.667, 2);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('writes the CLI spike CSV in time order', async () => {
    expect(exportCsv(await record()).split('\n')).toEqual([
      'population,index,t_ms',
      'a,0,0',
      'b,0,0',
      'a,1,0.5',
      'b,1,0.5',
      'a,2,1',
      'b,0,1',
      'a,0,1.5',
      'b,1,1.5',
      '',
    ]);
  });
});
