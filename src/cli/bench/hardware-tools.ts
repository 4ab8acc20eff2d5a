/**
 * The hardware bench's external tools (Node only): running a process with its wall time,
 * asking Verilator and Yosys for their versions (or why they cannot run), building an exported
 * design's `tb_top` with `verilator --binary` and running it. Nothing here throws for a tool's
 * failure except `buildTestbench`, whose `ToolError` names the tool and its last output.
 */
import { spawn } from 'node:child_process';

export class ToolError extends Error {
  override readonly name = 'ToolError';
}

export interface ProcessResult {
  /** Exit status; null when it was killed or never started. */
  code: number | null;
  /** Set when the tool could not start (ENOENT: not on PATH). */
  startError?: NodeJS.ErrnoException;
  timedOut: boolean;
  output: string;
  /** Wall time from spawn to exit, ms. */
  wallMs: number;
}

/** Runs `command args` in `cwd` to completion (killed after `timeoutMs`). */
export function runProcess(
  command: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    let output = '';
    let timedOut = false;
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const take = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      // Keep the end: that is where a tool says what went wrong.
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: null, startError: error, timedOut, output, wallMs: 0 });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, output, wallMs: performance.now() - started });
    });
  });
}

/** Why a finished process failed, or null when it exited 0. */
export function processFailure(what: string, result: ProcessResult): string | null {
  if (result.startError) {
    return result.startError.code === 'ENOENT'
      ? `${what} is not on PATH`
      : `${what} could not start (${result.startError.message})`;
  }
  if (result.timedOut) return `${what} timed out`;
  if (result.code !== 0) {
    const tail = result.output.trim().split('\n').slice(-6).join(' / ');
    return `${what} ended with exit status ${result.code}: ${tail}`;
  }
  return null;
}

export type ToolCheck = { ok: true; version: string } | { ok: false; reason: string };

/** The first line `tool versionFlag` prints, or why it cannot run, with how to install it. */
export async function toolVersion(
  tool: 'verilator' | 'yosys',
  cwd: string,
  install: string,
): Promise<ToolCheck> {
  const result = await runProcess(tool, [tool === 'yosys' ? '-V' : '--version'], cwd, 30_000);
  const failure = processFailure(tool, result);
  if (failure !== null) return { ok: false, reason: `${failure} (${install})` };
  return { ok: true, version: result.output.trim().split('\n')[0] ?? tool };
}

/**
 * Builds `tb_top` of the export in `dir` (the top-level `*.v` files, `files`) with
 * `verilator --binary` at its default optimisation, into `dir/obj`; returns the executable.
 */
export async function buildTestbench(dir: string, files: readonly string[]): Promise<string> {
  const args = ['--binary', '-j', '2', '--top-module', 'tb_top', '-Mdir', 'obj', '-o', 'sim'];
  const result = await runProcess('verilator', [...args, ...files], dir, 900_000);
  const failure = processFailure('verilator --binary', result);
  if (failure !== null) throw new ToolError(failure);
  return `${dir}/obj/sim`;
}
