/**
 * Messages between the page and the Yosys worker (`yosys.worker.ts`). One request per run; the
 * worker answers with progress lines, then exactly one `done` or `failed`.
 */

export interface YosysRequest {
  /** The export's files by path (`exportVerilog`'s `files`). */
  files: Record<string, string>;
  /** The script (`synthScript`), run as `yosys -p SCRIPT`. */
  script: string;
  /** The file the script writes `stat -json` into (`STAT_FILE`). */
  statFile: string;
}

export interface YosysOutcome {
  /** The text of `statFile`. */
  stat: string;
  /** Seconds Yosys ran, without loading the WebAssembly. */
  seconds: number;
  /** Seconds spent loading and compiling the WebAssembly (0 when the worker had it). */
  loadSeconds: number;
  /** The @yowasp/yosys package version. */
  version: string;
}

export type YosysMessage =
  | { kind: 'loaded'; loadSeconds: number }
  | { kind: 'progress'; line: string }
  | { kind: 'done'; outcome: YosysOutcome }
  | { kind: 'failed'; message: string };

/** What the fit store needs of a Yosys: one run at a time, and a hard stop. */
export interface YosysRunner {
  /** Rejects with an Error naming the problem (load, Yosys, or the worker itself). */
  run(
    request: YosysRequest,
    on: { loaded: (loadSeconds: number) => void; progress: (line: string) => void },
  ): Promise<YosysOutcome>;
  /**
   * Stops at once (the worker is terminated), rejecting a run in flight; the runner is not
   * used again.
   */
  terminate(): void;
}

export type YosysRunnerFactory = () => YosysRunner;
