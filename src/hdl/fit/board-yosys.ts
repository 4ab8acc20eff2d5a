/**
 * The board top measured by hand (not in CI: it takes minutes of Yosys), for the bench and
 * hdl/README.md beside `estimateBoard(BOARD_CAPACITY)`: Yosys 0.23 `synth_xilinx -family xc7
 * -top spikelab_board -flatten` of the export's `vivado/spikelab_board.v` at BOARD_CAPACITY,
 * core ff1bfd8 (its zero-initialising `initial` loops under `ifndef SYNTHESIS`: without that,
 * Yosys's frontend unrolls 4 x 16,384 `$meminit`s and did not finish in 39 minutes),
 * and the timing estimate of that netlist (src/hdl/timing). Pure data.
 */
import type { YosysCounts } from './yosys-stat.ts';

export const BOARD_TOP_YOSYS = {
  core: 'ff1bfd8 (learning pass, neuron pass, SC lane, channel decay and Loihi products pipelined)',
  counts: {
    // LUT1-6 11,182 + 4 x (2,008 RAM64M + 28 RAM32M) + 247 SRL16E; 315 INV cells besides.
    luts: 19573,
    // FDRE 7,150 + FDSE 12.
    flipFlops: 7162,
    // 78 RAMB36E1 + 65 RAMB18E1.
    bram36: 110.5,
    dsp: 58,
  } satisfies Pick<YosysCounts, 'luts' | 'flipFlops' | 'bram36' | 'dsp'>,
  /** Yosys CPU seconds (the first run, at 7396b09, took 133 s: 22 minutes of wall time under load). */
  cpuSeconds: 101,
  timing: {
    periodNs: 15.93,
    fmaxMhz: 62.8,
    worstPath:
      'core.nch -> core.lane.clamped (the neuron pass P1: channel sum and clamp into the DSP input)',
  },
} as const;
