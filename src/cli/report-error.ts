/**
 * Turns any error that reaches `main` into one message and an exit status. Users see what is
 * wrong in words; a stack trace appears only with SPIKELAB_DEBUG=1, for us.
 */
import {
  BackendUnavailableError,
  DocumentInvalidError,
  MemoryBudgetError,
  NumericalError,
} from '../engine/errors.ts';
import { formatIssue } from '../model/validation-issue.ts';
import { CliError, EXIT } from './cli-error.ts';

export interface ErrorReport {
  message: string;
  exitCode: number;
}

/** What to print (without the `spikelab: ` prefix) and which status to exit with. */
export function reportError(error: unknown): ErrorReport {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof DocumentInvalidError) {
    return {
      message: `invalid network document:\n${error.issues.map(formatIssue).join('\n')}`,
      exitCode: EXIT.usage,
    };
  }
  // Too big for the budget is a property of the input, not a failure of the run.
  if (error instanceof MemoryBudgetError) return { message: error.message, exitCode: EXIT.usage };
  if (error instanceof BackendUnavailableError || error instanceof NumericalError) {
    return { message: error.message, exitCode: EXIT.runFailed };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `internal error: ${message}`, exitCode: EXIT.runFailed };
}
