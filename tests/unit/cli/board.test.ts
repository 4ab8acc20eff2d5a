/**
 * `spikelab board` with --virtual: the same host code as for a real PYNQ-Z2, against the
 * virtual board; and every refused input named with its exit status.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';
import { runCli, tempDir } from './helpers.ts';

function bitFile(dir: string, name: string, bytes: Uint8Array): string {
  writeFileSync(join(dir, name), bytes);
  return name;
}

describe('spikelab board --virtual', () => {
  it('detect: the chain, the PL not configured', async () => {
    const out = await runCli(['board', 'detect', '--virtual'], tempDir());
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('JTAG chain (TDO end first): Zynq-7020 PL 0x13727093, ARM DAP');
    expect(out.stdout).toContain('PL: not configured (DONE 0, INIT 1)');
    const json = await runCli(['board', 'detect', '--virtual', '--json'], tempDir());
    expect(JSON.parse(json.stdout)).toMatchObject({
      done: false,
      identity: { kind: 'unconfigured' },
    });
  });

  it('upload: a good bitstream configures the PL and names the Spikelab core', async () => {
    const dir = tempDir();
    const name = bitFile(dir, 'design.bit', testBitstream({ frameWords: 4096 }));
    const out = await runCli(['board', 'upload', name, '--virtual', '--tck', '30'], dir, true);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /uploaded design.bit \(16,588 bytes of configuration data\) in [\d.]+ s/,
    );
    expect(out.stdout).toMatch(
      /at TCK 30 MHz\nDONE is high; a Spikelab core \(bridge protocol 1, image format \d+\)/,
    );
    expect(out.stderr).toContain('upload: 100%');
  });

  it('refuses a truncated file, another part and garbage before touching the board', async () => {
    const dir = tempDir();
    const good = testBitstream({ frameWords: 64 });
    const cut = await runCli(
      ['board', 'upload', bitFile(dir, 'cut.bit', good.subarray(0, 300)), '--virtual'],
      dir,
    );
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/cut.bit: the .bit file is truncated/);
    const other = bitFile(dir, 'a7.bit', testBitstream({ part: '7a35tcsg324' }));
    const part = await runCli(['board', 'upload', other, '--virtual'], dir);
    expect(part.code).toBe(2);
    expect(part.stderr).toMatch(/this bitstream is for 7a35tcsg324; the board has 7z020clg400/);
    const junk = await runCli(
      ['board', 'upload', bitFile(dir, 'x.bit', new Uint8Array([1, 2, 3])), '--virtual'],
      dir,
    );
    expect(junk.stderr).toMatch(/not a Xilinx .bit file/);
    const missing = await runCli(['board', 'upload', 'nope.bit', '--virtual'], dir);
    expect(missing.stderr).toMatch(/cannot read 'nope.bit': no such file/);
  });

  it('a CRC the FPGA rejects: exit 1 with STAT explained', async () => {
    const dir = tempDir();
    const name = bitFile(dir, 'crc.bit', testBitstream({ frameWords: 64, crcCorruption: 1 }));
    const out = await runCli(['board', 'upload', name, '--virtual'], dir);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /configuration failed \(STAT 0x[0-9a-f]{8}\): the bitstream failed its CRC check/,
    );
  });

  it('unknown action or missing file', async () => {
    const a = await runCli(['board', 'flash', '--virtual'], tempDir());
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/unknown board action 'flash'/);
    const b = await runCli(['board', 'upload', '--virtual'], tempDir());
    expect(b.stderr).toMatch(/missing DESIGN.bit/);
  });
});
