/**
 * Builds 7-series configuration data word by word: packet headers, the CRC the device keeps
 * (`configCrc` over every register write but the CRC register's own, cleared by RCRC), and the
 * .bit container around it. The test suite and the virtual board's demo use it to make valid
 * bitstreams for the xc7z020 and broken variants; nothing is downloaded.
 */
import { configCrc } from './config-crc.ts';
import { CONFIG_COMMAND, CONFIG_REGISTER, SYNC_WORD } from './config-packets.ts';

const NOP = 0x20000000;

/** A type-1 header: write `count` words to `register`. */
export function type1Write(register: number, count: number): number {
  return ((1 << 29) | (2 << 27) | ((register & 0x3fff) << 13) | (count & 0x7ff)) >>> 0;
}

/** A type-2 header: write `count` words to the register of the type-1 before it. */
export function type2Write(count: number): number {
  return ((2 << 29) | (2 << 27) | (count & 0x7ffffff)) >>> 0;
}

/** Accumulates words and the CRC the device would compute over them. */
export class ConfigStreamWriter {
  private readonly words: number[] = [];
  private crc = 0;

  /** Words sent before the sync word (dummy words, bus-width detection). */
  preamble(): this {
    for (let i = 0; i < 8; i += 1) this.words.push(0xffffffff);
    this.words.push(0x000000bb, 0x11220044, 0xffffffff, 0xffffffff, SYNC_WORD, NOP);
    return this;
  }

  /** A write of `values` to `register` (type-1, or type-1 + type-2 above 2047 words). */
  write(register: number, values: ArrayLike<number>): this {
    if (values.length <= 0x7ff) {
      this.words.push(type1Write(register, values.length));
    } else {
      this.words.push(type1Write(register, 0), type2Write(values.length));
    }
    for (let i = 0; i < values.length; i += 1) {
      const value = (values[i] ?? 0) >>> 0;
      this.words.push(value);
      if (register !== CONFIG_REGISTER.CRC) this.crc = configCrc(this.crc, register, value);
    }
    if (
      register === CONFIG_REGISTER.CMD &&
      values.length > 0 &&
      values[values.length - 1] === CONFIG_COMMAND.RCRC
    ) {
      this.crc = 0;
    }
    return this;
  }

  command(code: number): this {
    return this.write(CONFIG_REGISTER.CMD, [code]).nop();
  }

  nop(count = 1): this {
    for (let i = 0; i < count; i += 1) this.words.push(NOP);
    return this;
  }

  /** Write the CRC kept so far (plus `corrupt`, to make a broken file), which clears it. */
  checkCrc(corrupt = 0): this {
    this.words.push(type1Write(CONFIG_REGISTER.CRC, 1), (this.crc ^ corrupt) >>> 0);
    this.crc = 0;
    return this;
  }

  /** The words as big-endian bytes. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.words.length * 4);
    const view = new DataView(out.buffer);
    this.words.forEach((w, i) => view.setUint32(i * 4, w));
    return out;
  }
}

/** The .bit container: preamble, fields a-d, then 'e' with the data. */
export function wrapBitFile(
  fields: { design: string; part: string; date: string; time: string },
  data: Uint8Array,
): Uint8Array {
  const encoder = new TextEncoder();
  const parts: number[] = [0x00, 0x09, 0x0f, 0xf0, 0x0f, 0xf0, 0x0f, 0xf0, 0x0f, 0xf0, 0x00];
  parts.push(0x00, 0x01);
  const field = (key: string, value: string): void => {
    const text = encoder.encode(value);
    const length = text.length + 1;
    parts.push(key.charCodeAt(0), length >>> 8, length & 0xff, ...text, 0);
  };
  field('a', fields.design);
  field('b', fields.part);
  field('c', fields.date);
  field('d', fields.time);
  const n = data.length;
  parts.push(0x65, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  const out = new Uint8Array(parts.length + n);
  out.set(parts);
  out.set(data, parts.length);
  return out;
}
