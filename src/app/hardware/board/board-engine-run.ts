/**
 * The engine's side of the board's run: the same document (`prepareRun`'s, every population
 * probed) run to the same step in the board worker, every spike as a `SpikeEvent` in the
 * core's numbering (population index in the document). The worker computes it instead of
 * reusing the Run tab's last run: that run may record other populations, be paced, or be for
 * an older edit; this one is for exactly the document and steps sent to the board.
 */
import type { Chunk } from '../../../engine/api.ts';
import { createSimulation } from '../../../engine/simulation.ts';
import type { SpikeEvent } from '../../../hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../../model/document.ts';

/** Steps per engine call: between them the worker looks at the cancel flag. */
const CHUNK_STEPS = 500;

/** Every spike of `chunk`, in `doc`'s population numbering. */
export function chunkEvents(doc: NetworkDocument, chunk: Chunk): SpikeEvent[] {
  const events: SpikeEvent[] = [];
  doc.populations.forEach((p, population) => {
    const block = chunk.spikes[p.id];
    if (block === undefined) return;
    for (let k = 0; k < block.steps.length; k++) {
      events.push({ step: block.steps[k]!, population, index: block.indices[k]! });
    }
  });
  return events;
}

export interface EngineRun {
  readonly backend: string;
  readonly spikes: SpikeEvent[];
}

/**
 * Runs `doc` to its end on wasm (or reference when the document asks for it: both are the
 * engine's exact integer arithmetic for every model the core runs; the gpu backends refuse
 * fixed point). Rejects with the engine's error, or an `AbortError` once `signal` fires.
 */
export async function runEngine(doc: NetworkDocument, signal: AbortSignal): Promise<EngineRun> {
  const backend = doc.run.backend === 'reference' ? 'reference' : 'wasm';
  const sim = await createSimulation(doc, { backend });
  const spikes: SpikeEvent[] = [];
  try {
    while (sim.currentStep < sim.totalSteps) {
      signal.throwIfAborted();
      for (const e of chunkEvents(doc, await sim.step(CHUNK_STEPS))) spikes.push(e);
    }
  } finally {
    sim.dispose();
  }
  return { backend: sim.backend, spikes };
}
