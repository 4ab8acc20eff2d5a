/**
 * The bench's stochastic-computing section: AND + popcount throughput on every SC backend (from
 * `benchStochasticComputing`), the library's SC dense layer, and the same layer as an `sc_dense`
 * document on each engine backend asked for. The document rows compare spike counts with the
 * library's layer over the same steps: the engine's layer is specified to match it bit for bit.
 */
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '../../model/document.ts';
import type { NetworkDocument } from '../../model/document.ts';
import {
  SC_BENCH_LAYER,
  benchLayer,
  benchStochasticComputing,
  type ScBenchOptions,
} from '../../engine/sc/bench.ts';
import type { BenchBackend } from './backends.ts';
import { measureBackend } from './measure.ts';
import { planStats } from './plan-stats.ts';
import type { ScBenchReport, ScDenseRow, ScKernelRow } from './report.ts';

/** What the SC section needs from the bench's configuration. */
export interface ScSectionConfig {
  sc: ScBenchOptions;
  /** Engine backends for the `sc_dense` document rows. */
  backends: readonly BenchBackend[];
  repeats: number;
  maxRunMs: number;
  chunkSteps: number;
}

const DEFAULT_DENSE_STEPS = 20000;

/** Runs the SC section; never throws for one backend's failure. */
export async function benchScSection(
  config: ScSectionConfig,
  note: (line: string) => void,
): Promise<ScBenchReport> {
  note('stochastic computing: AND + popcount on each backend');
  const result = await benchStochasticComputing(config.sc);
  const and_popcount = result.andPopcount.map((row): ScKernelRow =>
    row.status === 'ok'
      ? { label: row.backend, status: 'ok', gbit_per_s: row.gbitPerS, passes: row.passes }
      : { label: row.backend, status: row.status, reason: row.reason },
  );
  const steps = config.sc.denseSteps ?? DEFAULT_DENSE_STEPS;
  const librarySpikes = countLibrarySpikes(steps);
  const doc = scDenseNetwork(steps);
  const stats = planStats(doc);
  const sc_dense: ScDenseRow[] = [];
  for (const backend of config.backends) {
    note(`stochastic computing: sc_dense document on ${backend.label}`);
    const m = await measureBackend(doc, stats, {
      backend: backend.choice,
      repeats: config.repeats,
      maxRunMs: config.maxRunMs,
      chunkSteps: config.chunkSteps,
    });
    if (m.status !== 'ok') {
      const row: ScDenseRow = { label: backend.label, status: m.status, reason: m.reason };
      sc_dense.push(row);
      continue;
    }
    sc_dense.push({
      label: backend.label,
      status: 'ok',
      backend: m.backend,
      wall_ms: m.medianMs,
      steps_per_s: steps / (m.medianMs / 1000),
      spikes: m.spikes,
      matches_library: m.spikes === librarySpikes,
    });
  }
  return {
    stream_words: result.streamWords,
    js_ones: result.jsOnes,
    and_popcount,
    dense_layer_steps: steps,
    dense_layer_steps_per_s: result.denseLayerStepsPerS,
    library_spikes: librarySpikes,
    sc_dense,
  };
}

function countLibrarySpikes(steps: number): number {
  const layer = benchLayer();
  layer.run(steps);
  return layer.summary().stats.reduce((n, s) => n + s.totalSpikes, 0);
}

/** `SC_BENCH_LAYER` as a one-population document of `steps` steps, its spikes probed. */
export function scDenseNetwork(steps: number): NetworkDocument {
  const l = SC_BENCH_LAYER;
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name: 'SC dense layer (tutorial section 4)',
    populations: [
      {
        id: 'sc',
        size: l.neurons,
        position: { x: 0, y: 0 },
        model: 'sc_dense',
        params: {
          inputs: { kind: 'constant', values: [...l.inputs] },
          weights: [...l.weights],
          x_min: 0,
          x_max: 1,
          w_min: 0,
          w_max: 1,
          length: l.length,
          y_min: 0,
          y_max: l.yMax,
          scaling: 'sum',
          v_rest: 0,
          v_reset: 0,
          v_threshold: l.vThreshold,
          tau_mem: l.tauMem,
          resistance: 1,
          noise_std: l.noiseStd,
          refractory_period: 0,
          base_seed: l.baseSeed,
        },
      },
    ],
    projections: [],
    stimuli: [],
    probes: [{ id: 'sc_spikes', kind: 'spikes', population: 'sc' }],
    run: { dt: l.dtMs, duration: steps * l.dtMs, seed: 1, backend: 'reference' },
  };
}
