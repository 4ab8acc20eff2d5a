/**
 * The sweep worker's service (workers/sweep-service.ts, run here without comlink) and the
 * Sweep panel's remembered settings (src/app/sweep/sweep-settings.ts).
 */
import { describe, expect, it } from 'vitest';
import { createSweepService } from '../../../workers/sweep-service.ts';
import {
  defaultSettings,
  fitSettings,
  loadSettings,
  saveSettings,
  SWEEP_SETTINGS_KEY,
} from '../../../src/app/sweep/sweep-settings.ts';
import { mixedNetwork } from './sweep-networks.ts';

const spec = {
  path: 'stimuli/s1/amplitude',
  range: { kind: 'range' as const, from: 0, to: 6, count: 3 },
  population: 'A',
};

describe('sweep service', () => {
  it('runs a sweep with progress, refuses a second at once, and reports failures as text', async () => {
    const service = createSweepService();
    const doc = mixedNetwork(30);
    const progress: number[] = [];
    const first = service.run({ document: doc, spec, backend: 'reference' }, (d) => {
      progress.push(d);
    });
    const second = await service.run({ document: doc, spec, backend: 'reference' }, () => {});
    expect(second).toEqual({ ok: false, cancelled: false, message: 'a sweep is already running' });
    const outcome = await first;
    if (!outcome.ok) throw new Error('the sweep should succeed');
    expect(outcome.result.points.map((p) => p.value)).toEqual([0, 3, 6]);
    expect(progress.at(-1)).toBe(60);
    const bad = await service.run(
      {
        document: doc,
        spec: { ...spec, range: { kind: 'list', values: [12, -5] }, path: 'populations/B/size' },
        backend: 'reference',
      },
      () => {},
    );
    expect(bad).toMatchObject({ ok: false, cancelled: false });
    expect(!bad.ok && !bad.cancelled && bad.message).toMatch(
      /^variant 1: populations\[3\]\.size: /,
    );
  });

  it('answers cancelled when cancel arrives during the run', async () => {
    const service = createSweepService();
    const run = service.run({ document: mixedNetwork(400), spec, backend: 'reference' }, () => {
      service.cancel();
    });
    expect(await run).toEqual({ ok: false, cancelled: true });
  });
});

describe('sweep settings', () => {
  const doc = mixedNetwork();

  it('defaults to a stimulus amplitude around its value and the last neuron population', () => {
    expect(defaultSettings(doc)).toEqual({
      path: 'stimuli/s1/amplitude',
      from: 0.625,
      to: 2.5,
      count: 8,
      population: 'B',
      backend: 'gpu',
    });
  });

  it('keeps what fits the document and replaces what does not', () => {
    const saved = {
      path: 'projections/GA/weight/value',
      from: 1,
      to: 9,
      count: 4.4,
      population: 'A',
      backend: 'wasm' as const,
    };
    expect(fitSettings(saved, doc)).toEqual({ ...saved, count: 4 });
    const foreign = fitSettings(
      { ...saved, path: 'stimuli/zz/amplitude', population: 'Q', backend: 'cuda' as never },
      doc,
    );
    expect(foreign).toEqual({ ...defaultSettings(doc), count: 4 });
  });

  it('round-trips through storage and forgets a damaged entry', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(loadSettings(storage)).toBeNull();
    const settings = defaultSettings(doc);
    saveSettings(storage, settings);
    expect(loadSettings(storage)).toEqual(settings);
    store.set(SWEEP_SETTINGS_KEY, '{not json');
    expect(loadSettings(storage)).toBeNull();
  });
});
