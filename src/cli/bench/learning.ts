/**
 * The bench's learning section: OnlineO1's step in every form (`learning-o1.ts`), STDP and
 * OnlineO1 on each engine backend through `createSimulation` on a CUBA-like network whose
 * excitatory projections learn, and BPTT training samples per second on each training device (`benchTraining`). A
 * backend or device that cannot run (refused plasticity, no WebGPU in Node) is a row that says
 * why; nothing here throws for one of them.
 */
import { compile } from '../../engine/compile/index.ts';
import { BackendUnavailableError } from '../../engine/errors.ts';
import type { OnlineO1GpuMode } from '../../engine/learning/gpu/online-o1-gpu.ts';
import { onlineO1Config } from '../../engine/learning/online-o1.ts';
import { ONLINE_O1_DEFAULT_CONFIG } from '../../engine/learning/online-o1-config.ts';
import { benchTraining } from '../../engine/learning/train/index.ts';
import type { TrainDevice } from '../../engine/learning/train/index.ts';
import type { BackendChoice, NetworkDocument } from '../../model/document.ts';
import type { BenchBackend } from './backends.ts';
import { benchOnlineO1Forms } from './learning-o1.ts';
import type { BpttBenchReport, LearningBenchReport, StdpBenchReport } from './learning-report.ts';
import { measureBackend } from './measure.ts';
import { cubaNetwork } from './networks.ts';
import { planStats } from './plan-stats.ts';

/** Sizes of the learning section (`--quick` shrinks them). */
export interface LearningBenchOptions {
  o1Synapses: number;
  /** Minimum time per OnlineO1 form, ms. */
  o1MinMs: number;
  o1GpuModes: readonly OnlineO1GpuMode[];
  stdpNeurons: number;
  stdpDurationMs: number;
  bpttDevices: readonly TrainDevice[];
  /** Timed BPTT batches per device. */
  bpttBatches: number;
}

export const DEFAULT_LEARNING_BENCH: LearningBenchOptions = {
  o1Synapses: 100_000,
  o1MinMs: 300,
  o1GpuModes: ['cpu', 'webasm', 'webgpu'],
  stdpNeurons: 4000,
  stdpDurationMs: 100,
  bpttDevices: ['js', 'gpu:cpu', 'gpu:webasm', 'gpu:webgpu'],
  bpttBatches: 3,
};

export const QUICK_LEARNING_BENCH: LearningBenchOptions = {
  ...DEFAULT_LEARNING_BENCH,
  o1Synapses: 10_000,
  o1MinMs: 60,
  stdpNeurons: 1000,
  stdpDurationMs: 50,
  bpttBatches: 1,
};

/** What the section needs from the bench's configuration. */
export interface LearningSectionConfig {
  learning: LearningBenchOptions;
  backends: readonly BenchBackend[];
  repeats: number;
  maxRunMs: number;
  chunkSteps: number;
}

/** Runs the learning section; never throws for one backend's or device's failure. */
export async function benchLearningSection(
  config: LearningSectionConfig,
  note: (line: string) => void,
): Promise<LearningBenchReport> {
  const o = config.learning;
  note('learning: OnlineO1 in every form');
  const online_o1 = await benchOnlineO1Forms({
    config: onlineO1Config(),
    synapses: o.o1Synapses,
    spikeProbability: 0.05,
    minMs: o.o1MinMs,
    gpuModes: o.o1GpuModes,
  });
  const stdp = await stdpRows(config, note);
  const online_o1_projection = await stdpRows(config, note, onlineO1Network, 'OnlineO1');
  const bptt = await bpttRows(o, note);
  return { online_o1, stdp, online_o1_projection, bptt };
}

/** STDP's parameters on the bench network (Song et al.'s shape; small, so weights drift slowly). */
const STDP = { a_plus: 0.01, a_minus: 0.0105, tau_plus: 20, tau_minus: 20, w_min: 0, w_max: 3.24 };

/** `cubaNetwork(neurons)` with an STDP rule on both excitatory projections. */
export function stdpNetwork(neurons: number, durationMs: number): NetworkDocument {
  const doc = cubaNetwork(neurons, durationMs);
  return {
    ...doc,
    name: `${doc.name} with STDP on exc_exc and exc_inh`,
    projections: doc.projections.map((p) =>
      p.source === 'exc' ? { ...p, plasticity: { rule: 'stdp', ...STDP } } : p,
    ),
  };
}

/**
 * OnlineO1 on the bench network: the seed's default bits, weights of 1.62 mV held as the
 * integer 162 at a scale of 0.01 mV, rewarded by the spikes of a one-neuron 20 Hz Poisson
 * population (4 per spike).
 */
const ONLINE_O1 = {
  rule: 'online_o1',
  ...ONLINE_O1_DEFAULT_CONFIG,
  weight_scale: 0.01,
  reward: { population: 'reward', amount: 4 },
} as const;

/** `cubaNetwork(neurons)` with OnlineO1 on both excitatory projections and its reward source. */
export function onlineO1Network(neurons: number, durationMs: number): NetworkDocument {
  const doc = cubaNetwork(neurons, durationMs);
  return {
    ...doc,
    name: `${doc.name} with OnlineO1 on exc_exc and exc_inh`,
    populations: [
      ...doc.populations,
      {
        id: 'reward',
        size: 1,
        position: { x: 0, y: 0 },
        model: 'poisson',
        params: { rate: 20 },
      },
    ],
    projections: doc.projections.map((p) =>
      p.source === 'exc' ? { ...p, plasticity: { ...ONLINE_O1 } } : p,
    ),
  };
}

/** STDP (or, with `network`, another rule) per engine backend: updates = plastic synapses x steps. */
async function stdpRows(
  config: LearningSectionConfig,
  note: (line: string) => void,
  network: (neurons: number, durationMs: number) => NetworkDocument = stdpNetwork,
  rule = 'STDP',
): Promise<StdpBenchReport> {
  const o = config.learning;
  const doc = network(o.stdpNeurons, o.stdpDurationMs);
  const plan = compile(doc);
  const plastic = plan.projections
    .filter((p) => p.plasticity !== undefined)
    .reduce((n, p) => n + p.csr.targets.length, 0);
  const steps = Math.round(doc.run.duration / doc.run.dt);
  const stats = planStats(doc);
  const report: StdpBenchReport = {
    name: doc.name,
    neurons: stats.neurons,
    plastic_synapses: plastic,
    steps,
    rows: [],
  };
  for (const backend of config.backends) {
    note(`learning: ${rule} on ${backend.label}`);
    const predictedMs = GPU_CHOICES.has(backend.choice)
      ? await predictFromSmall(config, network, backend.choice, stats.neurons, steps)
      : undefined;
    const m = await measureBackend(doc, stats, {
      backend: backend.choice,
      repeats: config.repeats,
      maxRunMs: config.maxRunMs,
      chunkSteps: config.chunkSteps,
      ...(predictedMs === undefined ? {} : { predictedMs }),
    });
    report.rows.push(
      m.status === 'ok'
        ? {
            label: backend.label,
            status: 'ok',
            backend: m.backend,
            wall_ms: m.medianMs,
            updates_per_s: (plastic * steps) / (m.medianMs / 1000),
            spikes: m.spikes,
          }
        : { label: backend.label, status: m.status, reason: m.reason },
    );
  }
  return report;
}

/**
 * The gpu backend's modes compile and warm up (every device call length, 85 steps) before
 * `measureBackend`'s first estimate: seconds on gpu:cpu for the bench network, only to be
 * skipped. Their rows are predicted first from a tenth of the network (`small` neurons, at
 * least 100) over a tenth of the steps: the loop time grows with both (the plastic state rows
 * grow with the neurons, their length with the synapses per neuron, which the series fixes).
 */
const GPU_CHOICES: ReadonlySet<BackendChoice> = new Set<BackendChoice>([
  'cpu',
  'webasm',
  'webgl2',
  'webgpu',
  'gpu',
]);

async function predictFromSmall(
  config: LearningSectionConfig,
  network: (neurons: number, durationMs: number) => NetworkDocument,
  backend: BackendChoice,
  neurons: number,
  steps: number,
): Promise<number | undefined> {
  const o = config.learning;
  const small = network(Math.max(100, Math.round(o.stdpNeurons / 10)), o.stdpDurationMs / 10);
  const stats = planStats(small);
  const m = await measureBackend(small, stats, {
    backend,
    repeats: 1,
    maxRunMs: config.maxRunMs,
    chunkSteps: config.chunkSteps,
  });
  if (m.status !== 'ok') return undefined;
  const smallSteps = Math.round(small.run.duration / small.run.dt);
  return m.medianMs * (neurons / stats.neurons) * (steps / smallSteps);
}

async function bpttRows(
  o: LearningBenchOptions,
  note: (line: string) => void,
): Promise<BpttBenchReport> {
  const report: BpttBenchReport = { network: '', steps: 0, batch_size: 0, rows: [] };
  for (const device of o.bpttDevices) {
    note(`learning: BPTT on ${device}`);
    try {
      const r = await benchTraining({ device, batches: o.bpttBatches });
      report.network = r.network;
      report.steps = r.steps;
      report.batch_size = r.batchSize;
      report.rows.push({ label: device, status: 'ok', samples_per_s: r.samplesPerSecond });
    } catch (error) {
      report.rows.push(
        error instanceof BackendUnavailableError
          ? { label: device, status: 'unavailable', reason: error.reason }
          : {
              label: device,
              status: 'failed',
              reason: error instanceof Error ? error.message : String(error),
            },
      );
    }
  }
  return report;
}
