/**
 * The one error type a command throws on purpose: a message for the user and the exit status.
 * `main` prints the message without a stack trace.
 */

/** Exit statuses: 2 when the command line or the input is wrong, 1 when a run fails. */
export const EXIT = { ok: 0, runFailed: 1, usage: 2 } as const;

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}
