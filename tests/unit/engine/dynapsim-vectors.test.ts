/**
 * The float32 DynapSim step against `scripts/dynapsim_vectors.py`, a float64 transcription of
 * Rockpool's `DynapSim.evolve` equations (Rockpool itself cannot be installed here): spike steps
 * equal, Imem within the float32 rounding that accumulates over 400 steps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DynapsimParams } from '../../../src/model/document.ts';
import { dynapsimDocument } from './fixtures/dynapsim-documents.ts';
import { runDocument, spikeStepsOf, traceOf } from './fixtures/run.ts';

interface Vector {
  name: string;
  params: Partial<DynapsimParams>;
  input_steps: number[];
  input_weight: number;
  imem: number[];
  spikes: number[];
}

const VECTORS = JSON.parse(
  readFileSync(new URL('./fixtures/dynapsim-vectors.json', import.meta.url), 'utf8'),
) as Vector[];

describe('DynapSim step against the float64 transcription of Rockpool', () => {
  it.each(VECTORS.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
    const doc = dynapsimDocument(vector.params, {
      duration: vector.imem.length,
      probes: [{ id: 'imem', kind: 'state', population: 'D', variable: 'v', neurons: [0] }],
    });
    if (vector.input_steps.length > 0) {
      // The script's input is consumed at step t; a generator spike at t - 1 is delivered in
      // step t - 1 and consumed at t (CONTEXT.md step 2e).
      doc.populations.push({
        id: 'G',
        model: 'spike_generator',
        size: 1,
        position: { x: 0, y: 0 },
        params: {
          indices: vector.input_steps.map(() => 0),
          times: vector.input_steps.map((t) => t - 1),
          period: 0,
        },
      });
      doc.projections.push({
        id: 'in',
        source: 'G',
        target: 'D',
        connectivity: { rule: 'one_to_one' },
        weight: { kind: 'constant', value: vector.input_weight },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'dpi' },
      });
    }
    const chunk = await runDocument(doc);
    expect(spikeStepsOf(chunk, 'D')).toEqual(vector.spikes);
    const imem = traceOf(chunk, 'imem');
    let worst = 0;
    vector.imem.forEach((expected, t) => {
      worst = Math.max(worst, Math.abs((imem[t] ?? NaN) - expected) / expected);
    });
    // Measured: at most 1.0e-4 (the adapting case), 1.6e-6 to 8.9e-6 for the others.
    expect(worst).toBeLessThan(5e-4);
  });
});
