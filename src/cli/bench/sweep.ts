/**
 * The bench's sweep section (issue 10, "Speed"): a parameter sweep run as one batch
 * (`src/engine/sweep`, every variant side by side in one plan, so the gpu backend steps them
 * all in one kernel launch per kernel and step) against the same variants run one after
 * another on the same backend, at 8 and 64 variants. Both sides' spike counts are compared
 * (the batch must record what the single runs record).
 */
import { createBatch } from '../../engine/sweep/batch.ts';
import { variantDocuments } from '../../engine/sweep/variants.ts';
import { createSimulation } from '../../engine/simulation.ts';
import type { NetworkDocument } from '../../model/document.ts';
import type { BenchBackend } from './backends.ts';

export interface SweepBenchOptions {
  backends: readonly BenchBackend[];
  variantCounts: readonly number[];
  /** Simulated time of every variant, ms (dt 0.1). */
  durationMs: number;
  /** Skip the sequential side of a row predicted to take longer than this (from the 8-row). */
  maxRunMs: number;
}

export const DEFAULT_SWEEP_BENCH: Omit<SweepBenchOptions, 'backends' | 'maxRunMs'> = {
  variantCounts: [8, 64],
  durationMs: 100,
};
export const QUICK_SWEEP_BENCH: Omit<SweepBenchOptions, 'backends' | 'maxRunMs'> = {
  variantCounts: [8, 64],
  durationMs: 20,
};

export interface SweepBenchRow {
  backend: string;
  variants: number;
  /** Loop time of the batch (stepping only), ms. */
  batch_loop_ms: number | null;
  /** Sum of the single runs' loop times, ms. */
  sequential_loop_ms: number | null;
  /** sequential / batch loop time. */
  speedup: number | null;
  /** Wall time including validation, compile and backend start (gpu.js compiles kernels), ms. */
  batch_wall_ms: number | null;
  sequential_wall_ms: number | null;
  speedup_wall: number | null;
  /** Spikes of the measured population, batch and sequential (equal when comparable). */
  spikes_batch: number | null;
  spikes_sequential: number | null;
  note?: string;
}

export interface SweepBenchReport {
  network: string;
  parameter: string;
  duration_ms: number;
  rows: SweepBenchRow[];
}

/**
 * One variant: 40 Poisson inputs (20 Hz) into 100 LIF neurons (p 0.2, exponential synapses,
 * 5 ms) with sparse recurrent inhibition; the sweep varies the input weight, so each variant
 * draws the same synapses and fires at its own rate (an f-I curve of a small network).
 */
export function sweepBenchDocument(durationMs: number): NetworkDocument {
  const lif = {
    v_rest: -65,
    v_reset: -65,
    v_threshold: -50,
    tau_mem: 20,
    resistance: 1,
    noise_std: 0,
    refractory_period: 2,
    bias: 0,
    v_init: { kind: 'uniform' as const, low: -65, high: -50 },
  };
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'sweep bench',
    populations: [
      { id: 'in', size: 40, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 20 } },
      { id: 'out', size: 100, position: { x: 0, y: 0 }, model: 'stochastic_lif', params: lif },
    ],
    projections: [
      {
        id: 'in_out',
        source: 'in',
        target: 'out',
        connectivity: { rule: 'fixed_probability', p: 0.2, allow_self: true },
        weight: { kind: 'constant', value: 2 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'exponential', tau: 5 },
      },
      {
        id: 'out_out',
        source: 'out',
        target: 'out',
        connectivity: { rule: 'fixed_probability', p: 0.05, allow_self: false },
        weight: { kind: 'constant', value: -1 },
        delay: { kind: 'constant', steps: 1 },
        synapse: { kind: 'delta' },
      },
    ],
    stimuli: [],
    probes: [{ id: 'out_spikes', kind: 'spikes', population: 'out' }],
    run: { dt: 0.1, duration: durationMs, seed: 3, backend: 'auto' },
  };
}

const PARAMETER = 'projections/in_out/weight/value';

/** Weights 1..6 mV-ish across the variants: silent to busy. */
function weights(count: number): number[] {
  return Array.from({ length: count }, (_, k) => 1 + (5 * k) / Math.max(1, count - 1));
}

interface Timed {
  loopMs: number;
  wallMs: number;
  spikes: number;
}

async function timeBatch(docs: NetworkDocument[], backend: BenchBackend): Promise<Timed> {
  const started = performance.now();
  const batch = await createBatch(docs, { backend: backend.choice });
  try {
    let loopMs = 0;
    let spikes = 0;
    while (batch.currentStep < batch.totalSteps) {
      const chunks = await batch.step(batch.totalSteps);
      loopMs += chunks[0]?.wallMs ?? 0;
      for (const c of chunks) spikes += c.spikes.out?.steps.length ?? 0;
    }
    return { loopMs, wallMs: performance.now() - started, spikes };
  } finally {
    batch.dispose();
  }
}

async function timeSequential(docs: NetworkDocument[], backend: BenchBackend): Promise<Timed> {
  const started = performance.now();
  let loopMs = 0;
  let spikes = 0;
  for (const doc of docs) {
    const sim = await createSimulation(doc, { backend: backend.choice });
    try {
      const chunk = await sim.step(sim.totalSteps);
      loopMs += chunk.wallMs;
      spikes += chunk.spikes.out?.steps.length ?? 0;
    } finally {
      sim.dispose();
    }
  }
  return { loopMs, wallMs: performance.now() - started, spikes };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function benchSweeps(
  options: SweepBenchOptions,
  onProgress: (line: string) => void = () => undefined,
): Promise<SweepBenchReport> {
  const base = sweepBenchDocument(options.durationMs);
  const rows: SweepBenchRow[] = [];
  for (const backend of options.backends) {
    // Untimed first: a batch of two variants and their single runs, so that neither side pays
    // the module load or the JIT's warm-up of the code the other ran first (measured: a cold
    // reference batch 223 ms, warm 13-37 ms, against 11 ms for the warm single runs).
    try {
      const warm = variantDocuments(base, PARAMETER, [1, 6], 'out');
      await timeBatch(warm, backend);
      await timeSequential(warm, backend);
    } catch {
      // The rows below report why the backend is unavailable.
    }
    // Per-variant cost of the sequential side, from the first row, to skip a row too long.
    let perVariantMs: number | null = null;
    for (const count of options.variantCounts) {
      const docs = variantDocuments(base, PARAMETER, weights(count), 'out');
      const row: SweepBenchRow = {
        backend: backend.label,
        variants: count,
        batch_loop_ms: null,
        sequential_loop_ms: null,
        speedup: null,
        batch_wall_ms: null,
        sequential_wall_ms: null,
        speedup_wall: null,
        spikes_batch: null,
        spikes_sequential: null,
      };
      rows.push(row);
      const predicted = perVariantMs === null ? 0 : perVariantMs * count;
      if (predicted > options.maxRunMs) {
        row.note = `skipped: ${count} single runs predicted to take ${(predicted / 1000).toFixed(0)} s`;
        continue;
      }
      try {
        onProgress(`sweep: ${backend.label}, ${count} variants as one batch`);
        const batch = await timeBatch(docs, backend);
        onProgress(`sweep: ${backend.label}, ${count} variants one after another`);
        const seq = await timeSequential(docs, backend);
        perVariantMs = seq.wallMs / count;
        Object.assign(row, {
          batch_loop_ms: batch.loopMs,
          sequential_loop_ms: seq.loopMs,
          speedup: seq.loopMs / batch.loopMs,
          batch_wall_ms: batch.wallMs,
          sequential_wall_ms: seq.wallMs,
          speedup_wall: seq.wallMs / batch.wallMs,
          spikes_batch: batch.spikes,
          spikes_sequential: seq.spikes,
        });
        if (batch.spikes !== seq.spikes) row.note = 'spike counts differ: not comparable';
      } catch (error) {
        row.note = `unavailable: ${describe(error)}`;
      }
    }
  }
  return {
    network: '40 Poisson -> 100 LIF (p 0.2, exponential) + recurrent inhibition (p 0.05)',
    parameter: PARAMETER,
    duration_ms: options.durationMs,
    rows,
  };
}

const fmt = (v: number | null, digits = 0): string => (v === null ? '-' : v.toFixed(digits));

export function renderSweepSection(r: SweepBenchReport): string[] {
  const head = `  ${'backend'.padEnd(12)}${'variants'.padStart(9)}${'batch loop ms'.padStart(15)}${'seq loop ms'.padStart(13)}${'speed-up'.padStart(10)}${'batch wall ms'.padStart(15)}${'seq wall ms'.padStart(13)}${'speed-up'.padStart(10)}${'spikes'.padStart(10)}`;
  return [
    `Sweeps (issue 10): ${r.network}, ${r.duration_ms} ms at dt 0.1, ${r.parameter} swept; one batch against single runs one after another on the same backend (loop: stepping only; wall: with compile and backend start)`,
    head,
    ...r.rows.flatMap((row) => [
      `  ${row.backend.padEnd(12)}${String(row.variants).padStart(9)}${fmt(row.batch_loop_ms).padStart(15)}${fmt(row.sequential_loop_ms).padStart(13)}${fmt(row.speedup, 2).padStart(10)}${fmt(row.batch_wall_ms).padStart(15)}${fmt(row.sequential_wall_ms).padStart(13)}${fmt(row.speedup_wall, 2).padStart(10)}${fmt(row.spikes_batch).padStart(10)}`,
      ...(row.note === undefined ? [] : [`    ${row.note}`]),
    ]),
  ];
}
