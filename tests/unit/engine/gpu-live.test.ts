/**
 * Live edits on the gpu backend compile nothing (runner.ts `applyLive`): thresholds, noise and
 * Poisson rates are fields of `params`, passed with every device call, and weights are a call
 * argument from the first weight edit on (or from the start with `liveWeights`). Checked with
 * the runner's build counter across each edit and the chunk after it, and bit for bit against
 * the reference given the same edits at the same steps, on gpu.js cpu and webasm (2D and flat
 * arrays): the in-place weight rewrite of later edits included, in plans whose gather also
 * decodes plastic entries or feeds the Loihi kernel.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk, LiveChange } from '../../../src/engine/api.ts';
import type { BackendRunner } from '../../../src/engine/backends/backend.ts';
import {
  createOnMode,
  type GpuRunner,
  type GpuRunnerOptions,
} from '../../../src/engine/backends/gpu/index.ts';
import type { GpuJsMode } from '../../../src/engine/backends/gpu/gpujs.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { applyToPlan } from '../../../src/engine/live/apply-plan.ts';
import {
  hasLiveWeightControl,
  resolveLive,
  withLiveValue,
} from '../../../src/engine/live/resolve.ts';
import { resolveBackend } from '../../../src/engine/resolve-backend.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { mixedLoihiNetwork } from './fixtures/loihi-gpu-networks.ts';
import { liveNetwork } from './fixtures/live-network.ts';
import { plasticNetwork } from './gpu-plasticity-networks.ts';
import { expectIdentical } from './wasm-compare.ts';

/** Changes made after each chunk of `SEGMENT` steps (the last chunk runs to the end). */
type Schedule = readonly (readonly LiveChange[])[];
const SEGMENT = 60;

/** Each edit's effect on the build counter: builds added by applyLive and the chunk after it. */
interface Run {
  chunk: Chunk;
  builds: number[];
}

/** Runs `doc` on `runner` in segments, making the schedule's changes between them. */
async function runScheduled(
  doc: NetworkDocument,
  make: (plan: ReturnType<typeof compile>) => Promise<BackendRunner>,
  schedule: Schedule,
  builds: (runner: BackendRunner) => number,
): Promise<Run> {
  const plan = compile(doc);
  const runner = await make(plan);
  try {
    let current = doc;
    const chunks: Chunk[] = [await runner.run(SEGMENT)];
    const added: number[] = [];
    for (const [k, changes] of schedule.entries()) {
      const before = builds(runner);
      const edits = changes.map((c) => {
        const edit = resolveLive(current, c.path, c.value, plan.dt);
        current = withLiveValue(current, c.path, c.value);
        return edit;
      });
      for (const edit of edits) applyToPlan(plan, edit);
      await runner.applyLive(edits);
      const last = k === schedule.length - 1;
      chunks.push(await runner.run(last ? plan.totalSteps - runner.currentStep : SEGMENT));
      added.push(builds(runner) - before);
    }
    return { chunk: mergeChunks(chunks), builds: added };
  } finally {
    runner.dispose();
  }
}

const onGpu =
  (mode: GpuJsMode, options: GpuRunnerOptions = {}) =>
  (plan: ReturnType<typeof compile>): Promise<GpuRunner> =>
    createOnMode(plan, mode, options);
const gpuBuilds = (runner: BackendRunner): number => (runner as GpuRunner).builds;

/** The reference with the same schedule, and without it (the edits must matter). */
async function references(doc: NetworkDocument, schedule: Schedule) {
  const edited = await runScheduled(doc, createReferenceBackend, schedule, () => 0);
  const plain = await runScheduled(
    doc,
    createReferenceBackend,
    schedule.map(() => []),
    () => 0,
  );
  const key = (c: Chunk) =>
    Object.entries(c.spikes).map(([id, b]) => [id, [...b.steps], [...b.indices]]);
  expect(key(edited.chunk), 'the edits change the spikes').not.toEqual(key(plain.chunk));
  return edited.chunk;
}

// liveNetwork is 300 steps: edits after steps 60, 120, 180 and 240.
const PARAMS_ONLY: readonly LiveChange[] = [
  { path: 'populations/E/params/v_threshold', value: 0.8 },
  { path: 'populations/E/params/noise_std', value: 0.12 },
  { path: 'populations/in/params/rate', value: 400 },
];
const SCHEDULE: Schedule = [
  PARAMS_ONLY,
  [{ path: 'projections/inE/weight/value', value: 0.12 }],
  [
    { path: 'projections/inE/weight/value', value: 0.02 },
    { path: 'projections/EZ/weight/value', value: 1.5 },
  ],
  [
    { path: 'populations/E/params/v_threshold', value: 0.9 },
    { path: 'projections/EE/weight/value', value: -0.2 },
  ],
];

/** `doc` with projection `id`'s weights made one live constant. */
function withConstantWeight(doc: NetworkDocument, id: string, value: number): NetworkDocument {
  const projections = doc.projections.map((p) =>
    p.id === id ? { ...p, weight: { kind: 'constant' as const, value } } : p,
  );
  return { ...doc, projections };
}

describe('gpu live edits', () => {
  it('thresholds, noise, rates and weights change with no compile after the first weight edit, as on the reference', async () => {
    const doc = liveNetwork();
    const expected = await references(doc, SCHEDULE);
    for (const [mode, flatArrays] of [
      ['cpu', false],
      ['webasm', false],
      ['webasm', true],
    ] as const) {
      const run = await runScheduled(doc, onGpu(mode, { flatArrays }), SCHEDULE, gpuBuilds);
      // The params edits compile nothing; the first weight edit rebuilds the step kernels once
      // (weights become a call argument; the next chunk compiles its call lengths' pipelines);
      // later weight edits compile nothing.
      expect(run.builds[0], `${mode}: params edits`).toBe(0);
      expect(run.builds[1], `${mode}: first weight edit`).toBeGreaterThan(0);
      expect(run.builds.slice(2), `${mode}: later edits`).toEqual([0, 0]);
      expectIdentical(run.chunk, expected);
    }
  }, 120_000);

  it('with liveWeights, even the first weight edit compiles nothing: plastic entries and the Loihi kernel read the weight argument', async () => {
    const cases: [NetworkDocument, Schedule][] = [
      // The fixed projection shares its list with OnlineO1 (plastic entries in one gather).
      [
        withConstantWeight(plasticNetwork(1, 90, ['online_o1']), 'fixed', 0.3),
        [
          [{ path: 'projections/fixed/weight/value', value: 0.9 }],
          [{ path: 'projections/fixed/weight/value', value: 0.2 }],
        ],
      ],
      // The Loihi kernel gathers every delta list; inh_lif is one, into a LIF.
      [
        mixedLoihiNetwork(1, 150),
        [
          [{ path: 'projections/inh_lif/weight/value', value: -1.5 }],
          [{ path: 'projections/exc_readout/weight/value', value: 0.05 }],
        ],
      ],
    ];
    for (const [doc, schedule] of cases) {
      const expected = await references(doc, schedule);
      for (const flatArrays of [false, true]) {
        const gpu = onGpu('webasm', { flatArrays, liveWeights: true });
        const run = await runScheduled(doc, gpu, schedule, gpuBuilds);
        expect(run.builds, `${doc.name}: every edit`).toEqual(schedule.map(() => 0));
        expectIdentical(run.chunk, expected);
      }
    }
  }, 120_000);

  it('a document with a Live weight slider starts the gpu backend with weights as an argument: its first weight edit compiles nothing', async () => {
    const doc = liveNetwork();
    const slider = { path: 'projections/inE/weight/value', min: 0, max: 0.2 };
    expect(hasLiveWeightControl(doc)).toBe(false);
    expect(
      hasLiveWeightControl({
        ...doc,
        live: [{ path: 'populations/E/params/bias', min: 0, max: 1 }],
      }),
    ).toBe(false);
    const withSlider = { ...doc, live: [slider] };
    expect(hasLiveWeightControl(withSlider)).toBe(true);
    // What createSimulation passes: resolveBackend with the document's hint.
    const schedule: Schedule = [[{ path: slider.path, value: 0.12 }]];
    const expected = await references(withSlider, schedule);
    const make = (plan: ReturnType<typeof compile>) =>
      resolveBackend(plan, 'webasm', { liveWeights: hasLiveWeightControl(withSlider) });
    const run = await runScheduled(withSlider, make, schedule, gpuBuilds);
    expect(run.builds).toEqual([0]);
    expectIdentical(run.chunk, expected);
  }, 60_000);
});
