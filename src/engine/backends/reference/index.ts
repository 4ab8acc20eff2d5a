/** The `reference` backend: plain typed arrays, the oracle every other backend is tested against. */
import type { BackendFactory } from '../backend.ts';
import { ReferenceRunner } from './runner.ts';

export { ReferenceRunner } from './runner.ts';

/**
 * Builds a reference runner for a plan. Never unavailable: it needs nothing but JavaScript.
 *
 * @example
 * const runner = await createReferenceBackend(compile(doc));
 * const chunk = await runner.run(1000);
 */
export const createReferenceBackend: BackendFactory = (plan) =>
  Promise.resolve(new ReferenceRunner(plan));
