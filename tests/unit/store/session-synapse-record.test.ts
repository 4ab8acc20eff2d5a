/**
 * Synapse probes on the page side: the run record keeps them by probe id (window and full
 * record), the export hands them to the CLI's writers with the state traces, and the weights
 * figure labels each line by projection, variable, synapse and its neurons.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentJson } from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import { RunRecord } from '../../../src/store/session/record.ts';
import { exportRun, toRecording } from '../../../src/store/session/export.ts';
import { synapseEnds, synapseLines } from '../../../src/app/plots/synapse-lines.ts';

function example(): NetworkDocument {
  const text = readFileSync(
    new URL('../../../public/examples/loihi-learning.json', import.meta.url),
    'utf8',
  );
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error('loihi-learning.json is invalid');
  return parsed.document;
}

async function recorded(windowMs: number): Promise<RunRecord> {
  const doc = example();
  const sim = await createSimulation(doc, { backend: 'reference' });
  const record = new RunRecord(doc, doc.run.dt, windowMs);
  try {
    for (let done = 0; done < 200; done += 50) record.append(await sim.step(50));
  } finally {
    sim.dispose();
  }
  return record;
}

describe('synapse probes in the run record', () => {
  it('keeps weights and traces by probe id, windowed and in full', async () => {
    const record = await recorded(100);
    const w = record.synapseTraces.get('stdp_w');
    expect(w).toMatchObject({ projection: 'stdp', variable: 'w', synapses: [0, 1] });
    expect(w?.full.length).toBe(200);
    expect(w?.window.length).toBe(100);
    expect(w?.window.steps[0]).toBe(100);
    // Input 0's weight has grown and input 1's shrunk after 10 pairings.
    const last = (w?.full.length ?? 0) - 1;
    expect(w?.full.values[2 * last]).toBeGreaterThan(100);
    expect(w?.full.values[2 * last + 1]).toBeLessThan(60);
    expect(record.synapseTraces.get('stdp_x1')?.variable).toBe('x1');
    expect(record.traces.has('stdp_w')).toBe(false);
  });

  it("exports them in the CLI's JSON under synapses, from the full record", async () => {
    const record = await recorded(100);
    const recording = toRecording(record);
    expect(recording.traces.get('stdp_w')?.values.length).toBe(400);
    expect(recording.traces.get('neuron_v')?.values.length).toBe(200);
    const out = exportRun(record, 'reference');
    const w = out.synapses.stdp_w;
    expect(w).toMatchObject({ projection: 'stdp', variable: 'w', synapses: [0, 1] });
    expect(w?.t.length).toBe(200);
    const full = record.synapseTraces.get('stdp_w')?.full;
    expect(w?.values[0]?.[199]).toBe(full?.values[2 * 199]);
    expect(w?.values[1]?.[0]).toBe(full?.values[1]);
    expect(Object.keys(out.synapses).sort()).toEqual(['stdp_w', 'stdp_x1']);
    expect(Object.keys(out.traces)).toEqual(['neuron_v']);
  });

  it('draws one labelled line per synapse, weights apart from traces', async () => {
    const record = await recorded(100);
    const weights = synapseLines(record, 400, 'weights');
    expect(weights.lines.map((l) => l.label)).toEqual(['stdp w #0 (0→0)', 'stdp w #1 (1→0)']);
    expect(weights.unit).toBe('w (mantissa)');
    expect(weights.lines[0]?.x.length).toBe(100);
    const traces = synapseLines(record, 400, 'traces');
    expect(traces.lines.map((l) => l.label)).toEqual(['stdp x1 #0 (0→0)', 'stdp x1 #1 (1→0)']);
  });
});

describe('synapseEnds', () => {
  it('follows connection order (sources, then targets), skipping self without allow_self', () => {
    const doc = example();
    const projection = doc.projections[0];
    if (projection === undefined) throw new Error('no projection');
    const neuron = doc.populations[1];
    if (neuron === undefined) throw new Error('no neuron');
    neuron.size = 3;
    expect([0, 1, 2, 3, 4, 5].map((n) => synapseEnds(doc, 'stdp', n))).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    projection.target = 'inputs';
    projection.connectivity = { rule: 'all_to_all', allow_self: false };
    expect([0, 1].map((n) => synapseEnds(doc, 'stdp', n))).toEqual([
      [0, 1],
      [1, 0],
    ]);
    projection.connectivity = { rule: 'one_to_one' };
    expect(synapseEnds(doc, 'stdp', 1)).toEqual([1, 1]);
    projection.connectivity = { rule: 'fixed_probability', p: 0.5, allow_self: true };
    expect(synapseEnds(doc, 'stdp', 1)).toBeUndefined();
  });
});
