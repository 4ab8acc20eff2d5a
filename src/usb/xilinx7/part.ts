/**
 * The one part Spikelab configures: the PYNQ-Z2's Zynq-7020 (HARDWARE.md). Its JTAG IDCODE
 * (the top nibble is the silicon revision and is ignored), the part string a .bit names, and
 * the check that refuses a bitstream built for anything else, naming both parts.
 */
import { BitFileError, type BitFile } from './bit-file.ts';

export const ZYNQ_7020 = {
  /** What a .bit's 'b' field names for the PYNQ-Z2's package. */
  part: '7z020clg400',
  /** Shown to people. */
  name: 'xc7z020clg400-1 (PYNQ-Z2)',
  /** The PL TAP's IDCODE with the revision nibble cleared; also what the bitstream writes. */
  idcode: 0x03727093,
} as const;

/** The IDCODE with its silicon-revision nibble cleared, for comparing parts. */
export function idcodeWithoutRevision(idcode: number): number {
  return (idcode & 0x0fffffff) >>> 0;
}

/**
 * Refuse a .bit for another part than the PYNQ-Z2's, naming both.
 *
 * @example checkBitFilePart({ ...bit, part: '7a35tcsg324' })
 * // throws: this bitstream is for 7a35tcsg324; the board has 7z020clg400 ...
 */
export function checkBitFilePart(bit: BitFile): void {
  // Vivado writes the part without 'xc' and speed grade; accept both spellings.
  const part = bit.part.toLowerCase().replace(/^xc/, '').replace(/-\d+$/, '');
  if (part !== ZYNQ_7020.part) {
    throw new BitFileError(
      `this bitstream is for ${bit.part || 'an unnamed part'}; the board has ${ZYNQ_7020.part} (${ZYNQ_7020.name}): build it for that part`,
    );
  }
}
