/**
 * The Xilinx `.bit` container (HARDWARE.md, "The .bit file"): a fixed preamble, then fields
 * 'a' (design name), 'b' (part), 'c' (date), 'd' (time), each a key byte, a 16-bit big-endian
 * length and a NUL-terminated string, then 'e' with a 32-bit big-endian byte count and the
 * configuration data itself. Everything here is pure: bytes in, a parsed file or a
 * `BitFileError` naming what is wrong out, before a single byte goes to a board.
 */

/** The 13 bytes every .bit starts with: length 9, the 9-byte magic, then 00 01. */
const PREAMBLE = [0x00, 0x09, 0x0f, 0xf0, 0x0f, 0xf0, 0x0f, 0xf0, 0x0f, 0xf0, 0x00, 0x00, 0x01];

/** A .bit file that cannot be used, with a message a person can act on. */
export class BitFileError extends Error {
  override readonly name = 'BitFileError';
}

export interface BitFile {
  /** Field 'a', e.g. `top;UserID=0XFFFFFFFF;Version=2023.2`. */
  readonly design: string;
  /** Field 'b', e.g. `7z020clg400`. */
  readonly part: string;
  /** Field 'c', `YYYY/MM/DD`. */
  readonly date: string;
  /** Field 'd', `HH:MM:SS`. */
  readonly time: string;
  /** The configuration data ('e'): 32-bit big-endian words, sent to CFG_IN as they are. */
  readonly data: Uint8Array;
}

const STRING_FIELDS = { a: 'design', b: 'part', c: 'date', d: 'time' } as const;
type StringKey = keyof typeof STRING_FIELDS;

function isStringKey(key: string): key is StringKey {
  return key in STRING_FIELDS;
}

/**
 * Parse a .bit file.
 *
 * @throws BitFileError for a file that is not a .bit (names the first bytes), a truncated one
 *   (names how many configuration bytes are missing), a field out of order or repeated, or data
 *   whose length is not a whole number of 32-bit words.
 * @example parseBitFile(await file.bytes()).part // '7z020clg400'
 */
export function parseBitFile(bytes: Uint8Array): BitFile {
  if (bytes.length < PREAMBLE.length || PREAMBLE.some((b, i) => bytes[i] !== b)) {
    const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0'));
    throw new BitFileError(
      `not a Xilinx .bit file: it should start with 00 09 0f f0 0f f0, it starts with ${head.join(' ') || 'nothing (the file is empty)'}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: Partial<Record<StringKey, string>> = {};
  let at = PREAMBLE.length;
  const need = (n: number, what: string): void => {
    if (at + n > bytes.length) {
      throw new BitFileError(`the .bit file is truncated: it ends inside ${what} (byte ${at})`);
    }
  };
  for (;;) {
    need(1, 'the field list');
    const key = String.fromCharCode(bytes[at] ?? 0);
    at += 1;
    if (key === 'e') break;
    if (!isStringKey(key)) {
      throw new BitFileError(
        `the .bit file has an unknown field '${key}' (0x${(bytes[at - 1] ?? 0).toString(16)}) at byte ${at - 1}; expected a, b, c, d or e`,
      );
    }
    if (fields[key] !== undefined) {
      throw new BitFileError(`the .bit file has field '${key}' (${STRING_FIELDS[key]}) twice`);
    }
    need(2, `the length of field '${key}'`);
    const length = view.getUint16(at);
    at += 2;
    need(length, `field '${key}' (${STRING_FIELDS[key]})`);
    const raw = bytes.subarray(at, at + length);
    at += length;
    const end = raw.indexOf(0);
    fields[key] = new TextDecoder('latin1').decode(end < 0 ? raw : raw.subarray(0, end));
  }
  for (const key of Object.keys(STRING_FIELDS) as StringKey[]) {
    if (fields[key] === undefined) {
      throw new BitFileError(
        `the .bit file has no field '${key}' (${STRING_FIELDS[key]}) before its data`,
      );
    }
  }
  need(4, 'the data length');
  const length = view.getUint32(at);
  at += 4;
  const available = bytes.length - at;
  if (available < length) {
    throw new BitFileError(
      `the .bit file is truncated: it declares ${length} bytes of configuration data and holds ${available} (${length - available} missing)`,
    );
  }
  if (length % 4 !== 0) {
    throw new BitFileError(
      `the .bit file's configuration data is ${length} bytes, not a whole number of 32-bit words`,
    );
  }
  return {
    design: fields.a ?? '',
    part: fields.b ?? '',
    date: fields.c ?? '',
    time: fields.d ?? '',
    data: bytes.subarray(at, at + length),
  };
}

/** The UserID the design field names (`UserID=0X...`), or null when it has none. */
export function bitFileUserId(bit: BitFile): number | null {
  const match = /UserID=0X([0-9A-F]{1,8})/i.exec(bit.design);
  return match?.[1] === undefined ? null : Number.parseInt(match[1], 16);
}
