/**
 * Gathers the chunks of a run into whole-run arrays, keyed the way the engine keys them
 * (spikes by population id, traces and counts by probe id). Chunks arrive in step order, so
 * concatenating them keeps every array in step order.
 */
import type { Chunk } from '../../engine/api.ts';

export interface SpikeRecord {
  steps: Int32Array;
  indices: Uint32Array;
}

export interface TraceRecord {
  steps: Int32Array;
  /** `values[k * neuronCount + n]`, as in `TraceBlock`. */
  values: Float32Array;
}

export interface Recording {
  /** Steps simulated. */
  steps: number;
  /** Sum of the chunks' `wallMs`: the simulation loop alone. */
  wallMs: number;
  spikes: Map<string, SpikeRecord>;
  traces: Map<string, TraceRecord>;
  /** Spike count of each rate probe's population at every step. */
  counts: Map<string, Uint32Array>;
}

/** Collects chunks; `finish()` concatenates them once at the end. */
export class RecordingBuilder {
  private steps = 0;
  private wallMs = 0;
  private readonly chunks: Chunk[] = [];

  add(chunk: Chunk): void {
    this.chunks.push(chunk);
    this.steps += chunk.steps;
    this.wallMs += chunk.wallMs;
  }

  /** Total steps added so far. */
  get stepsAdded(): number {
    return this.steps;
  }

  finish(): Recording {
    const spikes = new Map<string, SpikeRecord>();
    for (const id of keysOf(this.chunks, (c) => c.spikes)) {
      const blocks = this.chunks.flatMap((c) => {
        const block = c.spikes[id];
        return block === undefined ? [] : [block];
      });
      spikes.set(id, {
        steps: concat(
          Int32Array,
          blocks.map((b) => b.steps),
        ),
        indices: concat(
          Uint32Array,
          blocks.map((b) => b.indices),
        ),
      });
    }
    const traces = new Map<string, TraceRecord>();
    for (const id of keysOf(this.chunks, (c) => c.traces)) {
      const blocks = this.chunks.flatMap((c) => {
        const block = c.traces[id];
        return block === undefined ? [] : [block];
      });
      traces.set(id, {
        steps: concat(
          Int32Array,
          blocks.map((b) => b.steps),
        ),
        values: concat(
          Float32Array,
          blocks.map((b) => b.values),
        ),
      });
    }
    const counts = new Map<string, Uint32Array>();
    for (const id of keysOf(this.chunks, (c) => c.counts)) {
      const parts = this.chunks.flatMap((c) => {
        const block = c.counts[id];
        return block === undefined ? [] : [block.counts];
      });
      counts.set(id, concat(Uint32Array, parts));
    }
    return { steps: this.steps, wallMs: this.wallMs, spikes, traces, counts };
  }
}

function keysOf(chunks: readonly Chunk[], pick: (c: Chunk) => Record<string, unknown>): string[] {
  const keys = new Set<string>();
  for (const chunk of chunks) for (const key of Object.keys(pick(chunk))) keys.add(key);
  return [...keys];
}

function concat<A extends Int32Array | Uint32Array | Float32Array>(
  Kind: new (length: number) => A,
  parts: readonly A[],
): A {
  const out = new Kind(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
