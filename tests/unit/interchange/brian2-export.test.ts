/**
 * The Brian2 export, run under Debian's Brian2 (python3-brian, numpy target) against Spikelab's
 * own run of the same document: a deterministic network spike for spike, CUBA in statistics.
 * CI installs python3-brian; a missing Brian2 fails these tests, it never skips them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/cli/run/json-output.ts';
import { deterministicDocument, runBrian2, runSpikelab, valid } from './brian2-fixtures.ts';

/** CUBA statistics of a run: mean rate, mean CV of ISIs, E/I rate ratio, E/I drive ratio. */
function cubaStatistics(run: RunOutput, durationMs: number) {
  const e = run.spikes['exc'];
  const i = run.spikes['inh'];
  if (e === undefined || i === undefined) throw new Error('missing exc/inh spikes');
  const byNeuron = new Map<number, number[]>();
  const add = (t: number[], idx: number[], offset: number) =>
    idx.forEach((n, k) => {
      const list = byNeuron.get(n + offset) ?? [];
      list.push(t[k] ?? 0);
      byNeuron.set(n + offset, list);
    });
  add(e.t, e.i, 0);
  add(i.t, i.i, 3200);
  const cvs: number[] = [];
  for (const times of byNeuron.values()) {
    if (times.length < 3) continue;
    const isi = times.slice(1).map((t, k) => t - (times[k] ?? 0));
    const mean = isi.reduce((a, b) => a + b, 0) / isi.length;
    const sd = Math.sqrt(isi.reduce((a, b) => a + (b - mean) ** 2, 0) / isi.length);
    cvs.push(sd / mean);
  }
  return {
    rateHz: ((e.t.length + i.t.length) * 1000) / (4000 * durationMs),
    cv: cvs.reduce((a, b) => a + b, 0) / cvs.length,
    rateRatio: e.t.length / 3200 / (i.t.length / 800),
    // <ge>/|<gi>| from spike counts: we*taue*N_E spikes over wi*taui*N_I (tests/unit/engine/cuba.test.ts).
    drive: (e.t.length * 1.62 * 5) / (i.t.length * 9 * 10),
  };
}

describe('Brian2 export run under Brian2', () => {
  it('gives the same spikes, step for step, on a deterministic network (delta, exponential, delays, generator, Izhikevich, AdEx)', async () => {
    const doc = deterministicDocument();
    const [ours, theirs] = await Promise.all([runSpikelab(doc, 'reference'), runBrian2(doc)]);
    expect(Object.keys(theirs.spikes).sort()).toEqual(Object.keys(ours.spikes).sort());
    for (const [id, spikes] of Object.entries(ours.spikes)) {
      expect(spikes.t.length, id).toBeGreaterThan(3);
      expect(theirs.spikes[id], id).toEqual(spikes);
    }
    expect(theirs.meta.steps).toBe(ours.meta.steps);
    expect(theirs.meta.total_spikes).toBe(ours.meta.total_spikes);
    // float64 in Brian2, float32 here: the traces agree to float32's precision.
    const a = ours.traces['lif_v'];
    const b = theirs.traces['lif_v'];
    expect(b?.t).toEqual(a?.t);
    a?.values.forEach((row, n) =>
      row.forEach((v, k) => expect(Math.abs((b?.values[n]?.[k] ?? NaN) - v)).toBeLessThan(1e-3)),
    );
  }, 120_000);

  it("CUBA's rate, CV of ISIs and E/I balance agree with Spikelab's within issue 2's tolerance", async () => {
    // 400 ms keeps the numpy run short; neurons with >= 3 spikes still number in the hundreds.
    const text = readFileSync(
      new URL('../../../public/examples/cuba.json', import.meta.url),
      'utf8',
    );
    const parsed = JSON.parse(text) as { run: { duration: number } };
    parsed.run.duration = 400;
    const doc = valid(parsed);
    const [ours, theirs] = await Promise.all([runSpikelab(doc, 'wasm'), runBrian2(doc)]);
    const s = cubaStatistics(ours, 400);
    const b = cubaStatistics(theirs, 400);
    // Issue 2's bands (tests/unit/engine/cuba.test.ts): total spikes 20,000..26,000 a second
    // (+-13 % about the middle), CV 0.45..0.60, E/I rates 0.85..1.15, drive 0.32..0.40; the
    // two runs must lie within a band's half-width of each other.
    expect(b.rateHz).toBeGreaterThan(3);
    expect(Math.abs(b.rateHz - s.rateHz) / s.rateHz).toBeLessThan(0.13);
    expect(Math.abs(b.cv - s.cv)).toBeLessThan(0.075);
    expect(Math.abs(b.rateRatio - s.rateRatio)).toBeLessThan(0.15);
    expect(Math.abs(b.drive - s.drive)).toBeLessThan(0.04);
    // The rate probes are binned as Spikelab bins them.
    expect(theirs.rates['exc_rate']?.t).toEqual(ours.rates['exc_rate']?.t);
  }, 180_000);
});
