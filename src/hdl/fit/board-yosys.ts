/**
 * The board top measured by hand (not in CI: it takes minutes of Yosys), for the bench and
 * hdl/README.md beside `estimateBoard(BOARD_CAPACITY)`: Yosys 0.23 `synth_xilinx -family xc7
 * -top spikelab_board -flatten` of the export's `vivado/spikelab_board.v` at BOARD_CAPACITY,
 * core of 24 Nov 2026 08:00 UTC, pipelined for 100 MHz (its zero-initialising `initial` loops under
 * `ifndef SYNTHESIS`: without that, Yosys's frontend unrolls 4 x 16,384 `$meminit`s and did
 * not finish in 39 minutes), and the timing estimate of that netlist (src/hdl/timing). Pure data.
 */
import type { YosysCounts } from './yosys-stat.ts';

export const BOARD_TOP_YOSYS = {
  core: '100 MHz stages (neuron pass P1a/P1b/P4/P5, delivery stage D, registered bus write decode)',
  counts: {
    // LUT1-6 11,110 + 4 x (2,008 RAM64M + 28 RAM32M) + 247 SRL16E; 319 INV cells besides.
    luts: 19501,
    // FDRE 7,452 + FDSE 12.
    flipFlops: 7464,
    // 78 RAMB36E1 + 65 RAMB18E1.
    bram36: 110.5,
    dsp: 58,
  } satisfies Pick<YosysCounts, 'luts' | 'flipFlops' | 'bram36' | 'dsp'>,
  /** Yosys CPU seconds (27 minutes of wall time on the shared machine; 101 s at ff1bfd8). */
  cpuSeconds: 169,
  timing: {
    periodNs: 9.94,
    fmaxMhz: 100.6,
    worstPath:
      'the input product (DSP48E1 cascade) -> core.lane.lif.input_term (the neuron pass P2: the product and its shift)',
  },
} as const;
