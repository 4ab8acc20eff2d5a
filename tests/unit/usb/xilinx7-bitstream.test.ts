/**
 * The .bit container, the packet stream and the configuration CRC: good files, and every way a
 * file is refused (garbage, truncated, another part, a broken packet, another IDCODE).
 */
import { describe, expect, it } from 'vitest';
import { parseBitFile } from '../../../src/usb/xilinx7/bit-file.ts';
import { checkBitstream } from '../../../src/usb/xilinx7/check-bitstream.ts';
import { configCrc, crc32cBits } from '../../../src/usb/xilinx7/config-crc.ts';
import {
  CONFIG_REGISTER,
  configWords,
  parseConfigPackets,
} from '../../../src/usb/xilinx7/config-packets.ts';
import { type1Write, type2Write, wrapBitFile } from '../../../src/usb/xilinx7/config-stream.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';

describe('CRC-32C', () => {
  it('gives the standard check value of "123456789" fed a byte at a time', () => {
    // CRC-32C (iSCSI): init 0xFFFFFFFF, reflected, final XOR 0xFFFFFFFF -> 0xE3069283.
    let c = 0xffffffff;
    for (const b of new TextEncoder().encode('123456789')) c = crc32cBits(c, b, 8);
    expect((c ^ 0xffffffff) >>> 0).toBe(0xe3069283);
  });

  it('takes the 32 data bits, then the 5 address bits, least significant first', () => {
    let c = 0;
    for (let i = 0; i < 32; i += 1) c = crc32cBits(c, (0x03727093 >>> i) & 1, 1);
    for (let i = 0; i < 5; i += 1) c = crc32cBits(c, (0x0c >>> i) & 1, 1);
    expect(configCrc(0, 0x0c, 0x03727093)).toBe(c);
    expect(configCrc(0, 0x0d, 0x03727093)).not.toBe(c);
  });
});

describe('packet headers', () => {
  it('encode the IDCODE write as UG470 and HARDWARE.md give it', () => {
    expect(type1Write(CONFIG_REGISTER.IDCODE, 1)).toBe(0x30018001);
    expect(type1Write(CONFIG_REGISTER.CMD, 1)).toBe(0x30008001);
    expect(type1Write(CONFIG_REGISTER.FDRI, 0)).toBe(0x30004000);
    expect(type2Write(1000)).toBe(0x500003e8);
  });
});

describe('a good test bitstream', () => {
  const bytes = testBitstream({ frameWords: 3000, userId: 0x534c0001 });

  it('parses: fields, data, packets, IDCODE and UserID', () => {
    const checked = checkBitstream(bytes);
    expect(checked.file.part).toBe('7z020clg400');
    expect(checked.file.date).toBe('2026/11/23');
    expect(checked.userId).toBe(0x534c0001);
    const fdri = checked.packets.find((p) => p.register === CONFIG_REGISTER.FDRI && p.words.length);
    expect(fdri?.words.length).toBe(3000); // a type-2 packet above 2047 words
    expect(checked.file.data.length % 4).toBe(0);
  });

  it('is the same bytes every time', () => {
    const again = testBitstream({ frameWords: 3000, userId: 0x534c0001 });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('refused files name the problem', () => {
  const good = testBitstream({ frameWords: 64 });

  it('garbage', () => {
    expect(() => parseBitFile(new TextEncoder().encode('hello world, not a bitstream'))).toThrow(
      /not a Xilinx .bit file: .* starts with 68 65 6c 6c/,
    );
    expect(() => parseBitFile(new Uint8Array(0))).toThrow(/the file is empty/);
  });

  it('truncated in the data, and in the header', () => {
    expect(() => parseBitFile(good.subarray(0, good.length - 10))).toThrow(
      /truncated: it declares \d+ bytes of configuration data and holds \d+ \(10 missing\)/,
    );
    expect(() => parseBitFile(good.subarray(0, 20))).toThrow(/truncated: it ends inside field 'a'/);
  });

  it('a bitstream for another part names both parts', () => {
    expect(() => checkBitstream(testBitstream({ part: '7a35tcsg324' }))).toThrow(
      /this bitstream is for 7a35tcsg324; the board has 7z020clg400/,
    );
    expect(checkBitstream(testBitstream({ part: 'xc7z020clg400-1' })).file.part).toBe(
      'xc7z020clg400-1',
    );
  });

  it('an IDCODE of another device', () => {
    expect(() => checkBitstream(testBitstream({ idcode: 0x0362d093 }))).toThrow(
      /writes IDCODE 0x0362d093, the board's xc7z020clg400-1 \(PYNQ-Z2\) is 0x03727093/,
    );
    // The silicon revision nibble does not matter.
    expect(() => checkBitstream(testBitstream({ idcode: 0x23727093 }))).not.toThrow();
  });

  it('a packet stream that runs past its end, or has no sync word', () => {
    const words = configWords(parseBitFile(good).data);
    const cut = words.slice(0, words.length - 40); // inside the FDRI write
    const bytes = new Uint8Array(cut.length * 4);
    cut.forEach((w, i) => new DataView(bytes.buffer).setUint32(i * 4, w));
    const file = wrapBitFile({ design: 'x', part: '7z020clg400', date: 'd', time: 't' }, bytes);
    expect(() => checkBitstream(file)).toThrow(
      /configuration data is broken: word \d+: a write of 64 words to register 0x2 runs past the end/,
    );
    expect(() => parseConfigPackets(new Uint32Array([0xffffffff, 0x30008001]))).toThrow(
      /no sync word/,
    );
  });

  it('a field missing or repeated', () => {
    const bad = wrapBitFile({ design: 'a', part: 'b', date: 'c', time: 'd' }, new Uint8Array(4));
    // Rename field 'd' to 'c': 'c' twice.
    const at = bad.indexOf(0x64, 13);
    const twice = bad.slice();
    twice[at] = 0x63;
    expect(() => parseBitFile(twice)).toThrow(/field 'c' \(date\) twice/);
    const unknown = bad.slice();
    unknown[at] = 0x7a;
    expect(() => parseBitFile(unknown)).toThrow(/unknown field 'z'/);
  });
});
