/** Helpers of the wasm tests: run a plan on a backend in chunks, compare records bit for bit. */
import { expect } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendFactory } from '../../../src/engine/backends/backend.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';

/** `steps` steps of `plan` on a fresh runner, in chunks of `chunk` steps, merged into one. */
export async function runChunks(
  factory: BackendFactory,
  plan: Plan,
  chunk: number,
  steps = plan.totalSteps,
): Promise<Chunk> {
  const runner = await factory(plan);
  try {
    const chunks: Chunk[] = [];
    for (let done = 0; done < steps; done += chunk) {
      chunks.push(await runner.run(Math.min(chunk, steps - done)));
    }
    expect(runner.currentStep).toBe(steps);
    return mergeChunks(chunks);
  } finally {
    runner.dispose();
  }
}

/** The first index where two arrays differ (bitwise for floats, so -0 and NaN count), or -1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** Asserts identical spikes, traces (every float bit) and counts. */
export function expectIdentical(actual: Chunk, expected: Chunk): void {
  expect(actual.startStep).toBe(expected.startStep);
  expect(actual.steps).toBe(expected.steps);
  expect(Object.keys(actual.spikes).sort()).toEqual(Object.keys(expected.spikes).sort());
  for (const [id, e] of Object.entries(expected.spikes)) {
    const a = actual.spikes[id];
    expect(a?.steps.length, `spike count of ${id}`).toBe(e.steps.length);
    expect(firstDifference(a?.steps ?? [], e.steps), `first spike step differing in ${id}`).toBe(
      -1,
    );
    expect(firstDifference(a?.indices ?? [], e.indices), `first index differing in ${id}`).toBe(-1);
  }
  expect(Object.keys(actual.traces).sort()).toEqual(Object.keys(expected.traces).sort());
  for (const [id, e] of Object.entries(expected.traces)) {
    const a = actual.traces[id];
    expect(firstDifference(a?.steps ?? [], e.steps), `trace steps of ${id}`).toBe(-1);
    const i = firstDifference(a?.values ?? [], e.values);
    expect(i, `first differing sample of ${id}: ${a?.values[i]} vs ${e.values[i]}`).toBe(-1);
  }
  expect(Object.keys(actual.counts).sort()).toEqual(Object.keys(expected.counts).sort());
  for (const [id, e] of Object.entries(expected.counts)) {
    expect(firstDifference(actual.counts[id]?.counts ?? [], e.counts), `counts of ${id}`).toBe(-1);
  }
}
