/**
 * Runs the whole bench: CUBA on every backend, the Brian2 baseline beside it, then the scaling
 * series, each backend only up to the sizes it can do within the time allowed; then the
 * stochastic-computing and learning sections.
 */
import { cpus, loadavg } from 'node:os';
import type { NetworkDocument } from '../../model/document.ts';
import { spikelabVersion } from '../version.ts';
import type { BenchBackend } from './backends.ts';
import { brian2Availability, brian2Python, runBrian2Cuba } from './brian2.ts';
import type { Brian2Mode, Brian2Result } from './brian2.ts';
import type { Measurement } from './measure.ts';
import { measureBackend } from './measure.ts';
import { CUBA, cubaNetwork } from './networks.ts';
import { planStats } from './plan-stats.ts';
import type { BenchReport, BenchRow, NetworkReport } from './report.ts';
import type { ScBenchOptions } from '../../engine/sc/bench.ts';
import { benchScSection } from './sc.ts';
import { benchLearningSection } from './learning.ts';
import type { LearningBenchOptions } from './learning.ts';

export interface BenchConfig {
  backends: readonly BenchBackend[];
  repeats: number;
  /** Size of the CUBA network (4000 is Brian2's; other sizes keep 80 synapses per neuron). */
  cubaNeurons: number;
  /** Simulated time of every network, ms. */
  durationMs: number;
  /** Neuron counts of the scaling series; empty for none. */
  sizes: readonly number[];
  /** Brian2 modes to time beside CUBA. */
  baseline: readonly Brian2Mode[];
  maxRunMs: number;
  chunkSteps: number;
  /** Sizes of the stochastic-computing measurement, or null to skip it. */
  stochasticComputing: ScBenchOptions | null;
  /** Sizes of the learning section (OnlineO1, STDP, BPTT), or null to skip it. */
  learning: LearningBenchOptions | null;
  /** Notes on what is being measured now (for a terminal). */
  onProgress?: (line: string) => void;
}

/** Runs the configured bench and returns every figure; never throws for a backend's failure. */
export async function runBench(config: BenchConfig): Promise<BenchReport> {
  const note = config.onProgress ?? (() => undefined);
  const cuba = await benchNetwork(
    cubaNetwork(config.cubaNeurons, config.durationMs),
    config,
    new Map(),
    note,
  );
  cuba.rows.push(...(await baselineRows(config, note)));
  const scaling: NetworkReport[] = [];
  // Per backend: the last size measured (or estimated), to predict the next one.
  const last = new Map<string, { neurons: number; ms: number }>();
  for (const neurons of config.sizes) {
    const doc = cubaNetwork(neurons, config.durationMs);
    // The 4000-neuron point of the series is CUBA itself: reuse its rows instead of re-running.
    const report =
      neurons === config.cubaNeurons
        ? { ...cuba, rows: cuba.rows.filter((r) => !r.label.startsWith('brian2')) }
        : await benchNetwork(doc, config, last, note);
    for (const row of report.rows) {
      const ms = row.wall_ms ?? row.estimate_ms;
      if (ms !== undefined) last.set(row.label, { neurons, ms });
    }
    scaling.push(report);
  }
  const stochasticComputing = config.stochasticComputing
    ? await benchScSection({ ...config, sc: config.stochasticComputing }, note)
    : null;
  const learning = config.learning
    ? await benchLearningSection({ ...config, learning: config.learning }, note)
    : null;
  return {
    meta: {
      spikelab_version: spikelabVersion(),
      node: process.version,
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model.trim() ?? 'unknown',
      date: new Date().toISOString(),
      // Other processes on the machine inflate every figure; the load says by how much to worry.
      load_average: loadavg().map((l) => Math.round(l * 100) / 100),
      repeats: config.repeats,
      max_run_s: config.maxRunMs / 1000,
      chunk_steps: config.chunkSteps,
      baseline: config.baseline.length === 0 ? 'none' : config.baseline.join(', '),
      timing:
        'simulation loop only (compilation, setup and output excluded), median of the repeats',
    },
    cuba,
    scaling,
    stochastic_computing: stochasticComputing,
    learning,
  };
}

async function benchNetwork(
  doc: NetworkDocument,
  config: BenchConfig,
  last: ReadonlyMap<string, { neurons: number; ms: number }>,
  note: (line: string) => void,
): Promise<NetworkReport> {
  const stats = planStats(doc);
  const rows: BenchRow[] = [];
  for (const backend of config.backends) {
    note(`${doc.name}: ${backend.label}`);
    const previous = last.get(backend.label);
    // Loop time grows with neurons and synapses, both proportional to N in the series.
    const predictedMs =
      previous === undefined ? undefined : (previous.ms * stats.neurons) / previous.neurons;
    const measurement = await measureBackend(doc, stats, {
      backend: backend.choice,
      repeats: config.repeats,
      maxRunMs: config.maxRunMs,
      chunkSteps: config.chunkSteps,
      ...(predictedMs === undefined ? {} : { predictedMs }),
    });
    rows.push(toRow(backend.label, measurement, doc.run.duration));
  }
  return {
    name: doc.name,
    neurons: stats.neurons,
    synapses: stats.synapses,
    dt_ms: doc.run.dt,
    duration_ms: doc.run.duration,
    connectivity_bytes: stats.connectivityBytes,
    connectivity_bytes_per_synapse:
      stats.synapses === 0 ? 0 : stats.connectivityBytes / stats.synapses,
    state_bytes: stats.stateBytes,
    rows,
  };
}

function toRow(label: string, m: Measurement, durationMs: number): BenchRow {
  if (m.status !== 'ok') {
    const row: BenchRow = { label, status: m.status, reason: m.reason };
    if (m.estimateMs !== undefined) row.estimate_ms = m.estimateMs;
    return row;
  }
  return {
    label,
    status: 'ok',
    backend: m.backend,
    wall_ms: m.medianMs,
    runs_ms: m.runsMs,
    realtime_factor: durationMs / m.medianMs,
    syn_events_per_s: m.synapticEvents / (m.medianMs / 1000),
    spikes: m.spikes,
    synaptic_events: m.synapticEvents,
  };
}

async function baselineRows(
  config: BenchConfig,
  note: (line: string) => void,
): Promise<BenchRow[]> {
  if (config.baseline.length === 0) return [];
  const labels = config.baseline.map(
    (mode) => `brian2 ${mode === 'runtime' ? 'runtime (numpy)' : mode}`,
  );
  if (config.cubaNeurons !== CUBA.neurons) {
    const reason = `the baseline is Brian2's 4000-neuron CUBA; this bench ran ${config.cubaNeurons} neurons`;
    return labels.map((label) => ({ label, status: 'skipped', reason }));
  }
  const python = brian2Python();
  note(`Brian2: checking ${python}`);
  const available = await brian2Availability(python);
  if (!available.ok) {
    return labels.map((label) => ({ label, status: 'unavailable', reason: available.reason }));
  }
  const rows: BenchRow[] = [];
  for (const [k, mode] of config.baseline.entries()) {
    note(`Brian2 ${mode}: building and running`);
    const result = await runBrian2Cuba({
      python,
      mode,
      repeats: config.repeats,
      durationMs: config.durationMs,
      timeoutMs: 600_000,
    });
    rows.push(baselineRow(labels[k] ?? mode, result, config.durationMs));
  }
  return rows;
}

function baselineRow(label: string, result: Brian2Result, durationMs: number): BenchRow {
  if (result.status !== 'ok') return { label, status: result.status, reason: result.reason };
  const build =
    result.mode === 'cpp_standalone' ? `, build ${result.buildS.toFixed(1)} s not counted` : '';
  return {
    label,
    status: 'ok',
    backend: `Brian2 ${result.version}`,
    wall_ms: result.medianMs,
    runs_ms: result.runsMs,
    realtime_factor: durationMs / result.medianMs,
    syn_events_per_s: result.synapticEvents / (result.medianMs / 1000),
    spikes: result.spikes,
    synaptic_events: result.synapticEvents,
    note: `Brian2 ${result.version}, its own connectivity and seed (${result.synapses} synapses)${build}`,
  };
}
