/**
 * `sc_dense` on the reference backend against the stochastic-computing library (`src/engine/sc`),
 * an independent implementation of the same layer built from bitstreams: tutorial section 4 as
 * a document must step bit for bit like `SCDenseLayer(4, ..., 42)`, V trace included, and the
 * `i_syn` probe must read the SC current `currentByCount[k]` of every step.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { estimateMemory } from '../../../src/engine/compile/memory-estimate.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import { BitstreamCurrentSource, SCDenseLayer } from '../../../src/engine/sc/index.ts';
import { ReferenceRunner } from '../../../src/engine/backends/reference/runner.ts';
import type { ScDenseParams } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { scDocument } from '../model/helpers.ts';
import { mutate, rng } from '../model/random-values.ts';
import { layerDocument, runLibrary, section4Params } from './fixtures/sc-documents.ts';
import { runDocument, traceOf } from './fixtures/run.ts';

/** Spike trains of population `L`, one row of `steps` flags per neuron (the library's shape). */
function trains(chunk: Chunk, size: number, steps: number): Uint8Array[] {
  const block = chunk.spikes.L;
  if (!block) throw new Error('no spikes of L');
  const rows = Array.from({ length: size }, () => new Uint8Array(steps));
  block.steps.forEach((t, k) => {
    (rows[block.indices[k] ?? 0] as Uint8Array)[t] = 1;
  });
  return rows;
}

/** V of every neuron after each step, as the library's `Float32Array.from(state.v)` rows. */
function vRows(chunk: Chunk, size: number): Float32Array[] {
  const block = chunk.traces.v;
  if (!block) throw new Error('no v probe');
  return Array.from(block.steps, (_, k) => block.values.slice(k * size, (k + 1) * size));
}

function count(rows: Uint8Array[]): number {
  return rows.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
}

describe('tutorial section 4 as a document', () => {
  it('spikes exactly like SCDenseLayer(4, ..., base_seed 42).run(500)', async () => {
    const params = section4Params();
    const chunk = await runDocument(layerDocument(params));
    const layer = new SCDenseLayer(
      4,
      [0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8],
      [0.5, 0.6, 0.4, 0.3, 0.7, 0.5, 0.8, 0.2],
      0,
      1,
      0,
      1,
      2048,
      0,
      0.1,
      1,
      { tauMem: 20, vThreshold: 1, noiseStd: 0.02 },
      42,
    );
    layer.run(500);
    const mine = trains(chunk, 4, 500);
    expect(mine).toEqual(layer.getSpikeTrains());
    // The tutorial's layer fires (~180 Hz with 'sum'); identical silence would prove nothing.
    expect(count(mine)).toBeGreaterThan(4 * 50);
    expect(vRows(chunk, 4)).toEqual(runLibrary(params, 4, 500).v);
  });

  it.each<[string, Partial<ScDenseParams>, { dt?: number; steps?: number }]>([
    ['without noise', { noise_std: 0 }, {}],
    ["with 'mean' scaling (below threshold: V only)", { scaling: 'mean' }, {}],
    ['with a 3 ms refractory period', { refractory_period: 3 }, {}],
    ['with 64-bit streams that wrap 7 times', { length: 64 }, {}],
    ['at dt 0.5 ms', {}, { dt: 0.5 }],
    ['with another seed, offset and scale', { base_seed: 7, y_min: 0.01, y_max: 0.08 }, {}],
  ])('matches the library %s', async (_name, over, { dt = 1, steps = 500 }) => {
    const params = section4Params(over);
    const chunk = await runDocument(layerDocument(params, 4, { dt, duration: steps * dt }));
    const library = runLibrary(params, 4, steps, dt);
    expect(trains(chunk, 4, steps)).toEqual(library.spikes);
    expect(vRows(chunk, 4)).toEqual(library.v);
    expect(traceOf(chunk, 'i')).toEqual(library.current);
  });

  it('gives the same run however it is split into chunks', async () => {
    const doc = layerDocument(section4Params({ length: 100 }));
    const whole = await runDocument(doc, 'reference', 1000);
    const pieces = await runDocument(doc, 'reference', 7);
    expect(trains(pieces, 4, 500)).toEqual(trains(whole, 4, 500));
    expect(vRows(pieces, 4)).toEqual(vRows(whole, 4));
  });

  it('adds a stimulus to the SC current: a silent layer fires only while it is on', async () => {
    // 'mean' leaves the layer below threshold (steady V about 0.58); +0.03 lifts it over.
    const params = section4Params({ scaling: 'mean' });
    const stimulus = {
      id: 'on',
      kind: 'current_step' as const,
      target: 'L',
      start: 100,
      stop: 300,
      amplitude: 0.03,
    };
    const chunk = await runDocument(layerDocument(params, 4, {}, [stimulus]));
    const amplitude = Math.fround(0.03);
    const library = runLibrary(params, 4, 500, 1, (t) => (t >= 100 && t < 300 ? amplitude : 0));
    const rows = trains(chunk, 4, 500);
    expect(rows).toEqual(library.spikes);
    expect(vRows(chunk, 4)).toEqual(library.v);
    const silent = await runDocument(layerDocument(params, 4));
    expect(count(trains(silent, 4, 500))).toBe(0);
    const early = rows.flatMap((row) => Array.from(row.subarray(0, 100)));
    expect(early.every((b) => b === 0)).toBe(true);
    expect(count(rows)).toBeGreaterThan(4 * 5);
    // i_syn is the SC current alone, the stimulus is not part of it.
    expect(traceOf(chunk, 'i')).toEqual(library.current);
  });
});

describe('the i_syn probe of a layer records the SC current', () => {
  const params = section4Params();
  const source = new BitstreamCurrentSource(
    [0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8],
    0,
    1,
    [0.5, 0.6, 0.4, 0.3, 0.7, 0.5, 0.8, 0.2],
    0,
    1,
    2048,
    0,
    0.1,
    42,
  );

  it('reads currentByCount[k] every step, the library source’s current', async () => {
    const doc = layerDocument(params);
    const table = compile(doc).populations[0]?.model;
    if (table?.model !== 'sc_dense') throw new Error('sc_dense plan expected');
    const values = traceOf(await runDocument(doc), 'i');
    expect(values).toHaveLength(500);
    const allowed = new Set(table.currentByCount);
    for (const value of values) expect(allowed.has(value)).toBe(true);
    expect(values).toEqual(Array.from({ length: 500 }, (_, t) => source.currentAt(t)));
  });

  it('averages to fullCurrentEstimate() over one stream length, and near it over 500 steps', async () => {
    const full = traceOf(await runDocument(layerDocument(params, 1, { duration: 2048 })), 'i');
    const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Every bit position once: the same ones as the streams' popcounts, up to float32 sums.
    expect(meanOf(full)).toBeCloseTo(source.fullCurrentEstimate(), 6);
    // 500 steps: 8 Bernoulli bits a step; sd of the mean <= span sqrt(sum p(1-p) / 500).
    const probabilities = source.productStreams.map((s) => {
      let ones = 0;
      for (let i = 0; i < 2048; i++) ones += ((s.words[i >>> 5] ?? 0) >>> (i & 31)) & 1;
      return ones / 2048;
    });
    const sd = 0.1 * Math.sqrt(probabilities.reduce((a, p) => a + p * (1 - p), 0) / 500);
    const mean500 = meanOf(full.slice(0, 500));
    expect(Math.abs(mean500 - source.fullCurrentEstimate())).toBeLessThan(4 * sd);
  });
});

describe('numerical errors in a layer', () => {
  it('stops with NumericalError when the SC current is not a number', async () => {
    // span = fround(6e38) overflows to Infinity and Infinity * 0 is NaN: currentByCount[0].
    const doc = layerDocument(section4Params({ y_min: -3e38, y_max: 3e38 }));
    const error = await runDocument(doc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NumericalError);
    expect(error).toMatchObject({ population: 'L', variable: 'v' });
  });
});

describe('memory of a layer', () => {
  it('counts V, refr, vInit and spikes per neuron, keys and thresholds per channel, the table', () => {
    const doc = layerDocument(section4Params(), 4);
    // 4 neurons x 16 B + 8 channels x 16 B + 9 table entries x 4 B.
    const bytes = 4 * 16 + 8 * 16 + 9 * 4;
    expect(estimateMemory(doc).neuronBytes).toBe(bytes);
    expect(compile(doc).estimatedBytes).toBe(bytes);
  });
});

describe('whatever validation accepts compiles and steps', () => {
  it('on randomly damaged SC documents that still validate', () => {
    const next = rng(7);
    let accepted = 0;
    for (let i = 0; i < 600; i++) {
      const doc = JSON.parse(JSON.stringify(scDocument())) as Record<string, unknown>;
      mutate(doc, next);
      const result = validateDocument(doc);
      if (!result.ok) continue;
      accepted++;
      const runner = new ReferenceRunner(compile(result.document));
      try {
        runner.runSync(5);
      } catch (error) {
        // Huge but finite parameters may still overflow float32; that is reported, not a crash.
        expect(error).toBeInstanceOf(NumericalError);
      }
    }
    expect(accepted).toBeGreaterThan(50);
  });
});
