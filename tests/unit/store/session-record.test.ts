import { describe, expect, it } from 'vitest';
import { RunRecord } from '../../../src/store/session/record.ts';
import { SpikeSeries, lowerBound } from '../../../src/store/session/series.ts';
import { binRates } from '../../../src/store/session/rates.ts';
import { fakeDocument, fakeSimulation } from './session-fakes.ts';

async function recordOf(steps: number, windowMs: number, limits?: RunRecord['limits']) {
  const doc = fakeDocument(1000);
  const sim = fakeSimulation(doc);
  const record = new RunRecord(doc, doc.run.dt, windowMs, limits);
  for (let done = 0; done < steps; done += 5) record.append(await sim.step(5));
  return record;
}

describe('run record', () => {
  it('keeps a sliding window for plots and the full run for export', async () => {
    const record = await recordOf(40, 5); // 20 ms recorded, window 5 ms = 10 steps
    const a = record.spikes.get('a');
    expect(a?.full.length).toBe(40);
    expect(a?.window.length).toBe(10);
    expect(a?.window.steps[0]).toBe(30);
    const v = record.traces.get('va');
    expect(v?.window.length).toBe(10);
    // Neuron 2 (second column) after step 31 is 31.1.
    expect(v?.window.values[3]).toBeCloseTo(31.1, 5);
    expect(record.rates.get('ra')?.full.length).toBe(40);
    expect(record.endStep).toBe(40);
    expect(record.wallMs).toBe(8);
  });

  it('caps the full record and says it was truncated', async () => {
    const record = await recordOf(40, 5, { maxSpikes: 12, maxSamples: 100, maxCountSteps: 100 });
    expect(record.spikes.get('a')?.full.length).toBe(12);
    expect(record.truncated).toBe(true);
    // The window keeps streaming past the cap.
    expect(record.spikes.get('a')?.window.steps[0]).toBe(30);
  });

  it('notifies subscribers once per chunk and bumps its version', async () => {
    const doc = fakeDocument(1000);
    const sim = fakeSimulation(doc);
    const record = new RunRecord(doc, doc.run.dt, 1000);
    let calls = 0;
    const off = record.subscribe(() => calls++);
    record.append(await sim.step(3));
    record.append(await sim.step(3));
    off();
    record.append(await sim.step(3));
    expect(calls).toBe(2);
    expect(record.version).toBe(3);
  });
});

describe('series helpers', () => {
  it('grows past its initial capacity and drops a prefix by step', () => {
    const s = new SpikeSeries();
    const n = 5000;
    s.append(
      Int32Array.from({ length: n }, (_, k) => k >> 1),
      Uint32Array.from({ length: n }, (_, k) => k),
    );
    expect(s.length).toBe(n);
    s.dropBefore(2000);
    expect(s.length).toBe(1000);
    expect(s.indices[0]).toBe(4000);
    expect(s.firstAtOrAfter(2400)).toBe(800);
  });

  it('lowerBound finds the first element not below the value', () => {
    const a = Int32Array.from([1, 3, 3, 5]);
    expect([0, 1, 3, 4, 5, 6].map((v) => lowerBound(a, 4, v))).toEqual([0, 0, 1, 3, 3, 4]);
  });

  it('bins counts into rates per neuron in Hz, dropping a partial last bin', () => {
    // 10 neurons, dt 1 ms, 5 ms bins: 5 spikes in the first bin = 5/10/5ms = 100 Hz.
    const counts = Uint32Array.from([1, 1, 1, 1, 1, 0, 0, 2, 0, 0, 9]);
    expect(binRates(counts, 0, 11, 1, 5, 10)).toEqual({ t: [0, 5], hz: [100, 40] });
  });
});
