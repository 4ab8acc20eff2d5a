/**
 * Synthesises an export of the core with Debian's `yosys` (Node only): writes the export's
 * files to a temporary directory, runs `synthScript` (shared with the page's Yosys) and parses
 * `stat -json`. Progress (each top-level pass
 * Yosys starts) goes to `onProgress`; a missing or failing Yosys throws `YosysError` naming it,
 * with the last lines of its output.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CoreCapacity } from '../core-capacity.ts';
import type { ExportedFile } from '../export-verilog.ts';
import type { YosysNetlist } from '../timing/netlist.ts';
import { NETLIST_FILE, STAT_FILE, passProgress, synthScript } from './synth-script.ts';
import { parseYosysStat, type YosysCounts } from './yosys-stat.ts';

export class YosysError extends Error {
  override readonly name = 'YosysError';
}

export interface YosysRun {
  counts: YosysCounts;
  /** Wall-clock seconds of the Yosys process. */
  seconds: number;
  /** The script Yosys ran (its `-p`). */
  script: string;
  /** The flat netlist (`timing` runs only), for src/hdl/timing's estimate. */
  netlist?: YosysNetlist;
}

/** Lines of Yosys output kept for an error message. */
const TAIL_LINES = 15;

/** Runs `yosys` on `files` (an export) at `capacity`. */
export async function runYosys(options: {
  files: readonly ExportedFile[];
  capacity: CoreCapacity;
  onProgress?: (line: string) => void;
  /** The executable (default `yosys` on PATH). */
  yosys?: string;
  /** Flatten and write the netlist too (`synthScript`'s `timing`). */
  timing?: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<YosysRun> {
  const dir = await mkdtemp(join(tmpdir(), 'spikelab-fit-'));
  try {
    for (const f of options.files) {
      const target = join(dir, f.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, f.text);
    }
    const timing = options.timing === true;
    const script = synthScript(options.capacity, { timing });
    const started = performance.now();
    await spawnYosys(
      options.yosys ?? 'yosys',
      ['-p', script],
      dir,
      options.env,
      options.onProgress,
    );
    const seconds = (performance.now() - started) / 1000;
    let stat: string;
    try {
      stat = await readFile(join(dir, STAT_FILE), 'utf8');
    } catch {
      throw new YosysError(`yosys finished but wrote no ${STAT_FILE}`);
    }
    const run: YosysRun = { counts: parseYosysStat(stat), seconds, script };
    if (timing) {
      try {
        run.netlist = JSON.parse(await readFile(join(dir, NETLIST_FILE), 'utf8')) as YosysNetlist;
      } catch {
        throw new YosysError(`yosys finished but wrote no readable ${NETLIST_FILE}`);
      }
    }
    return run;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function spawnYosys(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv | undefined,
  onProgress: ((line: string) => void) | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    let pending = '';
    const child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (chunk: Buffer): void => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        const progress = passProgress(line);
        if (progress !== undefined && onProgress) onProgress(progress);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new YosysError(
          error.code === 'ENOENT'
            ? `yosys was not found ('${command}' is not on PATH): install Yosys (Debian: apt-get install yosys) or use --estimate-only`
            : `yosys could not be started: ${error.message}`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      if (pending.trim() !== '') tail.push(pending);
      if (code === 0) resolve();
      else {
        reject(
          new YosysError(
            `yosys failed (${signal ?? `exit status ${code}`}); its last lines:\n${tail.slice(-TAIL_LINES).join('\n')}`,
          ),
        );
      }
    });
  });
}
