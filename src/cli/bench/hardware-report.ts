/** The bench's hardware section as data: what `--json` prints and what its table is drawn from. */
import type { ResourceCounts } from '../../hdl/fit/yosys-stat.ts';
import type { CoreCounters, CoreRates } from './hardware-counters.ts';
import type { HardwareNetworkKind } from './hardware-networks.ts';
import type { RowStatus } from './report.ts';

/** `refused`: the generator would not export the network; the reason is its message. */
export type HardwareStatus = RowStatus | 'refused';

/** One engine backend on the same network and steps as the core. */
export interface EngineSpeedRow {
  label: string;
  status: RowStatus;
  reason?: string;
  /** The backend that ran, as the engine resolved it. */
  backend?: string;
  steps_per_s?: number;
  /** Median loop time of a run, ms. */
  wall_ms?: number;
  spikes?: number;
}

/** One network of the bench's series run by the exported core in Verilator. */
export interface CoreRow {
  kind: HardwareNetworkKind;
  name: string;
  /** Neurons of the recurrent population (the series' size). */
  size: number;
  /** Neurons of all populations (the input included) and synapses, from the compiled plan. */
  neurons: number;
  synapses: number;
  steps: number;
  status: HardwareStatus;
  reason?: string;
  counters?: CoreCounters;
  rates?: CoreRates;
  /** Median wall time of the Verilator run (process start and image loading included). */
  verilator_wall_ms?: number;
  verilator_runs_ms?: number[];
  verilator_steps_per_s?: number;
  /** Spikes the testbench wrote (the probed population). */
  spikes?: number;
  /** Whether `spikes` equals the reference backend's count (null: no reference row). */
  spikes_match_engine?: boolean | null;
  /** How the Verilator binary was built and shared, e.g. the capacity it was built at. */
  note?: string;
  engine: EngineSpeedRow[];
}

/** One network's resources: the estimate model and Yosys beside it. */
export interface FitRow {
  /** The example file or the generated network's name. */
  name: string;
  status: HardwareStatus;
  reason?: string;
  neurons?: number;
  synapses?: number;
  estimate?: ResourceCounts;
  yosys_status?: HardwareStatus;
  yosys_reason?: string;
  yosys?: ResourceCounts;
  yosys_seconds?: number;
  /** (estimate - Yosys) / Yosys in percent, per resource: how close the model is. */
  difference_percent?: ResourceCounts;
  /** The timing estimate (src/hdl/timing) of the same, flattened, Yosys run. */
  timing?: { period_ns: number; fmax_mhz: number; worst_path: string };
  /** The largest network of the same shape that fits a PYNQ-Z2 by the estimate. */
  largest?: { neurons: number; synapses: number; estimate: ResourceCounts } | null;
}

export interface HardwareBenchReport {
  /** `verilator --version`, or why it cannot run. */
  verilator: string;
  /** `yosys -V`, or why it cannot run. */
  yosys: string;
  /** Lanes of the core: synaptic events it can deliver per clock at most. */
  lanes: number;
  references: {
    /** Issue 8's goal. */
    goal_events_per_clock_per_lane: number;
    /** ODIN-class designs: 2 clocks per synaptic event. */
    odin_events_per_clock: number;
    /**
     * The published PYNQ-Z2 design (metr0jw/Event-Driven-SNN-Accelerator, as HARDWARE.md quotes
     * it): its block RAM count does not say RAMB36 or RAMB18, and it gives no DSP count.
     */
    pynq_z2_design: {
      design: string;
      luts: number;
      flipFlops: number;
      bram: number;
      clock_mhz: number;
    };
  };
  cores: CoreRow[];
  /** Gallery examples the hardware check refuses (no fit row). */
  not_for_hardware: string[];
  fits: FitRow[];
  /** The board top (BOARD_CAPACITY): the model's estimate beside Yosys measured by hand. */
  board_top: {
    estimate: ResourceCounts;
    yosys_by_hand: ResourceCounts;
    core: string;
    yosys_cpu_s: number;
    difference_percent: ResourceCounts;
    timing: { period_ns: number; fmax_mhz: number; worst_path: string };
  };
}
