/**
 * Every NIR fixture (written by the NIR reference library, scripts/nir-fixtures) imports with
 * the fixture's dt and discretisation, runs on the reference and wasm backends, and gives
 * exactly the spikes and traces the fixture's independent numpy simulation computed.
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { importNir } from '../../../src/model/interchange/nir/import.ts';
import {
  fixtureNames,
  loadFixture,
  runDocument,
  traceRows,
  withFixtureRun,
} from './nir-map-helpers.ts';

const BACKENDS = [
  ['reference', createReferenceBackend],
  ['wasm', createWasmBackend],
] as const;

describe.each(fixtureNames())('fixture %s', (name) => {
  it('imports with nothing left out and the expected populations', async () => {
    const { graph, expected } = await loadFixture(name);
    const { document, report } = importNir(graph, {
      dt: expected.dt,
      timeUnit: expected.time_unit,
      discretisation: expected.discretisation,
    });
    expect(report.notImported).toEqual([]);
    for (const [id, node] of Object.entries(expected.nodes)) {
      const pop = document.populations.find((p) => p.id === id);
      expect(pop?.model, id).toBe('nir_neuron');
      expect(pop?.size).toBe(node.shape.reduce((a, b) => a * b, 1));
    }
  });

  it.each(BACKENDS)('runs on %s with the expected spikes and traces', async (_, factory) => {
    const { graph, expected } = await loadFixture(name);
    const imported = importNir(graph, {
      dt: expected.dt,
      timeUnit: expected.time_unit,
      discretisation: expected.discretisation,
    });
    const chunk = await runDocument(withFixtureRun(imported.document, expected), factory);
    for (const [id, node] of Object.entries(expected.nodes)) {
      const size = node.shape.reduce((a, b) => a * b, 1);
      if (node.spikes !== undefined) {
        const got = chunk.spikes[id];
        expect(
          { steps: Array.from(got?.steps ?? []), indices: Array.from(got?.indices ?? []) },
          id,
        ).toEqual(node.spikes);
      }
      if (node.v !== undefined)
        expect(traceRows(chunk, `${id}:v`, size), `${id} v`).toEqual(
          node.v.map((r) => r.map(Math.fround)),
        );
      if (node.i_syn !== undefined) {
        expect(traceRows(chunk, `${id}:i_syn`, size), `${id} i_syn`).toEqual(
          node.i_syn.map((r) => r.map(Math.fround)),
        );
      }
    }
  });
});
