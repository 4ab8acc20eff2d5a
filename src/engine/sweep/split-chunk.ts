/**
 * A batched plan's chunk cut back into one chunk per variant, keyed by the variants' own ids
 * (what the variant's plan alone would have recorded).
 */
import type { Chunk } from '../api.ts';
import { parseVariantId } from './merge-plans.ts';

/**
 * @example splitChunk(await runner.run(100), 2)[1]?.spikes['exc'] // variant 1's spikes
 */
export function splitChunk(chunk: Chunk, variants: number): Chunk[] {
  const out: Chunk[] = Array.from({ length: variants }, () => ({
    startStep: chunk.startStep,
    steps: chunk.steps,
    spikes: {},
    traces: {},
    counts: {},
    // Stepping time is shared by the batch; each variant reports the batch's.
    wallMs: chunk.wallMs,
  }));
  const place = <T>(from: Record<string, T>, pick: (c: Chunk) => Record<string, T>): void => {
    for (const [key, value] of Object.entries(from)) {
      const parsed = parseVariantId(key);
      const target = parsed ? out[parsed.variant] : undefined;
      if (!parsed || !target) throw new Error(`sweep: a batch recorded '${key}', no variant's id`);
      pick(target)[parsed.id] = value;
    }
  };
  place(chunk.spikes, (c) => c.spikes);
  place(chunk.traces, (c) => c.traces);
  place(chunk.counts, (c) => c.counts);
  return out;
}
