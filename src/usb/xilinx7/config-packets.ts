/**
 * The configuration data of a 7-series bitstream as packets (HARDWARE.md; prjxray
 * `bitstream_format.rst`): after the sync word 0xAA995566, type-1 headers
 * (bits 31:29 = 001, 28:27 opcode, 26:13 register, 10:0 word count) and type-2 headers
 * (bits 31:29 = 010, 26:0 word count, for the register of the type-1 before). Both the host
 * (to refuse a foreign or broken file before upload) and the virtual board's configuration
 * engine read the data through this one parser.
 */

export const SYNC_WORD = 0xaa995566;

/** Configuration registers that Spikelab names (prjxray configuration_register.h). */
export const CONFIG_REGISTER = {
  CRC: 0x00,
  FAR: 0x01,
  FDRI: 0x02,
  FDRO: 0x03,
  CMD: 0x04,
  CTL0: 0x05,
  MASK: 0x06,
  STAT: 0x07,
  LOUT: 0x08,
  COR0: 0x09,
  IDCODE: 0x0c,
  BOOTSTS: 0x16,
} as const;

/** CMD register codes used here (UG470 table 5-22). */
export const CONFIG_COMMAND = {
  NULL: 0x0,
  WCFG: 0x1,
  LFRM: 0x3,
  RCFG: 0x4,
  START: 0x5,
  RCRC: 0x7,
  AGHIGH: 0x8,
  DESYNC: 0xd,
} as const;

export type PacketOpcode = 'nop' | 'read' | 'write';
const OPCODES: readonly (PacketOpcode | null)[] = ['nop', 'read', 'write', null];

/** One packet: a register access with its words (none for a read or a NOP). */
export interface ConfigPacket {
  readonly opcode: PacketOpcode;
  readonly register: number;
  /** Word offset of the packet's header in the data. */
  readonly offset: number;
  /** The words written (a write), empty otherwise. */
  readonly words: Uint32Array;
  /** Words a read asks for. */
  readonly readCount: number;
}

/** Configuration data that cannot be parsed, with the word where it went wrong. */
export class ConfigDataError extends Error {
  override readonly name = 'ConfigDataError';
}

/** The data's 32-bit big-endian words. */
export function configWords(data: Uint8Array): Uint32Array {
  if (data.length % 4 !== 0) {
    throw new ConfigDataError(`configuration data of ${data.length} bytes is not whole words`);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const words = new Uint32Array(data.length / 4);
  for (let i = 0; i < words.length; i += 1) words[i] = view.getUint32(i * 4);
  return words;
}

/**
 * The packets after the first sync word, up to a DESYNC command or the end.
 *
 * @throws ConfigDataError when there is no sync word, a header has an unknown type or opcode,
 *   a type-2 header has no type-1 before it, or a packet runs past the end of the data.
 */
export function parseConfigPackets(words: Uint32Array): ConfigPacket[] {
  const sync = words.indexOf(SYNC_WORD);
  if (sync < 0) {
    throw new ConfigDataError('the configuration data has no sync word (0xAA995566)');
  }
  const packets: ConfigPacket[] = [];
  let register: number | null = null;
  let i = sync + 1;
  while (i < words.length) {
    const header = words[i] ?? 0;
    const type = header >>> 29;
    const opcode = OPCODES[(header >>> 27) & 3] ?? null;
    if (opcode === null) throw new ConfigDataError(`word ${i}: reserved packet opcode 3`);
    let count: number;
    if (type === 1) {
      register = (header >>> 13) & 0x3fff;
      count = header & 0x7ff;
    } else if (type === 2) {
      if (register === null)
        throw new ConfigDataError(`word ${i}: type-2 packet before any type-1`);
      count = header & 0x7ffffff;
    } else {
      throw new ConfigDataError(
        `word ${i}: 0x${header.toString(16).padStart(8, '0')} is not a packet header (type ${type})`,
      );
    }
    const isWrite = opcode === 'write';
    if (isWrite && i + 1 + count > words.length) {
      throw new ConfigDataError(
        `word ${i}: a write of ${count} words to register 0x${register.toString(16)} runs past the end of the data (${words.length - i - 1} words left)`,
      );
    }
    const body = isWrite ? words.slice(i + 1, i + 1 + count) : new Uint32Array(0);
    packets.push({
      opcode,
      register,
      offset: i,
      words: body,
      readCount: opcode === 'read' ? count : 0,
    });
    i += 1 + body.length;
    if (isWrite && register === CONFIG_REGISTER.CMD && body[0] === CONFIG_COMMAND.DESYNC) break;
  }
  return packets;
}

/** The value the bitstream writes to the IDCODE register, or null when it writes none. */
export function bitstreamIdcode(packets: readonly ConfigPacket[]): number | null {
  const write = packets.find((p) => p.opcode === 'write' && p.register === CONFIG_REGISTER.IDCODE);
  return write?.words[0] ?? null;
}
