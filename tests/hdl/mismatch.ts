/**
 * Compares a simulator's outputs with the engine's, record by record, and describes the first
 * difference (vector index, field, expected, got, and the vector's inputs) for the test's
 * failure message.
 */

/** The first difference between `expected` and `got`, or null when every field agrees. */
export function firstMismatch<T extends object>(
  expected: readonly T[],
  got: readonly T[],
  inputs: (index: number) => string,
): string | null {
  if (got.length !== expected.length) {
    return `the simulator wrote ${got.length} records, expected ${expected.length}`;
  }
  for (let n = 0; n < expected.length; n++) {
    const want = expected[n] as Record<string, unknown>;
    const have = got[n] as Record<string, unknown>;
    for (const field of Object.keys(want)) {
      if (want[field] !== have[field]) {
        return (
          `vector ${n}, field ${field}: expected ${String(want[field])}, ` +
          `got ${String(have[field])} (inputs: ${inputs(n)})`
        );
      }
    }
  }
  return null;
}
