/**
 * Everything the host checks in a .bit before it touches the board: the container, the part
 * it was built for, the packet stream, and the IDCODE it will write. A file that fails is
 * refused with one message naming the problem; the board is never left half-configured by a
 * file that could have been refused up front.
 */
import { BitFileError, bitFileUserId, parseBitFile, type BitFile } from './bit-file.ts';
import {
  bitstreamIdcode,
  ConfigDataError,
  configWords,
  parseConfigPackets,
  type ConfigPacket,
} from './config-packets.ts';
import { checkBitFilePart, idcodeWithoutRevision, ZYNQ_7020 } from './part.ts';

export interface CheckedBitstream {
  readonly file: BitFile;
  readonly packets: readonly ConfigPacket[];
  /** The design's UserID (USERCODE), or null when its 'a' field names none. */
  readonly userId: number | null;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

/**
 * Parse and check a .bit for the PYNQ-Z2.
 *
 * @throws BitFileError naming the problem: not a .bit, truncated, another part, a broken packet
 *   stream, or an IDCODE write for another device.
 */
export function checkBitstream(bytes: Uint8Array): CheckedBitstream {
  const file = parseBitFile(bytes);
  checkBitFilePart(file);
  let packets: ConfigPacket[];
  try {
    packets = parseConfigPackets(configWords(file.data));
  } catch (error) {
    if (error instanceof ConfigDataError) {
      throw new BitFileError(`the .bit's configuration data is broken: ${error.message}`);
    }
    throw error;
  }
  const idcode = bitstreamIdcode(packets);
  if (idcode === null) {
    throw new BitFileError('the .bit never writes the IDCODE register: it is not a full bitstream');
  }
  if (idcodeWithoutRevision(idcode) !== ZYNQ_7020.idcode) {
    throw new BitFileError(
      `the .bit writes IDCODE ${hex(idcode)}, the board's ${ZYNQ_7020.name} is ${hex(ZYNQ_7020.idcode)}: it was built for another device`,
    );
  }
  return { file, packets, userId: bitFileUserId(file) };
}
