/**
 * The versions a Spikelab bitstream carries, defined where the generator can use them without a
 * cycle (export-verilog -> board-files -> here): the image format the generator writes, and the
 * JTAG USERCODE (Vivado's BITSTREAM.CONFIG.USERID, set by the board's build.tcl) that says "a
 * Spikelab core": "SL" in the top 16 bits, then the bridge protocol version and the image
 * format, one byte each. src/usb/board/usercode.ts reads it back on a board.
 */
import { BRIDGE_PROTOCOL_VERSION } from './bridge-protocol.ts';

/** Bumped whenever the generated files or the core's image formats change meaning. */
export const GENERATOR_FORMAT = 1;

/** "SL": the USERCODE's top 16 bits on a Spikelab core. */
export const USERCODE_MAGIC = 0x534c;

/** The USERCODE a Spikelab core of this version carries. */
export const SPIKELAB_USERCODE =
  ((USERCODE_MAGIC << 16) | (BRIDGE_PROTOCOL_VERSION << 8) | GENERATOR_FORMAT) >>> 0;
