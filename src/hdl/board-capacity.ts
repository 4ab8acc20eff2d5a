/**
 * The capacities of the board build: the one `spikelab_core` (BUS = 1, LOIHI = 1) that the
 * PYNQ-Z2 bitstream holds, into which the host loads any network that fits (issue 9). The demo
 * board's virtual core (src/usb/virtual) and the Vivado board top (board-files.ts) both use it.
 *
 * Why these numbers: every capacity is a power of two (the core's address widths), and the
 * memories take 2.32 Mbit by `totalMemoryBits`, 45 % of the xc7z020's
 * 5.16 Mbit of block RAM (140 RAMB36).
 * The rest is spare on purpose: block RAM is used in 36 Kbit primitives of fixed aspect ratios
 * (a 32 K x 24 weight memory is 24 RAMB36 of 32 K x 1, so narrow and odd widths waste bits),
 * and the next step up (NMAX 4096, SYNMAX 65536) would take 92 %, which Vivado cannot pack.
 * Synapses dominate (1.41 Mbit for 32 K synapses), so SYNMAX is the largest; NMAX 2048 with
 * ROWMAX = NMAX lets every projection read its rows from any source population. POPMAX and
 * PRJMAX stay at 16 because with BUS = 1 their tables are read asynchronously and replicated
 * into LUT RAM (hdl/README.md, "Core memory map"), and EXTMAX at 32 because Yosys builds the
 * stimulus table (4 words per event) from flip-flops and wide multiplexers: at 256 it would be
 * 32 K flip-flops. DMAX 16 allows delays up to 15 steps; CHMAX 4 channel banks per population.
 * Yosys 0.23 `synth_xilinx` of the board top at these capacities (by hand, 285 s): 6,142
 * flip-flops, about 8,800 logic LUTs, 1,816 RAM64M + 24 RAM32M (the pop and prj tables), 60
 * RAMB36 + 22 RAMB18, 25 DSP48E1: within the xc7z020 (53,200 LUTs, 106,400 flip-flops, 140
 * RAMB36, 220 DSP).
 * Integer SC layers (SCCHMAX 64 channels, SCKMAX 128 table entries, added after that
 * measurement): 10.4 Kbit of tables (keys, thresholds, current tables) and sc_lane's four
 * mix32, 24 DSP48E1 and about 430 LUTs by the fit model (sc_lane alone in Yosys 0.23: 24 DSP,
 * 311 LUTs): still well within the xc7z020.
 */
import type { CoreCapacity } from './core-capacity.ts';

export const BOARD_CAPACITY: Readonly<CoreCapacity> = Object.freeze({
  NMAX: 2048,
  POPMAX: 16,
  PRJMAX: 16,
  CHMAX: 4,
  DMAX: 16,
  SYNMAX: 32768,
  ROWMAX: 2048,
  GPTRMAX: 1024,
  GIDXMAX: 4096,
  EXTMAX: 32,
  LOIHI: 1,
  SCCHMAX: 64,
  SCKMAX: 128,
});
