/**
 * The Hardware panel's logic in Node: the comparison runs the float and the quantised network
 * through the engine worker's service (in-process, reference backend), tabulates their rates,
 * builds both rasters, cancels, and applies the quantised document as one undo step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHardwareStore } from '../../../../src/app/hardware/hardware-store.ts';
import { withSpikeProbes } from '../../../../src/app/hardware/comparison-document.ts';
import {
  rasterFigure,
  rasterStride,
  rowLabel,
} from '../../../../src/app/hardware/raster-figure.ts';
import { runToEnd } from '../../../../src/app/hardware/run-to-end.ts';
import { formatPercent, meanRate, rateRows } from '../../../../src/app/hardware/rate-table.ts';
import { createSimulation } from '../../../../src/engine/index.ts';
import { hardwareRefusals } from '../../../../src/hdl/hardware-check.ts';
import { parseDocumentJson, validateDocument } from '../../../../src/model/index.ts';
import type { NetworkDocument } from '../../../../src/model/index.ts';
import { createDocumentStore } from '../../../../src/store/document/index.ts';
import type { EngineClient, EngineClientFactory } from '../../../../src/store/session/types.ts';
import { createEngineService } from '../../../../workers/engine-service.ts';

function example(file: string): NetworkDocument {
  const url = new URL(`../../../../public/examples/${file}`, import.meta.url);
  const result = parseDocumentJson(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.document;
}

/** Engine workers that run the real engine's service in-process on the reference backend. */
function inProcessWorkers(): { factory: EngineClientFactory; terminated: () => number } {
  let terminated = 0;
  const factory: EngineClientFactory = () => {
    let alive = true;
    const service = createEngineService(
      (doc) => createSimulation(doc, { backend: 'reference' }),
      (sink, event) => {
        if (alive) sink(event);
      },
    );
    const client: EngineClient = {
      open: (request, sink) => service.open(request, sink),
      play: () => Promise.resolve(service.play()),
      pause: () => Promise.resolve(service.pause()),
      step: (n) => Promise.resolve(service.step(n)),
      ack: (seq) => Promise.resolve(service.ack(seq)),
      setSpeed: (s) => Promise.resolve(service.setSpeed(s)),
      learnedWeights: () => service.learnedWeights(),
      setParameters: (changes) => service.setParameters(changes),
      ping: () => Promise.resolve(0),
      close: () => Promise.resolve(service.close()),
      debugCrash: () => Promise.resolve(),
      terminate: () => {
        terminated += 1;
        alive = false;
        service.close();
      },
    };
    return client;
  };
  return { factory, terminated: () => terminated };
}

describe('the Hardware store', () => {
  it('runs the float and the quantised f-I curve and applies the result as one undo step', async () => {
    const documents = createDocumentStore(example('f-i-curve.json'));
    const workers = inProcessWorkers();
    const store = createHardwareStore({ createClient: workers.factory, documents });
    const before = documents.getState().document;
    expect(hardwareRefusals(before)).toHaveLength(8);

    await store.getState().compare();
    const state = store.getState();
    expect(state.status).toBe('done');
    const comparison = state.comparison;
    if (comparison === null) throw new Error('no comparison');
    expect(workers.terminated()).toBe(1);
    // Measured (reference, 5 s): identical counts at 16 bits, e.g. i080 250 spikes = 50 Hz.
    const i080 = comparison.rows.find((r) => r.id === 'i080');
    expect(i080).toMatchObject({ floatHz: 50, fixedHz: 50, diffHz: 0, diffPercent: 0 });
    expect(i080?.fixedModel).toBe('fixed_point_lif');
    const silent = comparison.rows.find((r) => r.id === 'i040');
    expect(silent).toMatchObject({ floatHz: 0, fixedHz: 0, diffPercent: null });

    expect(store.getState().apply()).toBe(true);
    const after = documents.getState().document;
    expect(after.populations.every((p) => p.model === 'fixed_point_lif')).toBe(true);
    expect(hardwareRefusals(after)).toEqual([]);
    // The probes are the user's, not the comparison's.
    expect(after.probes).toEqual(before.probes);
    expect(store.getState().apply()).toBe(false);
    documents.getState().undo();
    expect(documents.getState().document).toBe(before);
  });

  it('refuses to apply once the network has changed, and reports a quantise failure', async () => {
    const documents = createDocumentStore(example('single-neuron.json'));
    const store = createHardwareStore({ createClient: inProcessWorkers().factory, documents });
    await store.getState().compare();
    expect(store.getState().comparison?.rows[0]).toMatchObject({ floatHz: 50, fixedHz: 50 });
    const edited = { ...documents.getState().document, name: 'edited' };
    documents.getState().loadDocument(edited);
    expect(store.getState().apply()).toBe(false);
    expect(store.getState().message).toMatch(/changed since it was quantised/);
    expect(documents.getState().document).toBe(edited);

    store.getState().setTotalBits(40);
    await store.getState().compare();
    expect(store.getState()).toMatchObject({
      status: 'error',
      message: 'total bits must be an integer from 8 to 24, got 40',
    });
  });

  it('does not apply a comparison that converted nothing', async () => {
    const documents = createDocumentStore(example('loihi.json'));
    const store = createHardwareStore({ createClient: inProcessWorkers().factory, documents });
    const before = documents.getState().document;
    await store.getState().compare();
    expect(store.getState().comparison?.report.converted).toEqual([]);
    expect(store.getState().apply()).toBe(false);
    expect(documents.getState().document).toBe(before);
    expect(documents.getState().history.past).toHaveLength(0);
  });

  it('ends with the reason when the worker dies during a run', async () => {
    const documents = createDocumentStore(example('single-neuron.json'));
    const workers = inProcessWorkers();
    // The worker dies as play() arrives: no event will ever come.
    const createClient: EngineClientFactory = (onCrash) => {
      const client = workers.factory(onCrash);
      return {
        ...client,
        play: () => {
          client.terminate();
          onCrash('the engine worker failed: out of memory');
          return Promise.resolve();
        },
      };
    };
    const store = createHardwareStore({ createClient, documents });
    await store.getState().compare();
    expect(store.getState()).toMatchObject({
      status: 'error',
      message: 'the engine worker failed: out of memory',
      comparison: null,
    });
  });

  it('cancels a comparison, terminating its worker', async () => {
    const documents = createDocumentStore(example('cuba.json'));
    const workers = inProcessWorkers();
    const store = createHardwareStore({ createClient: workers.factory, documents });
    const running = store.getState().compare();
    expect(store.getState().status).toBe('running');
    store.getState().cancel();
    await running;
    expect(store.getState()).toMatchObject({ status: 'idle', comparison: null, progress: null });
    expect(store.getState().message).toBe('Cancelled.');
    expect(workers.terminated()).toBeGreaterThanOrEqual(1);
  });
});

describe('the comparison pieces', () => {
  it('runs a document to its end, gathering every spike, and rejects with a fault', async () => {
    const client = inProcessWorkers().factory(() => {});
    const fractions: number[] = [];
    const run = await runToEnd(client, example('single-neuron.json'), (f) => fractions.push(f));
    expect(run).toMatchObject({ dt: 1, totalSteps: 200, backend: 'reference' });
    // V_n = 1.6 (1 - 0.95^n) first reaches 1 at n = 20 (step 19); 10 spikes in 200 ms.
    expect(run.spikes['neuron']?.steps).toHaveLength(10);
    expect(run.spikes['neuron']?.steps[0]).toBe(19);
    expect(fractions.at(-1)).toBe(1);
    const bad = example('single-neuron.json');
    bad.populations[0] = { ...bad.populations[0]!, size: 0 };
    await expect(runToEnd(client, bad, () => {})).rejects.toThrow(/size/);
  });

  it('records every population once, whatever the probes', () => {
    const doc = withSpikeProbes(example('cuba.json'));
    expect(doc.probes).toEqual([
      { id: 'exc_hw_spikes', kind: 'spikes', population: 'exc' },
      { id: 'inh_hw_spikes', kind: 'spikes', population: 'inh' },
    ]);
    for (const file of ['default.json', 'loihi.json', 'sc-two-layer.json', 'stdp.json']) {
      expect(validateDocument(withSpikeProbes(example(file))).ok, file).toBe(true);
    }
  });

  it('tabulates rates in Hz and the difference in percent of the float rate', () => {
    expect(meanRate(10, 1, 200)).toBe(50);
    expect(meanRate(5, 0, 200)).toBe(0);
    const doc = example('single-neuron.json');
    const [row] = rateRows(doc, doc, { neuron: 10 }, { neuron: 11 }, 200);
    expect(row).toMatchObject({ floatHz: 50, fixedHz: 55, diffHz: 5, diffPercent: 10 });
    expect(formatPercent(10)).toBe('+10.0 %');
    expect(formatPercent(null)).toBe('–');
  });

  it('stacks populations on one axis and thins a raster past its budget', () => {
    const doc = example('cuba.json');
    const run = {
      dt: 0.1,
      totalSteps: 10,
      backend: 'reference',
      spikes: { exc: { steps: [3], indices: [7] }, inh: { steps: [4], indices: [2] } },
    };
    const figure = rasterFigure('Float', doc, run);
    expect(figure.data.map((t) => [t.x, t.y])).toEqual([
      [[0.30000000000000004], [7]],
      [[0.4], [3202]],
    ]);
    expect(figure.layout.yaxis?.ticktext).toEqual(['Excitatory', 'Inhibitory']);
    expect(rasterStride(40_000)).toBe(1);
    expect(rasterStride(40_001)).toBe(2);
    // Row labels fit the plot's margin: cut with an ellipsis, never mid-way unmarked.
    expect(rowLabel('Inhibitory')).toBe('Inhibitory');
    expect(rowLabel('Excitatory (16/12/14)')).toBe('Excitatory…');
    expect(rowLabel('Cue (every 50 ms)')).toBe('Cue (every…');
  });
});
