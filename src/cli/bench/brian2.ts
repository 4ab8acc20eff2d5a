/**
 * The baseline: Brian2's CUBA timed by scripts/brian2_cuba.py in the same bench run, so our
 * figures and Brian2's come from the same machine under the same load. Brian2 is an optional
 * tool, not a dependency: when Python cannot import it, the row says why and the bench goes on.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Brian2Mode = 'cpp_standalone' | 'runtime';

export type Brian2Result =
  | {
      status: 'ok';
      mode: Brian2Mode;
      version: string;
      runsMs: number[];
      medianMs: number;
      spikes: number;
      synapses: number;
      synapticEvents: number;
      /** Code generation and compilation, s (standalone only). */
      buildS: number;
    }
  | { status: 'unavailable' | 'failed'; mode: Brian2Mode; reason: string };

const SCRIPT = fileURLToPath(new URL('../../../scripts/brian2_cuba.py', import.meta.url));

/** The Python that has Debian's python3-brian: `SPIKELAB_PYTHON`, else /usr/bin/python3. */
export function brian2Python(): string {
  const chosen = process.env.SPIKELAB_PYTHON;
  if (chosen !== undefined && chosen !== '') return chosen;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/** Whether `python -c "import brian2"` works; the reason when it does not. */
export async function brian2Availability(
  python: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const result = await spawn(python, ['-c', 'import brian2'], 120_000);
  if (result.ok) return { ok: true };
  return { ok: false, reason: `'${python} -c "import brian2"' failed: ${result.reason}` };
}

/** Runs the script and parses its JSON line; never throws. */
export async function runBrian2Cuba(options: {
  python: string;
  mode: Brian2Mode;
  repeats: number;
  durationMs: number;
  timeoutMs: number;
}): Promise<Brian2Result> {
  const args = [
    SCRIPT,
    '--repeats',
    String(options.repeats),
    '--duration-ms',
    String(options.durationMs),
  ];
  if (options.mode === 'runtime') args.push('--runtime');
  const result = await spawn(options.python, args, options.timeoutMs);
  if (!result.ok) return { status: 'failed', mode: options.mode, reason: result.reason };
  const lastLine = result.stdout.trim().split('\n').pop() ?? '';
  const parsed = parseScriptOutput(lastLine);
  if (parsed === undefined) {
    return {
      status: 'failed',
      mode: options.mode,
      reason: `unexpected output from ${SCRIPT}: ${lastLine.slice(0, 200)}`,
    };
  }
  return { status: 'ok', mode: options.mode, ...parsed };
}

type ScriptFigures = Omit<Extract<Brian2Result, { status: 'ok' }>, 'status' | 'mode'>;

/** Reads the script's JSON object, checking every field it relies on. */
export function parseScriptOutput(line: string): ScriptFigures | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const loop = record.loop_s;
  const spikes = record.spikes;
  if (!Array.isArray(loop) || !loop.every((x) => typeof x === 'number')) return undefined;
  if (!Array.isArray(spikes) || typeof spikes[0] !== 'number') return undefined;
  const median = record.median_loop_s;
  const { synapses, synaptic_events: events, build_s: buildS, brian2_version: version } = record;
  if (typeof median !== 'number' || typeof synapses !== 'number' || typeof events !== 'number')
    return undefined;
  return {
    version: typeof version === 'string' ? version : 'unknown',
    runsMs: loop.map((s: number) => s * 1000),
    medianMs: median * 1000,
    spikes: spikes[0],
    synapses,
    synapticEvents: events,
    buildS: typeof buildS === 'number' ? buildS : 0,
  };
}

type SpawnResult = { ok: true; stdout: string } | { ok: false; reason: string };

function spawn(command: string, args: string[], timeoutMs: number): Promise<SpawnResult> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) => {
        if (error === null) {
          done({ ok: true, stdout });
          return;
        }
        // The last line of Python's stderr is the exception ("ModuleNotFoundError: ...").
        const lastLine = stderr.trim().split('\n').pop() ?? '';
        const why = error.killed
          ? `timed out after ${timeoutMs / 1000} s`
          : lastLine || error.message;
        done({ ok: false, reason: why });
      },
    );
  });
}
