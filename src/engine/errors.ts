/**
 * Errors the engine raises on purpose. Each carries enough data for the page and the CLI to
 * say what is wrong in words a user understands, without a stack trace.
 */
import type { ValidationIssue } from '../model/validation-issue.ts';

/** The document failed validation; `issues` name each offending field. */
export class DocumentInvalidError extends Error {
  override readonly name = 'DocumentInvalidError';
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  }
}

/** The network would need more memory than the budget allows. */
export class MemoryBudgetError extends Error {
  override readonly name = 'MemoryBudgetError';
  constructor(
    readonly estimateBytes: number,
    readonly budgetBytes: number,
    readonly breakdown: string,
  ) {
    super(
      `network needs about ${formatBytes(estimateBytes)} of state, over the budget of ` +
        `${formatBytes(budgetBytes)} (${breakdown})`,
    );
  }
}

/** A state variable became NaN or infinite. */
export class NumericalError extends Error {
  override readonly name = 'NumericalError';
  constructor(
    readonly population: string,
    readonly step: number,
    readonly neuron: number,
    readonly variable: string,
    readonly value: number,
  ) {
    super(
      `population '${population}': ${variable} of neuron ${neuron} became ${value} at step ` +
        `${step}; check its parameters (a time constant near 0 or a very large weight or current)`,
    );
  }
}

/** The requested backend cannot run here (no WebGPU adapter, no WebGL2, ...). */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';
  constructor(
    readonly backend: string,
    readonly reason: string,
  ) {
    super(`backend '${backend}' is not available here: ${reason}`);
  }
}

/** Human-readable byte count, e.g. `1.5 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit] ?? 'B'}`;
}
