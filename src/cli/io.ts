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

/** The real process: stdout, stderr and the file system. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
  };
}
