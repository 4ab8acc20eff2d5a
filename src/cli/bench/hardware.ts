/**
 * The bench's hardware section (issue 8, "Speed and size"): the core's clocks per step and
 * synaptic events per clock on fixed-point LIF and Loihi networks of several sizes, Verilator's
 * steps per second beside the engine's on the same networks, and the core's resources beside
 * the estimate and the published PYNQ-Z2 design. Missing tools and refused networks make rows
 * that say why; the section always completes.
 */
import type { BenchBackend } from './backends.ts';
import { benchCores } from './hardware-cores.ts';
import { benchFits, galleryDocuments, notForHardware } from './hardware-fits.ts';
import { hardwareNetwork, type HardwareNetworkKind } from './hardware-networks.ts';
import type { CoreRow, HardwareBenchReport } from './hardware-report.ts';
import { toolVersion } from './hardware-tools.ts';
import { BOARD_CAPACITY } from '../../hdl/board-capacity.ts';
import { estimateBoard } from '../../hdl/fit/board-fit.ts';
import { BOARD_TOP_YOSYS } from '../../hdl/fit/board-yosys.ts';
import { difference } from '../../hdl/fit/fit-report.ts';

export interface HardwareBenchOptions {
  /** Neurons of the recurrent population, ascending. */
  sizes: readonly number[];
  steps: number;
  /** Engine backends timed beside Verilator. */
  backends: readonly BenchBackend[];
  repeats: number;
  maxRunMs: number;
  chunkSteps: number;
  /** Run Yosys on the examples. */
  synthesise: boolean;
}

export const DEFAULT_HARDWARE_BENCH = { sizes: [64, 256, 1024], steps: 1000, synthesise: true };
export const QUICK_HARDWARE_BENCH = { sizes: [256], steps: 300, synthesise: false };

/** The core delivers at most one synaptic event per clock (one delivery pipeline). */
const LANES = 1;

const KINDS: readonly HardwareNetworkKind[] = ['fixed_point_lif', 'loihi'];

/** Runs the hardware section; never throws for a tool's failure. */
export async function benchHardwareSection(
  options: HardwareBenchOptions,
  note: (line: string) => void,
): Promise<HardwareBenchReport> {
  const cwd = process.cwd();
  const verilator = await toolVersion(
    'verilator',
    cwd,
    "Debian: apt-get install verilator g++ make; the core's rows need it",
  );
  const yosys = await toolVersion('yosys', cwd, 'Debian: apt-get install yosys');
  const cores: CoreRow[] = [];
  for (const kind of KINDS) {
    cores.push(...(await benchCores({ ...options, kind, verilator, note })));
  }
  const gallery = await galleryDocuments();
  const largest = options.sizes[options.sizes.length - 1] ?? 64;
  const fits = await benchFits(gallery, {
    generated: KINDS.map((kind) =>
      hardwareNetwork({ kind, neurons: largest, steps: options.steps }),
    ),
    yosys,
    synthesise: options.synthesise,
    note,
  });
  return {
    verilator: verilator.ok ? verilator.version : `unavailable: ${verilator.reason}`,
    yosys: yosys.ok ? yosys.version : `unavailable: ${yosys.reason}`,
    lanes: LANES,
    references: {
      goal_events_per_clock_per_lane: 0.9,
      odin_events_per_clock: 0.5,
      pynq_z2_design: {
        design: '64x64 LIF with STDP',
        luts: 4652,
        flipFlops: 3195,
        bram: 2,
        clock_mhz: 100,
      },
    },
    cores,
    not_for_hardware: notForHardware(gallery),
    fits,
    board_top: boardTopRow(),
  };
}

/** The board top's estimate now, beside Yosys measured by hand (`BOARD_TOP_YOSYS`). */
function boardTopRow(): HardwareBenchReport['board_top'] {
  const e = estimateBoard(BOARD_CAPACITY);
  const estimate = { luts: e.luts, flipFlops: e.flipFlops, bram36: e.bram36, dsp: e.dsp };
  const y = BOARD_TOP_YOSYS;
  return {
    estimate,
    yosys_by_hand: { ...y.counts },
    core: y.core,
    yosys_cpu_s: y.cpuSeconds,
    difference_percent: difference(estimate, y.counts),
    timing: {
      period_ns: y.timing.periodNs,
      fmax_mhz: y.timing.fmaxMhz,
      worst_path: y.timing.worstPath,
    },
  };
}
