/**
 * Live parameters (`Simulation.setParameters`): a change made after step k takes effect at step
 * k with no reset, on every backend alike. Runs with a change at step k must equal the unchanged
 * run before k, differ after it, and agree across reference, wasm and gpu (webasm and cpu, the
 * gpu.js modes Node runs) bit for bit, as the other cross-backend tests do; a change at step 0
 * must equal a run of the document edited to the new value.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk, LiveChange, Simulation } from '../../../src/engine/api.ts';
import { DocumentInvalidError } from '../../../src/engine/errors.ts';
import { LiveParamError, withLiveValue } from '../../../src/engine/live/resolve.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { BackendChoice, NetworkDocument } from '../../../src/model/document.ts';
import { EVERY_KIND, liveNetwork } from './fixtures/live-network.ts';
import { expectIdentical } from './wasm-compare.ts';

const BACKENDS: readonly BackendChoice[] = ['reference', 'wasm', 'webasm', 'cpu'];
const K = 120;

/** Runs `doc` to the end in chunks of 50 steps, making `changes` after step `at`. */
async function runWithChange(
  doc: NetworkDocument,
  backend: BackendChoice,
  changes: readonly LiveChange[],
  at: number,
): Promise<{ chunk: Chunk; applyMs: number; firstChunkMs: number }> {
  const sim = await createSimulation(doc, { backend });
  try {
    const chunks: Chunk[] = [];
    const stepTo = async (end: number): Promise<void> => {
      while (sim.currentStep < end)
        chunks.push(await sim.step(Math.min(50, end - sim.currentStep)));
    };
    await stepTo(at);
    const t0 = performance.now();
    await sim.setParameters(changes);
    const applyMs = performance.now() - t0;
    await stepTo(sim.totalSteps);
    // The first chunk after the change includes what the backend does lazily (gpu: compiling
    // the pipelines again after the first weight change, gpu-live.test.ts).
    const after = chunks.find((c) => c.startStep === at);
    return { chunk: mergeChunks(chunks), applyMs, firstChunkMs: after?.wallMs ?? 0 };
  } finally {
    sim.dispose();
  }
}

/** Spike steps of population `id` in [from, to). */
function spikesIn(chunk: Chunk, id: string, from: number, to: number): number {
  const steps = chunk.spikes[id]?.steps ?? new Int32Array();
  return steps.filter((s) => s >= from && s < to).length;
}

/** The chunk's records cut to steps [from, to), to compare two runs on a window. */
function window(chunk: Chunk, from: number, to: number): Chunk {
  const spikes: Chunk['spikes'] = {};
  for (const [id, b] of Object.entries(chunk.spikes)) {
    const keep = Array.from(b.steps, (s) => s >= from && s < to);
    spikes[id] = {
      steps: b.steps.filter((_, i) => keep[i]),
      indices: b.indices.filter((_, i) => keep[i]),
    };
  }
  const traces: Chunk['traces'] = {};
  for (const [id, t] of Object.entries(chunk.traces)) {
    const per = t.values.length / Math.max(1, t.steps.length);
    const first = t.steps.findIndex((s) => s >= from);
    const last = t.steps.findIndex((s) => s >= to);
    const end = last < 0 ? t.steps.length : last;
    traces[id] = {
      steps: t.steps.slice(first, end),
      values: t.values.slice(first * per, end * per),
    };
  }
  return { ...chunk, startStep: from, steps: to - from, spikes, traces, counts: {} };
}

describe('live parameters', () => {
  it('a change after step k keeps the run before k, changes it after, and every backend agrees', async () => {
    const doc = liveNetwork();
    const total = Math.round(doc.run.duration / doc.run.dt);
    const results = new Map<BackendChoice, Chunk>();
    for (const backend of BACKENDS) {
      const unchanged = await runWithChange(doc, backend, [], K);
      const plain = unchanged.chunk;
      const { chunk, applyMs, firstChunkMs } = await runWithChange(doc, backend, EVERY_KIND, K);
      console.log(
        `${backend}: setParameters of ${EVERY_KIND.length} changes ${applyMs.toFixed(1)} ms; ` +
          `the next 50-step chunk ${firstChunkMs.toFixed(1)} ms ` +
          `(unchanged run ${unchanged.firstChunkMs.toFixed(1)} ms)`,
      );
      expectIdentical(window(chunk, 0, K), window(plain, 0, K));
      // Every change raises activity, in E (stimulus, bias, threshold, rate, weight) and in Z.
      for (const id of ['in', 'E', 'Z']) {
        expect(spikesIn(chunk, id, K, total), `${backend}: ${id} after the change`).toBeGreaterThan(
          spikesIn(plain, id, K, total),
        );
      }
      results.set(backend, chunk);
    }
    const reference = results.get('reference');
    if (!reference) throw new Error('no reference run');
    for (const backend of BACKENDS) expectIdentical(results.get(backend) ?? reference, reference);
  }, 120_000);

  it('a change at step 0 equals a run of the edited document: kind by kind, and all at once everywhere', async () => {
    const doc = liveNetwork();
    const run = async (d: NetworkDocument, b: BackendChoice, c: readonly LiveChange[]) =>
      (await runWithChange(d, b, c, 0)).chunk;
    const plain = await run(doc, 'reference', []);
    for (const change of EVERY_KIND) {
      const live = await run(doc, 'reference', [change]);
      expectIdentical(
        live,
        await run(withLiveValue(doc, change.path, change.value), 'reference', []),
      );
      // The edit is a real one: the unchanged document runs differently.
      const differs = ['in', 'E', 'Z'].some(
        (id) => live.spikes[id]?.steps.length !== plain.spikes[id]?.steps.length,
      );
      expect(differs, `${change.path} changed no spike count`).toBe(true);
    }
    const edited = EVERY_KIND.reduce((d, c) => withLiveValue(d, c.path, c.value), doc);
    for (const backend of BACKENDS) {
      expectIdentical(await run(doc, backend, EVERY_KIND), await run(edited, backend, []));
    }
  }, 120_000);

  it('refuses a number that cannot change live by name, and an invalid value, changing nothing', async () => {
    const doc = liveNetwork();
    const sim: Simulation = await createSimulation(doc, { backend: 'reference' });
    try {
      const before = await sim.step(40);
      const refused = async (changes: LiveChange[]): Promise<unknown> =>
        sim.setParameters(changes).then(
          () => null,
          (error: unknown) => error,
        );
      const tau = await refused([{ path: 'populations/E/params/tau_mem', value: 10 }]);
      expect(tau).toBeInstanceOf(LiveParamError);
      expect(String(tau)).toContain("'populations/E/params/tau_mem' cannot change during a run");
      const missing = await refused([{ path: 'stimuli/nope/amplitude', value: 1 }]);
      expect(String(missing)).toContain("there is no stimulus 'nope'");
      const delay = await refused([{ path: 'projections/EE/delay/steps', value: 1 }]);
      expect(String(delay)).toContain("a projection's delay/steps is not live");
      // rate * dt above 1000: validation's message; the valid change before it is not made.
      const invalid = await refused([
        { path: 'populations/E/params/bias', value: 5 },
        { path: 'populations/in/params/rate', value: 20000 },
      ]);
      expect(invalid).toBeInstanceOf(DocumentInvalidError);
      expect(String(invalid)).toContain('rate');
      const nan = await refused([{ path: 'populations/E/params/bias', value: Number.NaN }]);
      expect(String(nan)).toContain('NaN is not a finite number');
      // Nothing changed: the run goes on as an unchanged one.
      const rest = await sim.step(sim.totalSteps - 40);
      const plain = (await runWithChange(doc, 'reference', [], 0)).chunk;
      expectIdentical(mergeChunks([before, rest]), plain);
    } finally {
      sim.dispose();
    }
  });
});
