/**
 * The user's own series in the engine: a `current_series` stimulus and a Poisson
 * `rate_series`. A series that is constant over a window runs exactly as the current step or
 * constant-rate Poisson it spells out; a varying one runs bit for bit alike on the reference,
 * wasm and gpu (cpu mode) backends, in chunks that cut its segments; and a rate series fires at
 * each segment's rate.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { createOnMode } from '../../../src/engine/backends/gpu/index.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import type { NetworkDocument, Population, Stimulus } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { exportRefusals } from '../../../src/hdl/core-refusals.ts';
import { lifPopulation, makeDocument, tutorialLif } from '../engine/fixtures/documents.ts';
import { expectIdentical, runChunks } from '../engine/wasm-compare.ts';

/** A validated copy (defaults filled), or the issues as a failed expectation. */
function valid(doc: NetworkDocument): NetworkDocument {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.document;
}

/** A noisy LIF population driven by `stimulus`, recording spikes and v of three neurons. */
function lifDriven(stimulus: Stimulus): NetworkDocument {
  return valid(
    makeDocument(
      {
        populations: [lifPopulation('n', 7, tutorialLif({ noise_std: 0.02, tau_mem: 10 }))],
        stimuli: [stimulus],
        probes: [
          { id: 's', kind: 'spikes', population: 'n' },
          { id: 'v', kind: 'state', population: 'n', variable: 'v', neurons: [0, 3, 6] },
        ],
      },
      { dt: 0.1, duration: 40, seed: 9 },
    ),
  );
}

/** A Poisson population of `size` with `params`, recording spikes and its rate. */
function poisson(
  params: Extract<Population, { model: 'poisson' }>['params'],
  size = 50,
  duration = 60,
): NetworkDocument {
  return valid(
    makeDocument(
      {
        populations: [{ id: 'p', size, position: { x: 0, y: 0 }, model: 'poisson', params }],
        probes: [{ id: 's', kind: 'spikes', population: 'p' }],
      },
      { dt: 0.1, duration, seed: 4 },
    ),
  );
}

const reference = (doc: NetworkDocument, chunk = 97): Promise<Chunk> =>
  runChunks(createReferenceBackend, compile(doc), chunk);

describe('current_series', () => {
  it('a series that is a step runs exactly as that current_step', async () => {
    const step = lifDriven({
      id: 'i',
      kind: 'current_step',
      target: 'n',
      start: 5,
      stop: 25,
      amplitude: 0.15,
    });
    const series = lifDriven({
      id: 'i',
      kind: 'current_series',
      target: 'n',
      times: [5, 25],
      values: [0.15, 0],
    });
    const expected = await reference(step);
    expect(expected.spikes['n']?.steps.length).toBeGreaterThan(5);
    expectIdentical(await reference(series), expected);
  });

  it('a varying series runs bit for bit alike on reference, wasm and gpu:cpu', async () => {
    const times = Array.from({ length: 60 }, (_, k) => k * 0.55 + 1);
    const values = times.map((_, k) => 0.12 + 0.08 * Math.sin(k / 3));
    const doc = lifDriven({ id: 'i', kind: 'current_series', target: 'n', times, values });
    const expected = await reference(doc, 400);
    expect(expected.spikes['n']?.steps.length).toBeGreaterThan(10);
    expectIdentical(await reference(doc, 37), expected);
    expectIdentical(await runChunks(createWasmBackend, compile(doc), 53), expected);
    expectIdentical(
      await runChunks((p) => createOnMode(p, 'cpu', { callLengths: [16, 4] }), compile(doc), 61),
      expected,
    );
  });
});

describe('rate_series', () => {
  it('a constant series runs exactly as the constant rate', async () => {
    const expected = await reference(poisson({ rate: 80 }));
    const series = await reference(poisson({ rate: 5, rate_series: { times: [0], rates: [80] } }));
    expectIdentical(series, expected);
  });

  it('fires at each segment rate, alike on reference, wasm and gpu:cpu', async () => {
    // 0 Hz until 10 ms, 400 Hz to 30 ms, 50 Hz after: 1000 neurons give tight counts.
    const doc = poisson({ rate: 0, rate_series: { times: [10, 30], rates: [400, 50] } }, 1000, 60);
    const chunk = await reference(doc, 64);
    const steps = chunk.spikes['p']?.steps ?? new Uint32Array();
    const count = (from: number, to: number) => steps.filter((t) => t >= from && t < to).length;
    expect(count(0, 100)).toBe(0);
    // Expected 1000 * 400 Hz * 20 ms = 8000 (sd ~ 85) and 1000 * 50 Hz * 30 ms = 1500 (sd ~ 39).
    expect(Math.abs(count(100, 300) - 8000)).toBeLessThan(400);
    expect(Math.abs(count(300, 600) - 1500)).toBeLessThan(200);
    expectIdentical(await runChunks(createWasmBackend, compile(doc), 45), chunk);
    expectIdentical(
      await runChunks((p) => createOnMode(p, 'cpu', { callLengths: [16, 4] }), compile(doc), 70),
      chunk,
    );
  });

  it('is refused by the Verilog export, whose Poisson rate is a constant', () => {
    const doc = poisson({ rate: 0, rate_series: { times: [0, 10], rates: [40, 5] } }, 4, 20);
    expect(exportRefusals(doc)).toEqual([
      {
        path: 'populations[0].params.rate_series',
        message:
          "population 'p' follows a rate series: the Verilog core's Poisson rate is a constant " +
          'loaded with the network; give it a constant rate, or play recorded spikes from a spike_generator',
      },
    ]);
  });
});
