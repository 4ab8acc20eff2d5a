/**
 * The engine's side of the board's verdict: every population's spikes of the same document
 * and steps, run on the reference backend (the oracle; integer models agree bit for bit on
 * every backend), whatever probes the document has.
 */
import type { SpikeEvent } from '../../hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { executeDocument } from '../run/execute.ts';

/** The engine's spikes of `doc` (all of its steps), in the engine's order. */
export async function engineSpikes(doc: NetworkDocument): Promise<SpikeEvent[]> {
  const probes = doc.populations.map((p) => ({
    id: `board_verdict_${p.id}`,
    kind: 'spikes' as const,
    population: p.id,
  }));
  const { recording } = await executeDocument(
    { ...doc, probes },
    { chunkSteps: 5000, backend: 'reference' },
  );
  const events: SpikeEvent[] = [];
  doc.populations.forEach((p, population) => {
    const record = recording.spikes.get(p.id);
    record?.steps.forEach((step, k) => {
      events.push({ step, population, index: record.indices[k] ?? -1 });
    });
  });
  return events;
}
