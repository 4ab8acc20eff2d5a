/**
 * `runSweep(doc, spec)`: one parameter swept over a range, every variant run in one batch
 * (`batch.ts`), and each variant's chosen population measured (`measure.ts`).
 */
import type { NetworkDocument } from '../../model/document.ts';
import type { ParamPath } from '../../model/param-path.ts';
import type { ResolvedBackend, SpikeBlock } from '../api.ts';
import { createBatch, type BatchOptions } from './batch.ts';
import { meanRate, SpikeStats } from './measure.ts';
import { sweepValues, type SweepRange } from './sweep-values.ts';
import { variantDocuments } from './variants.ts';

export interface SweepSpec {
  path: ParamPath;
  range: SweepRange;
  /** Id of the population whose spikes are measured. */
  population: string;
}

export interface SweepOptions extends BatchOptions {
  /** Steps per chunk between progress reports and cancel checks (default 500). */
  chunkSteps?: number;
  /** After every chunk: steps done of the run's total. */
  onProgress?: (stepsDone: number, totalSteps: number) => void;
  /** Aborting stops the sweep after the current chunk with `SweepCancelledError`. */
  signal?: AbortSignal;
  /** Spikes kept per variant for its raster (default 20,000); the counts use every spike. */
  rasterSpikeLimit?: number;
}

export interface SweepPoint {
  value: number;
  /** The measured population's size in this variant (the swept number may be it). */
  size: number;
  spikeCount: number;
  /** Hz per neuron. */
  rate: number;
  /** Of the pooled inter-spike intervals; null with fewer than two. */
  cv: number | null;
  /** The population's first `rasterSpikeLimit` spikes. */
  raster: SpikeBlock;
  rasterTruncated: boolean;
}

export interface SweepResult {
  path: ParamPath;
  population: string;
  dt: number;
  totalSteps: number;
  backend: ResolvedBackend;
  points: SweepPoint[];
  /** Milliseconds spent stepping the batch (the backend's loop time). */
  loopMs: number;
}

export class SweepCancelledError extends Error {
  override readonly name = 'SweepCancelledError';
  constructor() {
    super('the sweep was cancelled');
  }
}

/**
 * @example
 * const r = await runSweep(doc, {
 *   path: 'stimuli/drive/amplitude', range: { kind: 'range', from: 0, to: 2, count: 8 },
 *   population: 'exc' }, { backend: 'gpu' });
 * r.points.map((p) => p.rate);
 */
export async function runSweep(
  doc: NetworkDocument,
  spec: SweepSpec,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const values = sweepValues(spec.range);
  const documents = variantDocuments(doc, spec.path, values, spec.population);
  const sizes = documents.map(
    (d) => d.populations.find((p) => p.id === spec.population)?.size ?? 0,
  );
  const batch = await createBatch(documents, options);
  try {
    const limit = options.rasterSpikeLimit ?? 20_000;
    const chunkSteps = Math.max(1, Math.floor(options.chunkSteps ?? 500));
    const stats = sizes.map((size) => new SpikeStats(size));
    const rasters = values.map(() => ({ steps: [] as number[], indices: [] as number[] }));
    let loopMs = 0;
    while (batch.currentStep < batch.totalSteps) {
      if (options.signal?.aborted) throw new SweepCancelledError();
      const chunks = await batch.step(chunkSteps);
      chunks.forEach((chunk, v) => {
        const block = chunk.spikes[spec.population];
        const raster = rasters[v];
        if (!block || !raster) return;
        stats[v]?.add(block);
        const room = Math.min(block.steps.length, Math.max(0, limit - raster.steps.length));
        for (let k = 0; k < room; k++) {
          raster.steps.push(block.steps[k] ?? 0);
          raster.indices.push(block.indices[k] ?? 0);
        }
      });
      loopMs += chunks[0]?.wallMs ?? 0;
      options.onProgress?.(batch.currentStep, batch.totalSteps);
      // A macrotask between chunks: the reference and wasm backends step synchronously, and a
      // worker only reads the page's Cancel message when its event loop gets a turn.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const points = values.map((value, v): SweepPoint => {
      const s = stats[v] ?? new SpikeStats(0);
      const raster = rasters[v] ?? { steps: [], indices: [] };
      return {
        value,
        size: sizes[v] ?? 0,
        spikeCount: s.count,
        rate: meanRate(s.count, sizes[v] ?? 0, batch.totalSteps, batch.dt),
        cv: s.cv(),
        raster: { steps: Int32Array.from(raster.steps), indices: Uint32Array.from(raster.indices) },
        rasterTruncated: s.count > raster.steps.length,
      };
    });
    return {
      path: spec.path,
      population: spec.population,
      dt: batch.dt,
      totalSteps: batch.totalSteps,
      backend: batch.backend,
      points,
      loopMs,
    };
  } finally {
    batch.dispose();
  }
}
