/**
 * `hdl/tb/tb_core.v` built with the core's parameters, and the waves of a failed comparison:
 * issue 8 asks that a mismatch report the first step, neuron and field AND keep the VCD, so a
 * failing co-simulation reruns the same images with the dump switched on (in Icarus, which
 * writes a VCD without a special build) and names the file in its error.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_RTL_FILES } from '../../src/hdl/board-files.ts';
import type { CoreWrite } from '../../src/hdl/core-memory-map.ts';
import { REPO_ROOT, buildBench, runTool } from './simulators.ts';

/** Core parameters given to tb_core (e.g. `{ ONLINE_O1: 1 }`); the rest keep its defaults. */
export type CoreParams = Readonly<Record<string, number>>;

const HDL = join(REPO_ROOT, 'hdl');

/**
 * tb_core with `params`, built by `simulator` into `dir` from the RTL in `rtlDir` (a mutant's
 * copy, or hdl/); returns the command line that runs it (plusargs go after it).
 */
export function buildCoreBench(
  simulator: 'icarus' | 'verilator',
  dir: string,
  params: CoreParams = {},
  rtlDir = HDL,
): string[] {
  const sources = [join(HDL, 'tb/tb_core.v'), ...CORE_RTL_FILES.map((f) => join(rtlDir, f))];
  return buildBench(simulator, { top: 'tb_core', sources, params }, dir);
}

/** How to get the waves of a run that failed: returns the VCD's path. */
export type Waves = () => string;

/**
 * The waves of a tb_core run: the same `plusargs` (images, steps, outputs) rerun in Icarus with
 * `params` from the RTL in `rtlDir`, dumping `dir/waves.vcd`.
 */
export function coreWaves(
  dir: string,
  params: CoreParams,
  plusargs: readonly string[],
  rtlDir = HDL,
): Waves {
  return () => {
    const build = join(dir, 'waves');
    mkdirSync(build, { recursive: true });
    const [tool, ...args] = buildCoreBench('icarus', build, params, rtlDir);
    const vcd = join(dir, 'waves.vcd');
    runTool(tool ?? 'vvp', [...args, ...plusargs, `+vcd=${vcd}`], 'dumping the waves');
    return vcd;
  };
}

/** The waves of an exported directory's `tb_top` (built there as `sim`): `dir/tb_top.vcd`. */
export function topWaves(dir: string): Waves {
  return () => {
    // tb_top writes its files (spikes.csv, tb_top.vcd) in its working directory.
    const run = spawnSync('vvp', ['-n', 'sim', '+vcd'], { cwd: dir, encoding: 'utf8' });
    const vcd = join(dir, 'tb_top.vcd');
    if (run.status !== 0 || !existsSync(vcd)) {
      throw new Error(`'vvp -n sim +vcd' in ${dir} wrote no tb_top.vcd: ${run.stderr ?? ''}`);
    }
    return vcd;
  };
}

/**
 * The error of a comparison that failed with `mismatch`: names the first difference, the kept
 * directory and the VCD (or why none could be written: the mismatch still reads first).
 */
export function mismatchError(name: string, mismatch: string, dir: string, waves: Waves): Error {
  let where: string;
  try {
    where = `waves in ${waves()}`;
  } catch (error) {
    where = `no VCD: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  return new Error(`${name}: ${mismatch} (kept ${dir}; ${where})`);
}

/** A 32-bit word as tb_core's +writes and +readback files spell it (8 hex digits). */
export const busWord = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

/** Bridge writes as tb_core's +writes file lines: `ADDRESS DATA`. */
export function busLines(writes: readonly CoreWrite[]): string[] {
  return writes.map((w) => `${busWord(w.address)} ${busWord(w.data)}`);
}

/**
 * Writes `writes` to `dir/writes.txt` and returns the plusargs that load them into a tb_core
 * with empty memories (`+noimages`), before `more` (steps, outputs, ...).
 */
export function busLoad(
  dir: string,
  writes: readonly CoreWrite[],
  more: readonly string[],
): string[] {
  const file = join(dir, 'writes.txt');
  writeFileSync(
    file,
    busLines(writes)
      .map((line) => `${line}\n`)
      .join(''),
  );
  return ['+noimages', `+writes=${file}`, ...more];
}

/**
 * A mutant of the core: the RTL copied into `dir` (created) with `from`, which must occur in
 * exactly one of the core's files (spikelab_core.v or a module it instantiates, such as
 * spike_fanout.v), replaced by `to`; returns `dir`, the `rtlDir` to build it from.
 */
export function mutantRtl(dir: string, from: string, to: string): string {
  mkdirSync(dir, { recursive: true });
  for (const f of CORE_RTL_FILES) copyFileSync(join(HDL, f), join(dir, f));
  const hits = CORE_RTL_FILES.filter((f) => readFileSync(join(dir, f), 'utf8').includes(from));
  const [file] = hits;
  if (file === undefined || hits.length > 1) {
    throw new Error(`mutant: '${from}' found in ${hits.length} of the core's files, expected 1`);
  }
  const path = join(dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  return dir;
}
