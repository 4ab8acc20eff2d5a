/**
 * The capacities of the board build: the one `spikelab_core` (BUS = 1) that the PYNQ-Z2
 * bitstream holds, into which the host loads any network that fits (issue 9). It has every
 * feature of the core, the Loihi pass (LOIHI), OnlineO1 learning (ONLINE_O1) and integer SC
 * layers (SCCHMAX, SCKMAX), so one bitstream and the one demo board (src/usb/virtual) run them
 * all; the Vivado board top (board-files.ts) uses it.
 *
 * Why these numbers: every capacity is a power of two (the core's address widths), and they
 * are sized by the block RAM primitives each memory takes (src/hdl/fit: `bramFor` per memory,
 * 36 Kbit RAMB36 / 18 Kbit RAMB18 of fixed aspect ratios, so odd widths waste bits; a total of
 * bits is not enough). Synapses dominate: each takes 43 bits (target, weight, delay) and with
 * learning 121 more (31-bit weight, two 30-bit traces, 30-bit eligibility), so SYNMAX is
 * 16,384 (the learning memories 56 RAMB36, the synapses 20): by the fit model the board top
 * takes 102 RAMB36 of the xc7z020's 140 (73 %), and SYNMAX 32,768 would take 176.5 (126 %).
 * NMAX 2048 with ROWMAX = NMAX lets every projection read its rows from any source population.
 * POPMAX and PRJMAX stay at 16 because with BUS = 1 their tables are read asynchronously and
 * replicated into LUT RAM (hdl/README.md, "Core memory map"): 1,804 RAM64M, the largest part
 * of the LUTs. EXTMAX is 32 because Yosys builds the stimulus table (4 words per event) from
 * flip-flops and wide multiplexers: at 256 it would be 32 K flip-flops. DMAX 16 allows delays
 * up to 15 steps; CHMAX 4 channel banks per population; SC layers up to 64 channels in all and
 * 128 current-table entries (10.4 Kbit: LUT RAM and one RAMB18). The fit model's whole board
 * top (hdl/README.md, "Resource fit"): about 17,700 LUTs (7,500 of them LUT RAM), 8,000
 * flip-flops, 102 RAMB36, 59 DSP48E1, within the xc7z020 (53,200 LUTs, 106,400 flip-flops,
 * 140 RAMB36, 220 DSP). Yosys 0.23 of that top by hand (`BOARD_TOP_YOSYS` in
 * `fit/board-yosys.ts`, hdl/README.md "Board top"), at the core pipelined for 100 MHz: 169 s of
 * CPU, 19,501 LUTs, 7,464 flip-flops, 110.5 RAMB36, 58 DSP48E1, also within the xc7z020 (37 % of
 * its LUTs, 79 % of its RAMB36). The model is 9 % under in LUTs, 7 % over in flip-flops and
 * 8 % under in block RAM
 * (Yosys splits the 30- and 31-bit learning memories into more RAMB18 than the model counts).
 */
import type { CoreCapacity } from './core-capacity.ts';

export const BOARD_CAPACITY: Readonly<CoreCapacity> = Object.freeze({
  NMAX: 2048,
  POPMAX: 16,
  PRJMAX: 16,
  CHMAX: 4,
  DMAX: 16,
  SYNMAX: 16384,
  ROWMAX: 2048,
  GPTRMAX: 1024,
  GIDXMAX: 4096,
  EXTMAX: 32,
  LOIHI: 1,
  ONLINE_O1: 1,
  SCCHMAX: 64,
  SCKMAX: 128,
});
