/**
 * A synthetic bitstream for the PYNQ-Z2 that the virtual board's configuration engine accepts
 * (right IDCODE, right CRC, START, DESYNC), and the faults a test or the demo can ask for. It
 * carries `frameWords` words of frame data, not a real design: a real one comes from Vivado.
 */
import { CONFIG_COMMAND, CONFIG_REGISTER } from './config-packets.ts';
import { ConfigStreamWriter, wrapBitFile } from './config-stream.ts';
import { ZYNQ_7020 } from './part.ts';

export interface TestBitstreamOptions {
  /** Words of frame data (FDRI); default 1024. */
  readonly frameWords?: number;
  /** The IDCODE the stream writes (default the 7020's). */
  readonly idcode?: number;
  /** XORed into the CRC check word (default 0: a correct CRC). */
  readonly crcCorruption?: number;
  /** The part field of the .bit (default the PYNQ-Z2's). */
  readonly part?: string;
  /** The USERCODE the design declares in its 'a' field (the core's id and version). */
  readonly userId?: number;
}

/** Deterministic frame data: the same options give the same bytes. */
function frameData(words: number): Uint32Array {
  const data = new Uint32Array(words);
  let x = 0x12345678;
  for (let i = 0; i < words; i += 1) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    data[i] = x;
  }
  return data;
}

/**
 * A complete .bit file.
 *
 * @example parseBitFile(testBitstream({ frameWords: 16 })).part // '7z020clg400'
 */
export function testBitstream(options: TestBitstreamOptions = {}): Uint8Array {
  const userId = (options.userId ?? 0xffffffff) >>> 0;
  const stream = new ConfigStreamWriter()
    .preamble()
    .command(CONFIG_COMMAND.RCRC)
    .nop(1)
    .write(CONFIG_REGISTER.IDCODE, [options.idcode ?? ZYNQ_7020.idcode])
    .command(CONFIG_COMMAND.WCFG)
    .write(CONFIG_REGISTER.FAR, [0])
    .write(CONFIG_REGISTER.FDRI, frameData(options.frameWords ?? 1024))
    .checkCrc(options.crcCorruption ?? 0)
    .command(CONFIG_COMMAND.START)
    .command(CONFIG_COMMAND.DESYNC)
    .nop(16);
  const userHex = userId.toString(16).toUpperCase().padStart(8, '0');
  return wrapBitFile(
    {
      design: `spikelab_board_top;UserID=0X${userHex};Version=test`,
      part: options.part ?? ZYNQ_7020.part,
      date: '2026/11/23',
      time: '12:00:00',
    },
    stream.bytes(),
  );
}
