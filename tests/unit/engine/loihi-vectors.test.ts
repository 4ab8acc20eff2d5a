/**
 * Loihi populations against brian2-loihi, step for step: v, I and spikes of every neuron of the
 * cases in fixtures/loihi-vectors.json (scripts/loihi_vectors.py), and the worked example
 * typed in from the issue itself.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendChoice } from '../../../src/model/document.ts';
import { LOIHI_CASES, loihiCaseDocument, type LoihiCase } from './fixtures/loihi-documents.ts';
import { runDocument } from './fixtures/run.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';

/** Rows [t][neuron] of a state probe. */
function rows(chunk: Chunk, probe: string, width: number): number[][] {
  const block = chunk.traces[probe];
  if (!block) throw new Error(`no probe ${probe}`);
  return Array.from(block.steps, (_, k) =>
    Array.from(block.values.subarray(k * width, (k + 1) * width)),
  );
}

function spikes(chunk: Chunk, population: string): [number, number][] {
  const block = chunk.spikes[population];
  if (!block) throw new Error(`no spikes of ${population}`);
  const out = Array.from(block.steps, (t, k): [number, number] => [block.indices[k] ?? -1, t]);
  return out.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

const byTime = (list: [number, number][]): [number, number][] =>
  [...list].sort((a, b) => a[1] - b[1] || a[0] - b[0]);

async function expectMatches(c: LoihiCase, backend: BackendChoice): Promise<void> {
  const chunk = await runDocument(loihiCaseDocument(c), backend);
  c.groups.forEach((g, k) => {
    const want = c.expected[k];
    if (!want) throw new Error(`case ${c.name}: no expectation for group ${k}`);
    expect(rows(chunk, `g${k}_v`, g.size), `${c.name}: v of g${k}`).toEqual(want.v);
    expect(rows(chunk, `g${k}_i`, g.size), `${c.name}: I of g${k}`).toEqual(want.I);
    expect(spikes(chunk, `g${k}`), `${c.name}: spikes of g${k}`).toEqual(byTime(want.spikes));
  });
}

describe('Loihi populations reproduce brian2-loihi (reference backend)', () => {
  it('has the fixture cases the script writes', () => {
    expect(LOIHI_CASES.length).toBeGreaterThan(50);
  });

  it("the issue's worked example, values typed in from the issue", async () => {
    const c = LOIHI_CASES.find((x) => x.name === 'worked example (issue 5)');
    if (!c) throw new Error('worked example missing from the fixture');
    const chunk = await runDocument(loihiCaseDocument(c), 'reference');
    const v = rows(chunk, 'g0_v', 3);
    const i = rows(chunk, 'g0_i', 3);
    const column = (m: number[][], n: number): number[] => m.map((r) => r[n] ?? NaN);
    expect(column(v, 0)).toEqual([0, 3200, 0, 0, 0, 0, 0, 0, 0, 0, 3894, 0]);
    expect(column(v, 1)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3997]);
    expect(column(v, 2)).toEqual([
      0, -3840, -6367, -2178, 731, -1144, -6234, -9556, -11593, -12705, -13160, -13155,
    ]);
    expect(column(i, 0)).toEqual([
      0, 3200, 2418, 14627, 11055, 11556, 11934, 9020, 6817, 5152, 3894, 2943,
    ]);
    expect(column(i, 1)).toEqual([
      0, 7680, 5805, 6307, 4767, 11283, 16208, 12250, 9259, 6998, 5289, 3997,
    ]);
    expect(column(i, 2)).toEqual([
      0, -3840, -2902, 3567, 2696, -1803, -5202, -3931, -2971, -2245, -1696, -1281,
    ]);
    expect(spikes(chunk, 'g0')).toEqual([
      [1, 1],
      [0, 2],
      [1, 3],
      [0, 4],
      [1, 5],
      [0, 6],
      [1, 7],
      [0, 8],
      [1, 9],
      [0, 11],
    ]);
  });

  for (const c of LOIHI_CASES) {
    it(c.name, async () => {
      await expectMatches(c, 'reference');
    });
  }
});

describe('Loihi populations reproduce brian2-loihi (wasm backend)', () => {
  it('runs on the wasm kernel itself', async () => {
    const c = LOIHI_CASES[0];
    if (!c) throw new Error('no cases');
    const sim = await createSimulation(loihiCaseDocument(c), { backend: 'wasm' });
    expect(sim.backend).toBe('wasm');
    sim.dispose();
  });

  for (const c of LOIHI_CASES) {
    it(c.name, async () => {
      await expectMatches(c, 'wasm');
    });
  }
});
