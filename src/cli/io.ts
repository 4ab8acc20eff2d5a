/**
 * Where the command line writes. Commands never touch `process` directly, so tests run them
 * in-process with captured output and the same code serves the real terminal.
 */
import { writeFile } from 'node:fs/promises';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress lines are drawn only on an interactive terminal, never into a log or a pipe. */
  readonly stderrIsTTY: boolean;
  /** Relative paths on the command line are resolved against this directory. */
  readonly cwd: string;
  /** Writes a whole output file (`--out`). */
  writeFile(path: string, text: string): Promise<void>;
}

let stdoutClosed = false;
let guarded = false;

/**
 * `spikelab run net.json | head` closes stdout early; Node then emits EPIPE as an unhandled
 * 'error' event with a stack trace. A closed pipe means the reader has what it wanted, so
 * further output is dropped quietly; any other write error is reported in one line.
 */
function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    if (error.code === 'EPIPE') return;
    process.stderr.write(`spikelab: cannot write to stdout: ${error.message}\n`);
    process.exitCode = 1;
  });
}

/** The real process: stdout, stderr and the file system. */
export function nodeIo(): CliIo {
  guardStdout();
  return {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
  };
}
