/**
 * Times one backend on one network: the simulation loop alone (the sum of the chunks'
 * `wallMs`), median of several runs of the same simulation reset to step 0. A short first
 * estimate decides whether the full runs fit in the time allowed; a backend that does not
 * exist here is reported as unavailable, never as a crash.
 */
import type { ResolvedBackend, Simulation } from '../../engine/api.ts';
import { BackendUnavailableError } from '../../engine/errors.ts';
import { createSimulation } from '../../engine/simulation.ts';
import type { BackendChoice, NetworkDocument } from '../../model/document.ts';
import { RecordingBuilder } from '../run/recording.ts';
import type { Recording } from '../run/recording.ts';
import type { PlanStats } from './plan-stats.ts';
import { synapticEvents } from './plan-stats.ts';

export type Measurement =
  | {
      status: 'ok';
      backend: ResolvedBackend;
      /** Loop time of each timed run, ms. */
      runsMs: number[];
      medianMs: number;
      spikes: number;
      synapticEvents: number;
    }
  | { status: 'unavailable' | 'skipped' | 'failed'; reason: string; estimateMs?: number };

export interface MeasureOptions {
  backend: BackendChoice;
  repeats: number;
  /** Skip the backend when one run is estimated to take longer than this. */
  maxRunMs: number;
  chunkSteps: number;
  /** Estimate from a smaller network: skip without even compiling when it is over the limit. */
  predictedMs?: number;
}

/** Measures `doc` on one backend; never throws. */
export async function measureBackend(
  doc: NetworkDocument,
  stats: PlanStats,
  options: MeasureOptions,
): Promise<Measurement> {
  if (options.predictedMs !== undefined && options.predictedMs > options.maxRunMs) {
    return skipped(options.predictedMs, options.maxRunMs, 'extrapolated from the smaller network');
  }
  let simulation: Simulation;
  try {
    simulation = await createSimulation(doc, { backend: options.backend });
  } catch (error) {
    if (error instanceof BackendUnavailableError)
      return { status: 'unavailable', reason: error.reason };
    return { status: 'failed', reason: describe(error) };
  }
  try {
    const estimateMs = await firstEstimate(simulation);
    if (estimateMs > options.maxRunMs)
      return skipped(estimateMs, options.maxRunMs, 'first estimate');
    const runs: Recording[] = [];
    let spentMs = 0;
    for (let r = 0; r < options.repeats; r++) {
      await simulation.reset();
      const run = await runToEnd(simulation, options.chunkSteps);
      runs.push(run);
      spentMs += run.wallMs;
      // A first estimate taken in the opening transient can be low: stop repeating once this
      // backend has used twice the allowance, and report the median of the runs made.
      if (spentMs > 2 * options.maxRunMs) break;
    }
    const spikeCounts = runs.map(countSpikes);
    if (new Set(spikeCounts).size > 1) {
      return {
        status: 'failed',
        reason: `spike counts differ between identical runs: ${spikeCounts.join(', ')}`,
      };
    }
    const runsMs = runs.map((r) => r.wallMs);
    const first = runs[0];
    return {
      status: 'ok',
      backend: simulation.backend,
      runsMs,
      medianMs: median(runsMs),
      spikes: spikeCounts[0] ?? 0,
      synapticEvents: first === undefined ? 0 : synapticEvents(stats, first.spikes),
    };
  } catch (error) {
    return { status: 'failed', reason: describe(error) };
  } finally {
    simulation.dispose();
  }
}

/**
 * Loop time of a whole run extrapolated from a short stretch, taken after an equal stretch of
 * warm-up so that the first call's compilation (JIT, shaders, wasm) is not counted.
 */
async function firstEstimate(simulation: Simulation): Promise<number> {
  const total = simulation.totalSteps;
  const stretch = Math.max(1, Math.floor(total / 40));
  await simulation.step(stretch);
  const probe = await simulation.step(stretch);
  return (probe.wallMs / stretch) * total;
}

async function runToEnd(simulation: Simulation, chunkSteps: number): Promise<Recording> {
  const builder = new RecordingBuilder();
  const total = simulation.totalSteps;
  while (builder.stepsAdded < total) {
    builder.add(await simulation.step(Math.min(chunkSteps, total - builder.stepsAdded)));
  }
  return builder.finish();
}

function countSpikes(recording: Recording): number {
  let n = 0;
  for (const record of recording.spikes.values()) n += record.indices.length;
  return n;
}

function skipped(estimateMs: number, limitMs: number, how: string): Measurement {
  return {
    status: 'skipped',
    reason: `>${(limitMs / 1000).toFixed(0)}s (${how}: ~${(estimateMs / 1000).toFixed(1)} s per run)`,
    estimateMs,
  };
}

/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
