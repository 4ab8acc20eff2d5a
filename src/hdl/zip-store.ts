/**
 * `zipStore(entries)`: a ZIP archive whose entries are stored uncompressed (method 0), for the
 * page's "Export Verilog (zip)" (issue 8). Pure, no dependency: the export is a few hundred
 * kilobytes of text, so compressing it is not worth a library, and any unzip reads method 0.
 *
 * Format (PKWARE APPNOTE 6.3): per entry a local header then its bytes, then the central
 * directory (one record per entry) and the end-of-central-directory record. Names are UTF-8
 * (general-purpose flag bit 11), '/' separated; every entry carries the same DOS timestamp
 * (1980-01-01 00:00, the format's earliest) so the same files always give the same bytes.
 * No ZIP64: an archive past its 32-bit sizes or 65535 entries is refused by name.
 */

export interface ZipEntry {
  /** Path inside the archive, '/' separated, relative (`vivado/build.tcl`). */
  path: string;
  /** Text (written as UTF-8) or bytes. */
  data: string | Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
/** 2.0: the version a reader needs for stored entries in folders. */
const VERSION_NEEDED = 20;
/** Made by Unix (3) at version 2.0, so unzip takes the Unix mode in the external attributes. */
const VERSION_MADE_BY = (3 << 8) | 20;
/** Bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;
/** DOS date of 1980-01-01: (year - 1980) << 9 | month << 5 | day; the time is 00:00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** A regular file, rw-r--r--, in the high half of the external attributes. */
const UNIX_FILE_MODE = 0o100644;
const MAX_U32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

let crcTable: Uint32Array | undefined;

/** The reflected CRC-32 table (polynomial 0xEDB88320), built on first use. */
function table(): Uint32Array {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  return crcTable;
}

/** CRC-32 as ZIP (and gzip, PNG) use it: "123456789" gives 0xCBF43926. */
export function crc32(bytes: Uint8Array): number {
  const t = table();
  let c = 0xffffffff;
  for (const b of bytes) c = (t[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Why `path` cannot name an entry, or undefined when it can. */
function badPath(path: string): string | undefined {
  if (path === '') return 'the name is empty';
  if (path.startsWith('/')) return 'the name is absolute';
  if (path.includes('\\')) return "the name has a '\\' (ZIP separates folders with '/')";
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return "the name has an empty, '.' or '..' folder";
  }
  return undefined;
}

interface Prepared {
  name: Uint8Array;
  data: Uint8Array;
  crc: number;
  offset: number;
}

/** The archive of `entries`, in their order. Throws naming the entry when one cannot go in. */
export function zipStore(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
  if (entries.length > MAX_ENTRIES) {
    throw new Error(`zipStore: ${entries.length} entries, more than ZIP's ${MAX_ENTRIES}`);
  }
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  let offset = 0;
  for (const entry of entries) {
    const problem = badPath(entry.path);
    if (problem !== undefined) throw new Error(`zipStore: '${entry.path}': ${problem}`);
    if (seen.has(entry.path)) throw new Error(`zipStore: '${entry.path}' is there twice`);
    seen.add(entry.path);
    const name = encoder.encode(entry.path);
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    prepared.push({ name, data, crc: crc32(data), offset });
    offset += 30 + name.length + data.length;
  }
  const centralOffset = offset;
  const centralSize = prepared.reduce((sum, p) => sum + 46 + p.name.length, 0);
  const total = centralOffset + centralSize + 22;
  if (centralOffset > MAX_U32 || total > MAX_U32) {
    throw new Error(`zipStore: ${total} bytes, past ZIP's 4 GiB without ZIP64`);
  }

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v >>> 0, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  // The fields both headers share, from "version needed" to the name's length.
  const common = (p: Prepared) => {
    u16(VERSION_NEEDED);
    u16(FLAG_UTF8);
    u16(0); // method: stored
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(p.crc);
    u32(p.data.length); // compressed size = size: stored
    u32(p.data.length);
    u16(p.name.length);
  };

  for (const p of prepared) {
    u32(LOCAL_HEADER);
    common(p);
    u16(0); // extra field length
    bytes(p.name);
    bytes(p.data);
  }
  for (const p of prepared) {
    u32(CENTRAL_HEADER);
    u16(VERSION_MADE_BY);
    common(p);
    u16(0); // extra field length
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(UNIX_FILE_MODE * 0x10000);
    u32(p.offset);
    bytes(p.name);
  }
  u32(END_RECORD);
  u16(0); // this disk
  u16(0); // disk of the central directory
  u16(prepared.length);
  u16(prepared.length);
  u32(centralSize);
  u32(centralOffset);
  u16(0); // comment length
  return out;
}
