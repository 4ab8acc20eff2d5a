/**
 * Shared pieces of the NIR mapping tests: read a fixture (`tests/fixtures/nir/<name>.nir` and
 * its `.expected.json`, written by scripts/nir-fixtures/make_fixtures.py), give an imported
 * document the fixture's input spikes and probes, and run a document on a backend.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendFactory } from '../../../src/engine/backends/backend.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import type { NetworkDocument, Probe } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { readNirFile, type NirGraph } from '../../../src/model/interchange/nir/graph.ts';

export const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/nir');

export interface Expected {
  dt: number;
  time_unit: 's' | 'ms';
  discretisation: 'exact' | 'euler';
  steps: number;
  inputs: Record<string, { steps: number[]; indices: number[] }>;
  nodes: Record<
    string,
    {
      type: string;
      shape: number[];
      spikes?: { steps: number[]; indices: number[] };
      v?: number[][];
      i_syn?: number[][];
      coefficients: Record<string, number[]>;
    }
  >;
}

/** Names of every fixture (`lif_affine`, ...). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.nir'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** A fixture's graph and expected results. */
export async function loadFixture(name: string): Promise<{ graph: NirGraph; expected: Expected }> {
  const bytes = new Uint8Array(readFileSync(join(FIXTURE_DIR, `${name}.nir`)));
  const { graph } = await readNirFile(bytes);
  const expected = JSON.parse(
    readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8'),
  ) as Expected;
  return { graph, expected };
}

/**
 * The imported document with the fixture's input spikes on its spike generators, its probes
 * replaced by what the fixture records (spikes of spiking nodes, v and i_syn of the others), and
 * the fixture's length.
 */
export function withFixtureRun(doc: NetworkDocument, expected: Expected): NetworkDocument {
  const dtMs = doc.run.dt;
  const populations = doc.populations.map((p) => {
    const input = expected.inputs[p.id];
    if (p.model !== 'spike_generator' || input === undefined) return p;
    return {
      ...p,
      params: { indices: input.indices, times: input.steps.map((s) => s * dtMs), period: 0 },
    };
  });
  const probes: Probe[] = [];
  for (const [id, node] of Object.entries(expected.nodes)) {
    const size = node.shape.reduce((a, b) => a * b, 1);
    const neurons = Array.from({ length: size }, (_, i) => i);
    if (node.spikes !== undefined)
      probes.push({ id: `${id}:spikes`, kind: 'spikes', population: id });
    if (node.v !== undefined)
      probes.push({ id: `${id}:v`, kind: 'state', population: id, variable: 'v', neurons });
    if (node.i_syn !== undefined) {
      probes.push({ id: `${id}:i_syn`, kind: 'state', population: id, variable: 'i_syn', neurons });
    }
  }
  return { ...doc, populations, probes, run: { ...doc.run, duration: expected.steps * dtMs } };
}

/** Validates `doc` (throwing every issue) and runs it to the end on `factory`. */
export async function runDocument(doc: NetworkDocument, factory: BackendFactory): Promise<Chunk> {
  const valid = validateDocument(doc);
  if (!valid.ok) throw new Error(valid.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const plan = compile(valid.document);
  const runner = await factory(plan);
  try {
    return mergeChunks([await runner.run(plan.totalSteps)]);
  } finally {
    runner.dispose();
  }
}

/** A trace block as [step][neuron] numbers. */
export function traceRows(chunk: Chunk, id: string, size: number): number[][] {
  const block = chunk.traces[id];
  if (block === undefined) throw new Error(`no trace ${id}`);
  const rows: number[][] = [];
  for (let s = 0; s < block.steps.length; s += 1)
    rows.push(Array.from(block.values.subarray(s * size, (s + 1) * size)));
  return rows;
}
