/**
 * src/hdl/bridge-protocol.ts: the CRC against the catalogue's check value, the frame layout bit
 * by bit against a frame worked out by hand, and the decoder's refusals. The RTL side is
 * checked against the same functions in tests/hdl/host-bridge.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  BRIDGE_FRAME_BITS,
  BRIDGE_STATUS_CODES,
  type BridgeReply,
  BridgeProtocolError,
  checkOk,
  crc8,
  decodeFields,
  decodeReply,
  encodeCommand,
  encodeFields,
  encodeReply,
  packBits,
  unpackBits,
} from '../../../src/hdl/bridge-protocol.ts';

/** Bytes as bits, most significant bit of each byte first (how CRC catalogues feed them). */
function msbFirst(bytes: readonly number[]): number[] {
  return bytes.flatMap((b) => [7, 6, 5, 4, 3, 2, 1, 0].map((i) => (b >> i) & 1));
}

describe('crc8', () => {
  it('gives the CRC-8/SMBUS check value 0xF4 for "123456789" from 0x00', () => {
    const bytes = [...'123456789'].map((c) => c.charCodeAt(0));
    expect(crc8(msbFirst(bytes), 0)).toBe(0xf4);
  });

  it('starts from 0xFF in the protocol, so 80 zero bits do not check as 0', () => {
    expect(crc8(new Uint8Array(80), 0)).toBe(0);
    expect(crc8(new Uint8Array(80))).not.toBe(0);
  });
});

describe('request frames', () => {
  it('lays out version, opcode, tag, address, data and check LSB first', () => {
    const bits = encodeCommand({ op: 'write', address: 0x80000001, data: 0x00000003 }, 0xa5);
    expect(bits.length).toBe(BRIDGE_FRAME_BITS);
    const expected = new Uint8Array(88);
    expected[0] = 1; // version 1
    expected[5] = 1; // opcode 2 at bits 7:4
    [0, 2, 5, 7].forEach((i) => (expected[8 + i] = 1)); // tag 0xa5 at bits 15:8
    expected[16] = 1; // address bit 0
    expected[47] = 1; // address bit 31
    expected[48] = 1; // data bit 0
    expected[49] = 1; // data bit 1
    const check = crc8(expected.subarray(0, 80));
    for (let i = 0; i < 8; i++) expected[80 + i] = (check >> i) & 1;
    expect(Array.from(bits)).toEqual(Array.from(expected));
  });

  it('round-trips through decodeFields, and a flipped bit fails the check', () => {
    const fields = { version: 1, opcode: 1, tag: 200, address: 0xffffff08, data: 0 };
    const bits = encodeFields(fields);
    expect(decodeFields(bits)).toEqual({ ...fields, ok: true });
    for (const i of [0, 17, 63, 79, 87]) {
      const broken = bits.slice();
      broken[i] = broken[i] ? 0 : 1;
      expect(checkOk(broken)).toBe(false);
    }
  });

  it('encodes run N in the data field', () => {
    expect(decodeFields(encodeCommand({ op: 'run', steps: 1000 }, 3))).toMatchObject({
      opcode: 3,
      data: 1000,
      address: 0,
    });
  });

  it('refuses fields that do not fit', () => {
    expect(() => encodeCommand({ op: 'read', address: 2 ** 32 }, 0)).toThrow(
      /address 4294967296 is not an unsigned 32-bit integer/,
    );
    expect(() => encodeCommand({ op: 'nop' }, 256)).toThrow(/tag 256/);
  });
});

describe('replies', () => {
  const reply: BridgeReply = {
    status: 'bad-check',
    tag: 0x3c,
    seq: 0x81,
    coreBusy: true,
    outstanding: false,
    data: 0xdeadbeef,
  };

  it('round-trips every status code', () => {
    for (const status of Object.keys(BRIDGE_STATUS_CODES) as (keyof typeof BRIDGE_STATUS_CODES)[]) {
      expect(decodeReply(encodeReply({ ...reply, status }))).toEqual({ ...reply, status });
    }
  });

  it('puts status at bits 7:4, seq at 23:16, flags at 31:24 and data at 79:48', () => {
    const bits = encodeReply(reply);
    const field = (lo: number, width: number): number =>
      Array.from(bits.subarray(lo, lo + width)).reduceRight((v, b) => v * 2 + b, 0);
    expect([field(0, 4), field(4, 4), field(8, 8), field(16, 8), field(24, 8)]).toEqual([
      1, 3, 0x3c, 0x81, 1,
    ]);
    expect(field(48, 32)).toBe(0xdeadbeef);
  });

  it('refuses a failed check, naming all-zero TDO', () => {
    const broken = encodeReply(reply);
    broken[50] = broken[50] ? 0 : 1;
    expect(() => decodeReply(broken)).toThrow(BridgeProtocolError);
    expect(() => decodeReply(new Uint8Array(88))).toThrow(/TDO read all zeros/);
  });

  it('refuses another protocol version and undefined status codes', () => {
    const other = encodeFields({ version: 2, opcode: 0, tag: 0, address: 0, data: 0 });
    expect(() => decodeReply(other)).toThrow(/protocol version 2, this host version 1/);
    const undefinedStatus = encodeFields({ version: 1, opcode: 12, tag: 0, address: 0, data: 0 });
    expect(() => decodeReply(undefinedStatus)).toThrow(/status code 12/);
    expect(() => decodeReply(new Uint8Array(87))).toThrow(/87 bits, expected 88/);
  });
});

describe('packBits', () => {
  it('puts bit 0 in the least significant bit of byte 0 and back', () => {
    const bits = Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(Array.from(packBits(bits))).toEqual([0x81, 0x01]);
    expect(Array.from(unpackBits(packBits(bits), 9))).toEqual(Array.from(bits));
    expect(() => unpackBits(new Uint8Array(1), 9)).toThrow(/9 bits from 1 bytes/);
  });
});
