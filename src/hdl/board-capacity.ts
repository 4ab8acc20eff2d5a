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
 * into LUT RAM (hdl/README.md, "Core memory map"); EXTMAX 256 likewise (ext is LUT RAM too).
 * DMAX 16 allows delays up to 15 steps; CHMAX 4 channel banks per population.
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
  EXTMAX: 256,
  LOIHI: 1,
});
