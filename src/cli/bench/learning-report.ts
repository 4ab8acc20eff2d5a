/** The bench's learning section as data (part of `BenchReport`, printed by `--json`). */
import type { RowStatus } from './report.ts';

export interface LearningBenchReport {
  online_o1: OnlineO1BenchReport;
  stdp: StdpBenchReport;
  /** OnlineO1 as a projection's rule on each engine backend (same network and rows as stdp). */
  online_o1_projection: StdpBenchReport;
  bptt: BpttBenchReport;
}

/** OnlineO1's step in every form on one population. */
export interface OnlineO1BenchReport {
  synapses: number;
  /** Probability of a pre and of a post spike per synapse-step. */
  spike_probability: number;
  config: {
    weight_bits: number;
    trace_bits: number;
    reward_bits: number;
    learning_shift: number;
    trace_decay_shift: number;
  };
  /** The rule's stated state: weight_bits + 3 * trace_bits. */
  state_bits_per_synapse: number;
  rows: OnlineO1FormRow[];
}

export interface OnlineO1FormRow {
  /** `js`, `wasm`, `packed`, `gpu:<mode>`. */
  label: string;
  status: RowStatus;
  reason?: string;
  /** Synapse-steps per second; ok rows' final states equalled `stepMany`'s. */
  updates_per_s?: number;
  /** Timed steps of the whole population. */
  steps?: number;
  /** Bytes of the form's state arrays / synapses (the packed form: state_bits / 8, rounded up to words). */
  bytes_per_synapse?: number;
}

/** A weight rule on each engine backend: a CUBA-like network whose excitatory projections learn. */
export interface StdpBenchReport {
  name: string;
  neurons: number;
  /** Synapses of the projections with the rule. */
  plastic_synapses: number;
  steps: number;
  rows: StdpRow[];
}

export interface StdpRow {
  label: string;
  status: RowStatus;
  reason?: string;
  backend?: string;
  /** Median loop time of a run, ms. */
  wall_ms?: number;
  /** Plastic synapses x steps / loop time: step 5e updates every plastic synapse every step. */
  updates_per_s?: number;
  spikes?: number;
}

/** BPTT training throughput per training device. */
export interface BpttBenchReport {
  /** `inputs-hidden-outputs`. */
  network: string;
  steps: number;
  batch_size: number;
  rows: BpttRow[];
}

export interface BpttRow {
  label: string;
  status: RowStatus;
  reason?: string;
  samples_per_s?: number;
}
