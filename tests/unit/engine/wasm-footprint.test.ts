/** Bytes of connectivity per synapse in the wasm backend: the benchmark's memory column. */
import { describe, expect, it } from 'vitest';
import { connectivityFootprint } from '../../../src/engine/backends/wasm/footprint.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { cubaDocument, lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';

/** 20 sources onto `targets` neurons, all to all, per-synapse weights and delays. */
function fanOut(targets: number): NetworkDocument {
  return makeDocument({
    populations: [
      { id: 'P', size: 20, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 5 } },
      lifPopulation('L', targets, tutorialLif()),
    ],
    projections: [
      {
        id: 'PL',
        source: 'P',
        target: 'L',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'normal', mean: 1, std: 0.2 },
        delay: { kind: 'uniform_int', low: 0, high: 9 },
        synapse: { kind: 'delta' },
      },
    ],
  });
}

describe('wasm connectivity footprint', () => {
  it('CUBA (shared weight and delay) keeps 16-bit targets: about 2 bytes per synapse', () => {
    const f = connectivityFootprint(compile(cubaDocument()));
    expect(f.synapses).toBeGreaterThan(300_000);
    // 2 bytes of target per synapse plus a 4-byte row pointer per source neuron and projection
    // (E->E, E->I: 3201 each; I->E, I->I: 801 each), about 80 synapses per row.
    expect(f.bytesPerSynapse).toBeCloseTo(2 + (4 * 8004) / f.synapses, 6);
    expect(f.bytesPerSynapse).toBeLessThan(2.15);
  });

  it('per-synapse weights and delays: 7 bytes (u16 targets), 8 with delays packed in u32 targets', () => {
    const small = connectivityFootprint(compile(fanOut(60_000)));
    expect(small.bytesPerSynapse).toBeCloseTo(2 + 4 + 1 + (4 * 21) / small.synapses, 6);
    const large = connectivityFootprint(compile(fanOut(70_000)));
    expect(large.synapses).toBe(20 * 70_000);
    expect(large.bytesPerSynapse).toBeCloseTo(4 + 4 + (4 * 21) / large.synapses, 6);
    expect(large.bytesPerSynapse).toBeLessThanOrEqual(8.0001);
  });
});
