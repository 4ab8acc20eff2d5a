/**
 * Runs one document to its end in an engine worker (the Run tab's worker and protocol, its own
 * instance) as fast as the engine goes, and gathers every spike. The Hardware panel runs the
 * float network and the quantised one this way, one after the other.
 */
import type { EngineClient } from '../../store/session/types.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { PROTOCOL_VERSION } from '../../../workers/protocol.ts';

/** Every spike of one population: parallel arrays of step and neuron index. */
export interface PopulationSpikes {
  steps: number[];
  indices: number[];
}

export interface RunSpikes {
  dt: number;
  totalSteps: number;
  /** The backend that ran it (e.g. wasm), for the panel to show. */
  backend: string;
  spikes: Record<string, PopulationSpikes>;
}

/** Steps of the first chunk; the worker grows unpaced chunks toward 30 ms of engine time. */
const CHUNK_STEPS = 100;
/** Chunks the worker may run ahead of the page's acknowledgement. */
const CHUNKS_AHEAD = 4;

/**
 * Runs `document` in `client` to the end. `onProgress` gets the fraction of steps done.
 * Rejects with the engine's message on a fault.
 */
export async function runToEnd(
  client: EngineClient,
  document: NetworkDocument,
  onProgress: (fraction: number) => void,
): Promise<RunSpikes> {
  const spikes: Record<string, PopulationSpikes> = {};
  let totalSteps = 1;
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const opened = await client.open(
    {
      protocolVersion: PROTOCOL_VERSION,
      document,
      backend: document.run.backend,
      chunkSteps: CHUNK_STEPS,
      speed: Infinity,
      maxChunksAhead: CHUNKS_AHEAD,
    },
    (event) => {
      switch (event.type) {
        case 'chunk': {
          for (const [id, block] of Object.entries(event.chunk.spikes)) {
            const into = (spikes[id] ??= { steps: [], indices: [] });
            for (let k = 0; k < block.steps.length; k++) {
              into.steps.push(block.steps[k]!);
              into.indices.push(block.indices[k]!);
            }
          }
          onProgress(Math.min(1, (event.chunk.startStep + event.chunk.steps) / totalSteps));
          void client.ack(event.seq);
          return;
        }
        case 'finished':
          settle?.resolve();
          return;
        case 'fault':
          settle?.reject(new Error(event.fault.message));
          return;
        case 'paused':
          return;
      }
    },
  );
  if (!opened.ok) throw new Error(opened.fault.message);
  totalSteps = Math.max(1, opened.totalSteps);
  await client.play();
  await done;
  await client.close();
  return { dt: opened.dt, totalSteps: opened.totalSteps, backend: opened.backend, spikes };
}

/** Spike counts by population id. */
export function spikeCounts(run: RunSpikes): Record<string, number> {
  return Object.fromEntries(Object.entries(run.spikes).map(([id, s]) => [id, s.steps.length]));
}
