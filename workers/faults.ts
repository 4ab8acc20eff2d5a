/**
 * Turns whatever the engine threw into a protocol `EngineFault`. Errors lose their class and
 * fields when structured-cloned, so the worker converts them before they cross the boundary.
 */
import {
  BackendUnavailableError,
  DocumentInvalidError,
  MemoryBudgetError,
  NumericalError,
} from '../src/engine/errors.ts';
import type { EngineFault } from './protocol.ts';

/** The protocol form of an error thrown by `createSimulation`, `step` or `reset`. */
export function faultFromError(error: unknown): EngineFault {
  if (error instanceof DocumentInvalidError) {
    return { kind: 'document-invalid', message: error.message, issues: error.issues };
  }
  if (error instanceof MemoryBudgetError) {
    return {
      kind: 'memory-budget',
      message: error.message,
      estimateBytes: error.estimateBytes,
      budgetBytes: error.budgetBytes,
    };
  }
  if (error instanceof NumericalError) {
    return {
      kind: 'numerical',
      message: error.message,
      population: error.population,
      step: error.step,
      neuron: error.neuron,
      variable: error.variable,
      value: error.value,
    };
  }
  if (error instanceof BackendUnavailableError) {
    return {
      kind: 'backend-unavailable',
      message: error.message,
      backend: error.backend,
      reason: error.reason,
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'internal', message };
}
