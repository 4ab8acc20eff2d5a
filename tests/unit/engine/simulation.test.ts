/** `createSimulation`: validation, backend resolution, stepping bounds, reset and errors. */
import { describe, expect, it } from 'vitest';
import {
  BackendUnavailableError,
  DocumentInvalidError,
  MemoryBudgetError,
  NumericalError,
  createSimulation,
  mergeChunks,
} from '../../../src/engine/index.ts';
import type { NetworkDocument, Population, Projection } from '../../../src/model/document.ts';
import { cubaDocument, lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { runDocument } from './fixtures/run.ts';

const tutorial = (steps: number) =>
  makeDocument(
    {
      populations: [lifPopulation('n', 2, tutorialLif({ bias: 0.08 }))],
      probes: [
        { id: 's', kind: 'spikes', population: 'n' },
        { id: 'v', kind: 'state', population: 'n', variable: 'v', neurons: [1] },
      ],
    },
    { dt: 1, duration: steps },
  );

const flood: Population = {
  id: 'flood',
  size: 10,
  position: { x: 0, y: 0 },
  model: 'poisson',
  params: { rate: 1000 },
};

function blowUp(synapse: Projection['synapse']): NetworkDocument {
  return makeDocument({
    populations: [flood, lifPopulation('victim', 3, tutorialLif({ v_threshold: 1e30 }))],
    projections: [
      {
        id: 'p',
        source: 'flood',
        target: 'victim',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'constant', value: 1e38 },
        delay: { kind: 'constant', steps: 0 },
        synapse,
      },
    ],
  });
}

describe('createSimulation', () => {
  it('rejects an invalid document with every issue named', async () => {
    const doc = tutorial(10);
    const bad = {
      ...doc,
      populations: [lifPopulation('n', 2, tutorialLif({ tau_mem: -5 }))],
    };
    const error = await createSimulation(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentInvalidError);
    const issues = (error as DocumentInvalidError).issues;
    expect(issues.some((i) => i.path === 'populations[0].params.tau_mem')).toBe(true);
  });

  it('runs on the reference backend when asked and reports it', async () => {
    const sim = await createSimulation(tutorial(10), { backend: 'reference' });
    expect(sim.backend).toBe('reference');
    expect(sim.dt).toBe(1);
    expect(sim.totalSteps).toBe(10);
  });

  it('in Node, auto picks wasm or reference and matches the reference spikes', async () => {
    const doc = cubaDocument(2, 50);
    const sim = await createSimulation(doc, { backend: 'auto' });
    expect(['wasm', 'reference']).toContain(sim.backend);
    const auto = await sim.step(500);
    const reference = await runDocument(doc, 'reference');
    expect(auto.spikes).toEqual(reference.spikes);
  });

  it('reports WebGPU as unavailable in Node instead of crashing', async () => {
    const error = await createSimulation(tutorial(10), { backend: 'webgpu' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as BackendUnavailableError).backend).toBe('webgpu');
  });

  it('refuses a network over the memory budget', async () => {
    const error = await createSimulation(cubaDocument(1), { memoryBudgetBytes: 100_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MemoryBudgetError);
    expect((error as MemoryBudgetError).message).toMatch(/network needs about 1\.\d MiB/);
  });
});

describe('Simulation', () => {
  it('never steps past the end of the run', async () => {
    const sim = await createSimulation(tutorial(25));
    const a = await sim.step(20);
    const b = await sim.step(20);
    const c = await sim.step(20);
    expect([a.steps, b.steps, c.steps]).toEqual([20, 5, 0]);
    expect([a.startStep, b.startStep, c.startStep]).toEqual([0, 20, 25]);
    expect(sim.currentStep).toBe(25);
    const merged = mergeChunks([a, b, c]);
    expect(merged.steps).toBe(25);
    expect(Array.from(merged.spikes['n']?.steps ?? [])).toEqual([19, 19]);
    expect(Array.from(merged.traces['v']?.steps ?? [])).toEqual(
      Array.from({ length: 25 }, (_, k) => k),
    );
  });

  it('reset returns to the initial state and replays the same run', async () => {
    const sim = await createSimulation(cubaDocument(5, 20));
    const first = await sim.step(200);
    await sim.reset();
    expect(sim.currentStep).toBe(0);
    const second = await sim.step(200);
    expect(first.spikes['E']?.steps.length).toBeGreaterThan(0);
    expect(second.spikes).toEqual(first.spikes);
  });

  it('serves overlapping calls in order and refuses to step once disposed', async () => {
    const sim = await createSimulation(tutorial(30));
    const [a, b] = await Promise.all([sim.step(10), sim.step(10)]);
    expect([a.startStep, b.startStep]).toEqual([0, 10]);
    sim.dispose();
    await expect(sim.step(1)).rejects.toThrow(/disposed/);
  });

  it('stops with NumericalError naming the population, step, neuron and current', async () => {
    const sim = await createSimulation(blowUp({ kind: 'exponential', tau: 5 }));
    const error = await sim.step(10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NumericalError);
    const n = error as NumericalError;
    expect([n.population, n.step, n.neuron, n.value]).toEqual(['victim', 0, 0, Infinity]);
    expect(n.variable).toMatch(/^i_syn/);
    expect(n.message).toContain("population 'victim'");
  });

  it('stops with NumericalError on a membrane potential that overflows', async () => {
    const sim = await createSimulation(blowUp({ kind: 'delta' }));
    const error = await sim.step(10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NumericalError);
    expect((error as NumericalError).variable).toBe('v');
    expect((error as NumericalError).step).toBe(0);
  });
});
