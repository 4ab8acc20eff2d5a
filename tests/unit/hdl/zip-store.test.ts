/**
 * `zipStore`: the archive must be one Debian's `unzip` tests, lists and extracts byte for byte
 * (the page's Verilog export is read with it), with the standard CRC-32 and the same bytes for
 * the same entries. A missing `unzip` fails the test by name: it is part of the base system.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32, zipStore, type ZipEntry } from '../../../src/hdl/zip-store.ts';

const UNZIP = '/usr/bin/unzip';
const dir = mkdtempSync(join(tmpdir(), 'zip-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const binary = new Uint8Array(1000).map((_, i) => (i * 37 + 11) & 0xff);
const entries: ZipEntry[] = [
  { path: 'spikelab_core.v', data: 'module spikelab_core;\nendmodule\n' },
  { path: 'vivado/build.tcl', data: '# Non-project flow\nsynth_design -top spikelab_board\n' },
  { path: 'naïve/Ωmega.txt', data: 'UTF-8 name and text: µs, ≤, 🧠\n' },
  { path: 'empty.hex', data: '' },
  { path: 'bytes.bin', data: binary },
];

function unzip(args: string[]): { status: number | null; stdout: Buffer; stderr: string } {
  if (!existsSync(UNZIP)) throw new Error(`${UNZIP} is missing: install Debian's unzip package`);
  const r = spawnSync(UNZIP, args, { encoding: 'buffer' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

function written(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('crc32', () => {
  it('gives the check values of CRC-32/ISO-HDLC', () => {
    const enc = new TextEncoder();
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(enc.encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });
});

describe('zipStore', () => {
  const archive = zipStore(entries);
  const file = written('test.zip', archive);

  it('passes unzip -t', () => {
    const r = unzip(['-t', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.toString()).toContain('No errors detected');
  });

  it('lists every entry by its name, folders included', () => {
    const r = unzip(['-Z1', file]);
    expect(r.status).toBe(0);
    expect(r.stdout.toString('utf8').trimEnd().split('\n')).toEqual(entries.map((e) => e.path));
  });

  it('extracts each entry equal to its input (unzip -p)', () => {
    const enc = new TextEncoder();
    for (const e of entries) {
      const r = unzip(['-p', file, e.path]);
      expect(r.status, e.path).toBe(0);
      const expected = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
      expect(new Uint8Array(r.stdout), e.path).toEqual(expected);
    }
  });

  it('stamps every entry 1980-01-01 00:00 and marks its name UTF-8', () => {
    const r = unzip(['-Z', '-T', '-s', file]);
    const rows = r.stdout
      .toString('utf8')
      .split('\n')
      .filter((l) => /^-/.test(l));
    expect(rows).toHaveLength(entries.length);
    for (const row of rows) expect(row).toContain(' 19800101.000000 ');
    // General-purpose flags of each local header (offset 6): bit 11, the name is UTF-8, else
    // a reader takes the bytes of 'naïve/Ωmega.txt' as code page 437.
    const view = new DataView(archive.buffer);
    let at = 0;
    for (const e of entries) {
      expect(view.getUint32(at, true), e.path).toBe(0x04034b50);
      expect(view.getUint16(at + 6, true), e.path).toBe(0x0800);
      at += 30 + view.getUint16(at + 26, true) + view.getUint32(at + 22, true);
    }
  });

  it('gives the same bytes twice', () => {
    expect(zipStore(entries)).toEqual(archive);
    expect(zipStore(entries.map((e) => ({ ...e })))).toEqual(archive);
  });

  it('writes an empty archive unzip accepts', () => {
    const empty = zipStore([]);
    expect(empty.length).toBe(22);
    const r = unzip(['-l', written('empty.zip', empty)]);
    // unzip says "zipfile is empty" with status 1, its code for a warning, not an error.
    expect(r.stdout.toString() + r.stderr).toMatch(/empty/);
  });

  it('refuses names it cannot store, naming them', () => {
    expect(() => zipStore([{ path: '/etc/passwd', data: '' }])).toThrow(
      "'/etc/passwd': the name is absolute",
    );
    expect(() => zipStore([{ path: 'a/../b', data: '' }])).toThrow("'a/../b'");
    expect(() => zipStore([{ path: 'a\\b', data: '' }])).toThrow("'a\\b'");
    expect(() => zipStore([{ path: '', data: '' }])).toThrow('the name is empty');
    expect(() =>
      zipStore([
        { path: 'x.v', data: '1' },
        { path: 'x.v', data: '2' },
      ]),
    ).toThrow("'x.v' is there twice");
  });
});
