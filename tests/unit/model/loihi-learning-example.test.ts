/**
 * The gallery's Loihi learning example: valid, and under pair-based STDP the weight of the
 * input that fires just before the neuron grows to the excitatory maximum while the other
 * input's shrinks to 0 (run on the reference backend, which steps CONTEXT.md step 5d), and
 * the automatic backend (wasm in Node, as on the page) records the same bits.
 */
import { readFileSync } from 'node:fs';
import type { Chunk } from '../../../src/engine/api.ts';
import { describe, expect, it } from 'vitest';
import { parseDocumentJson } from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { runToEnd } from '../../../src/engine/run-to-end.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';

function load(): NetworkDocument {
  const text = readFileSync(
    new URL('../../../public/examples/loihi-learning.json', import.meta.url),
    'utf8',
  );
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.document;
}

/** Column `column` of a two-synapse trace block. */
function column(values: Float32Array, column: number): number[] {
  return Array.from({ length: values.length / 2 }, (_, k) => values[2 * k + column] ?? NaN);
}

describe('loihi-learning.json', () => {
  it('learns in opposite directions for the input before and the input after the spike', async () => {
    const doc = load();
    const sim = await createSimulation(doc, { backend: 'reference' });
    try {
      const chunk = await runToEnd(sim, 1000);
      const w = chunk.traces.stdp_w;
      expect(w?.steps.length).toBe(doc.run.duration);
      const before = column(w?.values ?? new Float32Array(), 0);
      const after = column(w?.values ?? new Float32Array(), 1);
      // Starts from the mantissas; w[0] only rises (by LTP, minus a little LTD) up to 255.
      expect(before[0]).toBeGreaterThanOrEqual(100);
      expect(before.at(-1)).toBe(255);
      expect(before[100]).toBeGreaterThan(before[0] ?? 0);
      // w[1] falls to 0 and stays there.
      expect(after[0]).toBeLessThanOrEqual(60);
      expect(after[100]).toBeLessThan(after[0] ?? 0);
      expect(after.at(-1)).toBe(0);
      expect(after.every((v, k) => k === 0 || v <= (after[k - 1] ?? 0) + 2)).toBe(true);
      // The neuron fires once per period, driven by input 0.
      const spikes = chunk.spikes.neuron?.steps.length ?? 0;
      expect(spikes).toBe(doc.run.duration / 20);
      // The pre trace x1 of both synapses is an integer in 1..127 after its input spikes.
      const x1 = chunk.traces.stdp_x1?.values ?? new Float32Array();
      expect(Math.max(...x1)).toBeLessThanOrEqual(127);
      expect(Math.max(...column(x1, 0))).toBeGreaterThan(0);
      expect(Math.max(...column(x1, 1))).toBeGreaterThan(0);
      expect(Array.from(x1).every((v) => Number.isInteger(v))).toBe(true);
    } finally {
      sim.dispose();
    }
  });

  it('runs on the automatic backend (wasm) with the reference bits', async () => {
    const doc = load();
    const runOn = async (backend: 'reference' | 'auto'): Promise<[string, Chunk]> => {
      const sim = await createSimulation(doc, { backend });
      try {
        return [sim.backend, await runToEnd(sim, 1000)];
      } finally {
        sim.dispose();
      }
    };
    const [, reference] = await runOn('reference');
    const [backend, auto] = await runOn('auto');
    expect(backend).toBe('wasm');
    for (const probe of ['stdp_w', 'stdp_x1', 'neuron_v']) {
      expect(Array.from(auto.traces[probe]?.values ?? []), probe).toEqual(
        Array.from(reference.traces[probe]?.values ?? [NaN]),
      );
    }
    expect(Array.from(auto.spikes.neuron?.steps ?? [])).toEqual(
      Array.from(reference.spikes.neuron?.steps ?? [NaN]),
    );
  });
});
