/**
 * One run of `@yowasp/yosys` (Yosys compiled to WebAssembly) on an in-memory file tree: the
 * body of the page's Yosys worker, and callable from Node. Loading the WebAssembly (about
 * 30 MB, fetched and compiled on the first run of a worker) is a separate step so that a
 * failure to load is reported as such, not as a Yosys error.
 */
import { runYosys, version } from '@yowasp/yosys';
import { passProgress } from '../../hdl/fit/synth-script.ts';
import type { YosysOutcome, YosysRequest } from './yosys-protocol.ts';

/** Lines of Yosys output kept for an error message (as the CLI keeps). */
const TAIL_LINES = 15;

let loaded = false;

/** Fetches and compiles the WebAssembly once; the seconds it took (0 when already loaded). */
export async function loadYosys(): Promise<number> {
  if (loaded) return 0;
  const started = performance.now();
  try {
    // Without arguments the runner only fetches its resources (`Application.run`).
    await runYosys();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Yosys (WebAssembly, @yowasp/yosys ${version}) could not be loaded: ${reason}`,
      {
        cause: error,
      },
    );
  }
  loaded = true;
  return (performance.now() - started) / 1000;
}

/** Splits Yosys's byte chunks into lines; keeps the last few and reports each pass. */
function lineSink(onProgress: (line: string) => void) {
  const decoder = new TextDecoder();
  const tail: string[] = [];
  let pending = '';
  const take = (line: string): void => {
    if (line.trim() === '') return;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    const progress = passProgress(line);
    if (progress !== undefined) onProgress(progress);
  };
  return {
    /** A chunk of output; `null` is the runtime's flush after each write, not the end. */
    write: (bytes: Uint8Array | null): void => {
      if (bytes === null) return;
      pending += decoder.decode(bytes, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(take);
    },
    /** The last lines, the unfinished one included (at the end of the run). */
    tail: () => [...tail, ...(pending.trim() === '' ? [] : [pending])].slice(-TAIL_LINES),
  };
}

/**
 * Runs `yosys -p SCRIPT` on the request's files. Throws an Error naming what failed: the
 * WebAssembly did not load, Yosys exited with an error (its last lines), or it wrote no stats.
 */
export async function runYosysWasm(
  request: YosysRequest,
  onProgress: (line: string) => void,
): Promise<YosysOutcome> {
  const loadSeconds = await loadYosys();
  const log = lineSink(onProgress);
  const started = performance.now();
  let tree: Awaited<ReturnType<typeof runYosys>>;
  try {
    tree = await runYosys(['-p', request.script], request.files, {
      stdout: log.write,
      stderr: log.write,
      decodeASCII: true,
    });
  } catch (error) {
    // `Exit` (a non-zero status) carries `code`; anything else is a trap of the WebAssembly.
    const code = (error as { code?: unknown }).code;
    const what =
      typeof code === 'number'
        ? `exit status ${code}`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new Error(`yosys failed (${what}); its last lines:\n${log.tail().join('\n')}`, {
      cause: error,
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const stat = tree?.[request.statFile];
  if (typeof stat !== 'string') {
    throw new Error(`yosys finished but wrote no ${request.statFile}`);
  }
  return { stat, seconds, loadSeconds, version };
}
