/** The bench's results as data: what `--json` prints and what the table is drawn from. */
import type { BoardUploadReport } from './board-upload.ts';
import type { HardwareBenchReport } from './hardware-report.ts';
import type { LearningBenchReport } from './learning-report.ts';
import type { SweepBenchReport } from './sweep.ts';
import type { InterchangeReport } from './interchange.ts';

export type RowStatus = 'ok' | 'unavailable' | 'skipped' | 'failed';

export interface BenchRow {
  /** What was asked for, e.g. `gpu:webasm` or `brian2 cpp_standalone`. */
  label: string;
  status: RowStatus;
  /** Why the row has no figures (unavailable, skipped, failed). */
  reason?: string;
  /** The backend that ran, as the engine resolved it. */
  backend?: string;
  /** Skipped rows: the estimated loop time of one run, ms. */
  estimate_ms?: number;
  /** Median loop time over the runs, ms. */
  wall_ms?: number;
  runs_ms?: number[];
  /** Simulated time / loop time. */
  realtime_factor?: number;
  /** Synaptic events (spikes times out-degree) per second of loop time. */
  syn_events_per_s?: number;
  spikes?: number;
  synaptic_events?: number;
  /** Context, e.g. that the baseline draws its own connectivity. */
  note?: string;
}

export interface NetworkReport {
  name: string;
  neurons: number;
  synapses: number;
  dt_ms: number;
  duration_ms: number;
  /** Row pointers + targets + per-synapse weights and delays, from the compiled plan. */
  connectivity_bytes: number;
  connectivity_bytes_per_synapse: number;
  /** The plan's estimate of all state a backend allocates. */
  state_bytes: number;
  rows: BenchRow[];
}

export interface BenchReport {
  meta: {
    spikelab_version: string;
    node: string;
    cpus: number;
    cpu_model: string;
    date: string;
    /** 1, 5 and 15 minute load averages when the bench finished. */
    load_average: number[];
    repeats: number;
    max_run_s: number;
    chunk_steps: number;
    /** Which Brian2 baseline ran: `none` when it was not asked for. */
    baseline: string;
    timing: string;
  };
  cuba: NetworkReport;
  scaling: NetworkReport[];
  /** Stochastic-computing kernels; null when skipped (--no-sc). */
  stochastic_computing: ScBenchReport | null;
  /** OnlineO1, STDP and BPTT throughput; null when skipped (--no-learning). */
  learning: LearningBenchReport | null;
  /** The Verilog core's speed and size (`spikelab bench` adds it; null with --no-hardware). */
  hardware?: HardwareBenchReport | null;
  /** The board upload's traffic and modelled time (null with --no-board). */
  board?: BoardUploadReport | null;
  /** A sweep as one batch against single runs (null with --no-sweep). */
  sweep?: SweepBenchReport | null;
  /** NIR import and the imported network beside its Brian2 export (null with --no-interchange). */
  interchange?: InterchangeReport | null;
}

/** The stochastic-computing section: kernels per backend and the SC dense layer. */
export interface ScBenchReport {
  /** Words (32 bits each) per bit-packed stream in the AND + popcount measurement. */
  stream_words: number;
  /** Ones of `a AND b` as JavaScript counts them; every ok row's count equalled it. */
  js_ones: number;
  /** AND + popcount per SC backend (js, wasm, gpu:<mode>). */
  and_popcount: ScKernelRow[];
  /** Steps of each dense-layer run. */
  dense_layer_steps: number;
  /** Steps per second of the tutorial's section 4 dense layer, the library's (JavaScript). */
  dense_layer_steps_per_s: number;
  /** Spikes of the library's layer over `dense_layer_steps` steps. */
  library_spikes: number;
  /** The same layer as an `sc_dense` document, per engine backend. */
  sc_dense: ScDenseRow[];
}

/** One SC backend's AND + popcount throughput. */
export interface ScKernelRow {
  label: string;
  status: RowStatus;
  reason?: string;
  /** Bits of `a AND b` produced and counted per second, streams held by the backend. */
  gbit_per_s?: number;
  /** Timed passes over the streams. */
  passes?: number;
}

/** The `sc_dense` document on one engine backend. */
export interface ScDenseRow {
  label: string;
  status: RowStatus;
  reason?: string;
  /** The backend that ran, as the engine resolved it. */
  backend?: string;
  /** Median loop time of a run, ms. */
  wall_ms?: number;
  steps_per_s?: number;
  spikes?: number;
  /** Whether `spikes` equals the library layer's count over the same steps. */
  matches_library?: boolean;
}
