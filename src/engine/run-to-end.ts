/** Helpers for callers that want a whole run at once (the CLI, tests, benchmarks). */
import type { Chunk, CountBlock, Simulation, SpikeBlock, TraceBlock } from './api.ts';

/**
 * Steps the simulation to its end in chunks of `chunkSteps` and returns everything recorded as
 * one chunk. `wallMs` is the sum of the chunks' stepping time.
 *
 * @example const all = await runToEnd(await createSimulation(doc), 1000);
 */
export async function runToEnd(sim: Simulation, chunkSteps: number): Promise<Chunk> {
  const size = Math.max(1, Math.floor(chunkSteps));
  const chunks: Chunk[] = [];
  while (sim.currentStep < sim.totalSteps) chunks.push(await sim.step(size));
  return mergeChunks(chunks, sim.currentStep);
}

/**
 * Concatenates consecutive chunks (in order). With no chunks the result is an empty chunk
 * starting at `emptyStart`.
 *
 * @example mergeChunks([await sim.step(10), await sim.step(10)]).steps // 20
 */
export function mergeChunks(chunks: readonly Chunk[], emptyStart = 0): Chunk {
  const first = chunks[0];
  const spikes: Record<string, SpikeBlock> = {};
  const traces: Record<string, TraceBlock> = {};
  const counts: Record<string, CountBlock> = {};
  for (const id of Object.keys(first?.spikes ?? {})) {
    spikes[id] = {
      steps: concatInt32(chunks.map((c) => c.spikes[id]?.steps)),
      indices: concatUint32(chunks.map((c) => c.spikes[id]?.indices)),
    };
  }
  for (const id of Object.keys(first?.traces ?? {})) {
    traces[id] = {
      steps: concatInt32(chunks.map((c) => c.traces[id]?.steps)),
      values: concatFloat32(chunks.map((c) => c.traces[id]?.values)),
    };
  }
  for (const id of Object.keys(first?.counts ?? {})) {
    counts[id] = { counts: concatUint32(chunks.map((c) => c.counts[id]?.counts)) };
  }
  return {
    startStep: first?.startStep ?? emptyStart,
    steps: chunks.reduce((sum, c) => sum + c.steps, 0),
    spikes,
    traces,
    counts,
    wallMs: chunks.reduce((sum, c) => sum + c.wallMs, 0),
  };
}

function totalLength(parts: readonly (ArrayLike<number> | undefined)[]): number {
  return parts.reduce((sum, p) => sum + (p?.length ?? 0), 0);
}

type NumberArray = Int32Array | Uint32Array | Float32Array;

/** Concatenates typed arrays of one kind into a new array made by `make`. */
function concat<T extends NumberArray>(
  parts: readonly (T | undefined)[],
  make: (length: number) => T,
): T {
  const out = make(totalLength(parts));
  let at = 0;
  for (const p of parts) {
    if (!p) continue;
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function concatInt32(parts: readonly (Int32Array | undefined)[]): Int32Array {
  return concat(parts, (n) => new Int32Array(n));
}

function concatUint32(parts: readonly (Uint32Array | undefined)[]): Uint32Array {
  return concat(parts, (n) => new Uint32Array(n));
}

function concatFloat32(parts: readonly (Float32Array | undefined)[]): Float32Array {
  return concat(parts, (n) => new Float32Array(n));
}
