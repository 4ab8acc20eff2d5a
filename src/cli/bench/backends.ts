/** The backends the bench knows by name, and how each maps to the engine's `BackendChoice`. */
import type { BackendChoice } from '../../model/document.ts';
import { CliError } from '../cli-error.ts';

export interface BenchBackend {
  /** Shown in the table, e.g. `gpu:webasm`. */
  label: string;
  choice: BackendChoice;
}

const KNOWN: readonly BenchBackend[] = [
  { label: 'reference', choice: 'reference' },
  { label: 'wasm', choice: 'wasm' },
  { label: 'gpu:webasm', choice: 'webasm' },
  { label: 'gpu:cpu', choice: 'cpu' },
  { label: 'gpu:webgl2', choice: 'webgl2' },
  { label: 'gpu:webgpu', choice: 'webgpu' },
  { label: 'gpu', choice: 'gpu' },
  { label: 'auto', choice: 'auto' },
];

/** The CPU paths that can exist in Node, fastest expected last. */
export const DEFAULT_BENCH_BACKENDS: readonly BenchBackend[] = KNOWN.slice(0, 4);

/**
 * Parses `--backends a,b`: each name is a label (`gpu:webasm`) or the engine's choice (`webasm`).
 *
 * @example parseBackendList('reference,webasm') // reference and gpu:webasm
 */
export function parseBackendList(list: string): BenchBackend[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0) throw new CliError('--backends needs at least one backend name');
  return names.map((name) => {
    const found = KNOWN.find((b) => b.label === name || b.choice === name);
    if (found === undefined) {
      throw new CliError(
        `--backends: unknown backend '${name}' (known: ${KNOWN.map((b) => b.label).join(', ')})`,
      );
    }
    return found;
  });
}
