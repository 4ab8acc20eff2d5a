/**
 * The engine's side of the board's verdict: every population's spikes of the same document
 * and steps, run on the reference backend (the oracle; integer models agree bit for bit on
 * every backend), whatever probes the document has, and the final weights of every projection
 * that learns (`learnedWeights()`: what the next step would deliver, the engine's `w` probe).
 */
import { createSimulation } from '../../engine/simulation.ts';
import type { SpikeEvent } from '../../hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../model/document.ts';

export interface EngineRun {
  /** Every spike (population by population: `compareSpikes` sorts them). */
  spikes: SpikeEvent[];
  /** Projection id -> one float32 per synapse in connection order, after the last step. */
  learned: Record<string, Float32Array>;
}

/** Steps per `step()` call: the spike blocks of a chunk are all the run keeps. */
const CHUNK_STEPS = 5000;

/** The engine's spikes of `doc` (all of its steps) and its final learned weights. */
export async function engineRun(doc: NetworkDocument): Promise<EngineRun> {
  const probes = doc.populations.map((p) => ({
    id: `board_verdict_${p.id}`,
    kind: 'spikes' as const,
    population: p.id,
  }));
  const simulation = await createSimulation({ ...doc, probes }, { backend: 'reference' });
  try {
    const spikes: SpikeEvent[] = [];
    while (simulation.currentStep < simulation.totalSteps) {
      const chunk = await simulation.step(CHUNK_STEPS);
      doc.populations.forEach((p, population) => {
        const block = chunk.spikes[p.id];
        block?.steps.forEach((step, k) => {
          spikes.push({ step, population, index: block.indices[k] ?? -1 });
        });
      });
    }
    return { spikes, learned: await simulation.learnedWeights() };
  } finally {
    simulation.dispose();
  }
}

/** The engine's spikes of `doc` alone (the tests' and the bench's oracle). */
export async function engineSpikes(doc: NetworkDocument): Promise<SpikeEvent[]> {
  return (await engineRun(doc)).spikes;
}
