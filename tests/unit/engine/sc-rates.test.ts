/**
 * `sc_dense` layers fed by another population's rates (CONTEXT.md steps 1b and 5b): the trace
 * is read one step after the spike that moved it, it estimates the source's rate in spikes per
 * ms, and the tutorial's section 5 network (layer 1's rates into layer 2) responds to layer 1.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { NetworkDocument, Population } from '../../../src/model/document.ts';
import {
  runLibrary,
  scLayer,
  section4Params,
  section5Layer1,
  section5Layer2,
} from './fixtures/sc-documents.ts';
import { runDocument, traceOf } from './fixtures/run.ts';

const f = Math.fround;

function documentOf(
  populations: Population[],
  probes: NetworkDocument['probes'],
  duration: number,
): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'SC rates',
    populations,
    projections: [],
    stimuli: [],
    probes,
    run: { dt: 1, duration, seed: 3, backend: 'reference' },
  };
}

function spikeCount(chunk: Chunk, population: string): number {
  return chunk.spikes[population]?.steps.length ?? 0;
}

describe('the rates trace', () => {
  it('is read one step after the spike that raised it', async () => {
    // Any trace above 0 maps to p = 1 (x_max 1e-6) and every weight is w_max: from the step
    // after source neuron c first fires, channel c is on every step (for ~500 steps of decay).
    const generator: Population = {
      id: 'G',
      size: 2,
      position: { x: 0, y: 0 },
      model: 'spike_generator',
      params: { indices: [0, 1], times: [5, 10], period: 0 },
    };
    const layer = scLayer(
      'L',
      1,
      section4Params({
        inputs: { kind: 'rates', source: 'G', tau: 50 },
        weights: [1, 1],
        x_max: 1e-6,
        noise_std: 0,
      }),
    );
    const chunk = await runDocument(
      documentOf(
        [generator, layer],
        [{ id: 'i', kind: 'state', population: 'L', variable: 'i_syn', neurons: [0] }],
        300,
      ),
    );
    const one = f(f(0.1) * 1);
    const two = f(f(0.1) * 2);
    const expected = Array.from({ length: 300 }, (_, t) => (t <= 5 ? 0 : t <= 10 ? one : two));
    expect(traceOf(chunk, 'i')).toEqual(expected);
  });

  it('of a Poisson source converges to rate / 1000 spikes per ms', async () => {
    // 64 sources at 50 Hz, weights all on, y 0..1 'sum': Isc = k, the number of channels whose
    // input bit is on, and E[k] = sum_c E[r_c] / x_max. Streams of 2^20 bits never repeat a
    // draw in the run, so over 20,000 steps the estimate's sd is about 0.5% (64,000 source
    // spikes: 0.4%; 1.3 M Bernoulli bits with p near 0.1: 0.3%); the tolerance is 3%.
    const rate = 50;
    const channels = 64;
    const xMax = 0.5;
    const source: Population = {
      id: 'P',
      size: channels,
      position: { x: 0, y: 0 },
      model: 'poisson',
      params: { rate },
    };
    const layer = scLayer(
      'L',
      1,
      section4Params({
        inputs: { kind: 'rates', source: 'P', tau: 20 },
        weights: new Array<number>(channels).fill(1),
        x_max: xMax,
        length: 2 ** 20,
        y_max: 1,
        noise_std: 0,
      }),
    );
    const steps = 20_000;
    const chunk = await runDocument(
      documentOf(
        [source, layer],
        [{ id: 'i', kind: 'state', population: 'L', variable: 'i_syn', neurons: [0] }],
        steps,
      ),
      'reference',
      5000,
    );
    // Skip 10 time constants while the trace rises from 0.
    const k = traceOf(chunk, 'i').slice(200);
    const meanK = k.reduce((a, b) => a + b, 0) / k.length;
    const estimate = (meanK / channels) * xMax;
    expect(Math.abs(estimate - rate / 1000) / (rate / 1000)).toBeLessThan(0.03);
  });
});

describe('tutorial section 5: layer 1 rates drive layer 2', () => {
  const probes: NetworkDocument['probes'] = [
    { id: 's1', kind: 'spikes', population: 'L1' },
    { id: 's2', kind: 'spikes', population: 'L2' },
    { id: 'i2', kind: 'state', population: 'L2', variable: 'i_syn', neurons: [0] },
  ];

  function network(layer1Values?: number[]): NetworkDocument {
    const l1 = section5Layer1(
      layer1Values === undefined ? {} : { inputs: { kind: 'constant', values: layer1Values } },
    );
    return documentOf(
      [scLayer('L1', 4, l1), scLayer('L2', 2, section5Layer2('L1', 50))],
      probes,
      1000,
    );
  }

  it('layer 1 is the library’s layer, undisturbed by the layer it feeds', async () => {
    const chunk = await runDocument(network());
    const library = runLibrary(section5Layer1(), 4, 1000);
    const rows = Array.from({ length: 4 }, () => new Uint8Array(1000));
    const block = chunk.spikes.L1;
    block?.steps.forEach((t, k) => {
      (rows[block.indices[k] ?? 0] as Uint8Array)[t] = 1;
    });
    expect(rows).toEqual(library.spikes);
  });

  it('layer 2 fires, starts from no input, and goes quiet when layer 1 is silenced', async () => {
    const driven = await runDocument(network());
    const hz = (chunk: Chunk, id: string, size: number) => spikeCount(chunk, id) / size;
    expect(hz(driven, 'L1', 4)).toBeGreaterThan(100);
    expect(hz(driven, 'L2', 2)).toBeGreaterThan(50);
    // At step 0 every trace is 0, so no channel of layer 2 is on.
    expect(traceOf(driven, 'i2')[0]).toBe(0);

    const silenced = await runDocument(network(new Array<number>(8).fill(0)));
    expect(spikeCount(silenced, 'L1')).toBe(0);
    expect(spikeCount(silenced, 'L2')).toBe(0);
    expect(traceOf(silenced, 'i2').every((i) => i === 0)).toBe(true);
  });

  it('layer 2’s rate follows layer 1’s: weaker inputs, fewer spikes in both', async () => {
    const full = await runDocument(network());
    const weak = await runDocument(network([0.1, 0.2, 0.1, 0.2, 0.15, 0.1, 0.2, 0.05]));
    expect(spikeCount(weak, 'L1')).toBeLessThan(spikeCount(full, 'L1') * 0.7);
    expect(spikeCount(weak, 'L1')).toBeGreaterThan(0);
    expect(spikeCount(weak, 'L2')).toBeLessThan(spikeCount(full, 'L2') * 0.7);
  });

  it('does not depend on the order of the layers in the document', async () => {
    const doc = network();
    const reversed = { ...doc, populations: [...doc.populations].reverse() };
    const a = await runDocument(doc);
    const b = await runDocument(reversed);
    expect(b.spikes.L2).toEqual(a.spikes.L2);
    expect(b.spikes.L1).toEqual(a.spikes.L1);
  });
});
