/** Random parts of a run: Poisson sources, membrane noise, and reproducibility by seed. */
import { describe, expect, it } from 'vitest';
import type { Population } from '../../../src/model/document.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { runDocument } from './fixtures/run.ts';

function poisson(id: string, size: number, rate: number): Population {
  return { id, size, position: { x: 0, y: 0 }, model: 'poisson', params: { rate } };
}

describe('Poisson sources', () => {
  it('fire with probability rate*dt per step (binomial count within 4 sigma)', async () => {
    const doc = makeDocument(
      {
        populations: [poisson('P', 1000, 20)],
        probes: [
          { id: 's', kind: 'spikes', population: 'P' },
          { id: 'r', kind: 'rate', population: 'P', bin: 1 },
        ],
      },
      { dt: 1, duration: 1000 },
    );
    const chunk = await runDocument(doc);
    const n = chunk.spikes['P']?.steps.length ?? 0;
    const trials = 1000 * 1000;
    const p = 0.02;
    expect(Math.abs(n - trials * p)).toBeLessThan(4 * Math.sqrt(trials * p * (1 - p)));
    // The rate probe counts the same spikes step by step.
    const counts = chunk.counts['r']?.counts ?? new Uint32Array(0);
    expect(counts.length).toBe(1000);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
    // Every neuron fires about 20 times: none silent, none wildly off (Poisson sd ~4.5).
    const perNeuron = new Uint32Array(1000);
    for (const j of chunk.spikes['P']?.indices ?? []) perNeuron[j] = (perNeuron[j] ?? 0) + 1;
    expect(Math.min(...perNeuron)).toBeGreaterThan(0);
    expect(Math.max(...perNeuron)).toBeLessThan(45);
  });

  it('fire every step at rate*dt = 1000', async () => {
    const doc = makeDocument(
      {
        populations: [poisson('P', 7, 10_000)],
        probes: [{ id: 's', kind: 'spikes', population: 'P' }],
      },
      { dt: 0.1, duration: 5 },
    );
    expect((await runDocument(doc)).spikes['P']?.steps.length).toBe(7 * 50);
  });
});

describe('membrane noise', () => {
  it('adds N(0, noise_std^2) per step: a non-leaky V random-walks with variance n*std^2', async () => {
    const size = 4000;
    const steps = 100;
    const doc = makeDocument(
      {
        populations: [
          lifPopulation('n', size, tutorialLif({ tau_mem: 1e9, v_threshold: 1e6, noise_std: 0.1 })),
        ],
        probes: [
          {
            id: 'v',
            kind: 'state',
            population: 'n',
            variable: 'v',
            neurons: Array.from({ length: size }, (_, j) => j),
          },
        ],
      },
      { dt: 1, duration: steps },
    );
    const values = (await runDocument(doc)).traces['v']?.values ?? new Float32Array(0);
    const last = values.subarray((steps - 1) * size, steps * size);
    const mean = last.reduce((a, b) => a + b, 0) / size;
    const variance = last.reduce((a, b) => a + (b - mean) ** 2, 0) / size;
    // Expected variance 100 * 0.01 = 1; its sampling sd at n = 4000 is about 0.022.
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(size));
    expect(Math.abs(variance - 1)).toBeLessThan(0.1);
  });
});

describe('seeds', () => {
  const noisyNetwork = (seed: number) =>
    makeDocument(
      {
        populations: [
          poisson('in', 200, 30),
          lifPopulation(
            'out',
            100,
            tutorialLif({ noise_std: 0.05, v_init: { kind: 'uniform', low: 0, high: 1 } }),
          ),
        ],
        projections: [
          {
            id: 'p',
            source: 'in',
            target: 'out',
            connectivity: { rule: 'fixed_probability', p: 0.1, allow_self: false },
            weight: { kind: 'uniform', low: 0, high: 0.2 },
            delay: { kind: 'uniform_int', low: 0, high: 3 },
            synapse: { kind: 'delta' },
          },
        ],
        probes: [{ id: 's', kind: 'spikes', population: 'out' }],
      },
      { dt: 1, duration: 300, seed },
    );

  it('reproduce a run exactly, whatever the chunk size', async () => {
    const a = await runDocument(noisyNetwork(9), 'reference', 1000);
    const b = await runDocument(noisyNetwork(9), 'reference', 7);
    expect(a.spikes['out']?.steps.length).toBeGreaterThan(100);
    expect(b.spikes['out']).toEqual(a.spikes['out']);
  });

  it('give different runs for different seeds', async () => {
    const a = await runDocument(noisyNetwork(9));
    const b = await runDocument(noisyNetwork(10));
    expect(b.spikes['out']).not.toEqual(a.spikes['out']);
  });
});
