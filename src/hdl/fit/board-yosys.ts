/**
 * The board top measured by hand (not in CI: it takes minutes of Yosys), for the bench and
 * hdl/README.md beside `estimateBoard(BOARD_CAPACITY)`: Yosys 0.23 `synth_xilinx -family xc7
 * -top spikelab_board -flatten` of the export's `vivado/spikelab_board.v` at BOARD_CAPACITY,
 * core 7396b09 with its zero-initialising `initial` loops under `ifndef SYNTHESIS` (without
 * that, Yosys's frontend unrolls 4 x 16,384 `$meminit`s and did not finish in 39 minutes),
 * and the timing estimate of that netlist (src/hdl/timing). Pure data.
 */
import type { YosysCounts } from './yosys-stat.ts';

export const BOARD_TOP_YOSYS = {
  core: '7396b09, zero-init loops under `ifndef SYNTHESIS`',
  counts: {
    // LUT1-6 10,911 + 4 x (1,924 RAM64M + 28 RAM32M); 263 INV cells besides.
    luts: 18719,
    // FDRE 6,133 + FDSE 12.
    flipFlops: 6145,
    // 78 RAMB36E1 + 65 RAMB18E1.
    bram36: 110.5,
    dsp: 58,
  } satisfies Pick<YosysCounts, 'luts' | 'flipFlops' | 'bram36' | 'dsp'>,
  /** Yosys CPU seconds (22 minutes of wall time on the shared 2-core machine). */
  cpuSeconds: 133,
  timing: {
    periodNs: 37.62,
    fmaxMhz: 26.6,
    worstPath:
      'core.lb_elig -> core.sw_wd (the learning pass: online_o1_var and the weight product)',
  },
} as const;
