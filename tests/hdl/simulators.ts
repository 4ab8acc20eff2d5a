/**
 * Builds and runs an `hdl/tb` testbench with Icarus Verilog and with Verilator, each in its own
 * directory. A simulator that is missing or cannot build the design throws (the test fails; the
 * hdl tests never skip), with the tool's own output in the message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The two simulators every testbench must pass on. */
export type Simulator = 'icarus' | 'verilator';
export const SIMULATORS: readonly Simulator[] = ['icarus', 'verilator'];

/** The repository root (sources are named relative to it). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A testbench: its top module and its Verilog sources (relative to the repository root). */
export interface Bench {
  top: string;
  sources: readonly string[];
  /** Parameters of the top module (`-P top.NAME=` / `-GNAME=`); the rest keep their defaults. */
  params?: Readonly<Record<string, number>>;
}

/** Where each simulator comes from, for the message when it is missing. */
const INSTALL_HINT =
  "install Debian's iverilog and verilator, and g++ and make for Verilator's --binary " +
  '(apt-get install -y iverilog verilator g++ make; .ci/run does)';

/** The last part of a tool's output: enough to see the error, short enough to read. */
function tail(text: string, chars = 4000): string {
  return text.length > chars ? `...${text.slice(-chars)}` : text;
}

/**
 * Runs a tool to completion; throws when it cannot start (naming it as missing), times out or
 * exits nonzero. Returns its stdout and stderr together.
 */
export function runTool(
  tool: string,
  args: readonly string[],
  what: string,
  timeoutMs = 120_000,
): string {
  const result = spawnSync(tool, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: timeoutMs });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${what}: '${tool}' is not on PATH; ${INSTALL_HINT}`);
    throw new Error(`${what}: '${tool}' failed to run (${result.error.message})\n${tail(output)}`);
  }
  if (result.status !== 0) {
    const how = result.signal ? `signal ${result.signal}` : `exit status ${result.status}`;
    throw new Error(`${what}: '${tool} ${args.join(' ')}' ended with ${how}\n${tail(output)}`);
  }
  return output;
}

/**
 * Compiles `bench` with `simulator` into `dir` and returns the command line that runs it
 * (plusargs go after it).
 */
export function buildBench(simulator: Simulator, bench: Bench, dir: string): string[] {
  const sources = bench.sources.map((s) => resolve(REPO_ROOT, s));
  const settings = Object.entries(bench.params ?? {}).map(([name, value]) => `${name}=${value}`);
  const what = `building ${bench.top}${settings.length > 0 ? ` (${settings.join(', ')})` : ''} with ${simulator}`;
  switch (simulator) {
    case 'icarus': {
      const image = join(dir, `${bench.top}.vvp`);
      const params = settings.flatMap((s) => ['-P', `${bench.top}.${s}`]);
      runTool(
        'iverilog',
        ['-g2012', '-Wall', '-s', bench.top, ...params, '-o', image, ...sources],
        what,
      );
      return ['vvp', '-n', image];
    }
    case 'verilator': {
      const objDir = join(dir, 'obj');
      // -O0: the benches run for milliseconds, so compile time is what counts on a shared CI box.
      runTool(
        'verilator',
        [
          '--binary',
          '-j',
          '2',
          '--top-module',
          bench.top,
          ...settings.map((s) => `-G${s}`),
          '-Mdir',
          objDir,
          '-o',
          bench.top,
          '-MAKEFLAGS',
          'OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0',
          ...sources,
        ],
        what,
        300_000,
      );
      return [join(objDir, bench.top)];
    }
  }
}

/**
 * Runs a built bench on `vectors` (one 32-bit hex word per line) with `+count=<count>`, and
 * returns the lines of its output file.
 */
export function runBench(
  command: readonly string[],
  dir: string,
  words: readonly number[],
  count: number,
): string[] {
  const vectors = join(dir, 'vectors.hex');
  const out = join(dir, 'out.txt');
  writeFileSync(vectors, words.map(hexWord).join('\n') + '\n');
  const [tool, ...args] = command;
  if (tool === undefined) throw new Error('runBench: empty command');
  runTool(
    tool,
    [...args, `+vectors=${vectors}`, `+count=${count}`, `+out=${out}`],
    `running ${tool}`,
  );
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
}

/** A whole number as a 32-bit two's complement hex word (8 digits). */
export function hexWord(x: number): string {
  if (!Number.isInteger(x) || x < -(2 ** 31) || x >= 2 ** 32) {
    throw new RangeError(`hexWord: ${x} does not fit 32 bits`);
  }
  return (x >>> 0).toString(16).padStart(8, '0');
}

/** A 32-bit hex word read back as a signed (two's complement) number. */
export function signedWord(hex: string): number {
  if (!/^[0-9a-f]{8}$/i.test(hex))
    throw new Error(`simulator wrote '${hex}', not a 32-bit hex word`);
  return parseInt(hex, 16) | 0;
}

/** A 32-bit hex word read back as an unsigned number. */
export function unsignedWord(hex: string): number {
  return signedWord(hex) >>> 0;
}

/**
 * A fresh work directory per test; kept (and its path printed) when SPIKELAB_HDL_KEEP is set,
 * so a failing bench can be rerun by hand on the same vectors.
 */
export function workDir(name: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `spikelab-hdl-${name}-`));
  const keep = Boolean(process.env.SPIKELAB_HDL_KEEP);
  return {
    dir,
    dispose: () => {
      if (keep) console.log(`hdl: kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}
