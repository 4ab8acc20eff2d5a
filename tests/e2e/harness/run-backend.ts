/**
 * Runs a document to its end in a real engine worker on one backend and returns every spike:
 * the browser half of the cross-backend test. It goes through the same protocol and worker the
 * page uses, so a backend that only fails inside a worker fails here too.
 */
import type { BackendChoice, NetworkDocument } from '../../../src/model/document.ts';
import { createWorkerClient } from '../../../src/store/session/worker-client.ts';
import { PROTOCOL_VERSION, type EngineFault } from '../../../workers/protocol.ts';

export interface BackendSpikes {
  requested: BackendChoice;
  /** The backend that ran, or null if it could not start. */
  backend: string | null;
  fault: EngineFault | null;
  steps: number;
  wallMs: number;
  /** Per population: absolute steps and indices of every spike, in order. */
  spikes: Record<string, { steps: number[]; indices: number[] }>;
  /** Per state probe: the sampled steps and their values (one per probed neuron and step). */
  traces: Record<string, { steps: number[]; values: number[] }>;
}

/** Runs `doc` for its whole duration on `backend`. */
export function runOnBackend(doc: NetworkDocument, backend: BackendChoice): Promise<BackendSpikes> {
  return new Promise((resolve) => {
    const result: BackendSpikes = {
      requested: backend,
      backend: null,
      fault: null,
      steps: 0,
      wallMs: 0,
      spikes: {},
      traces: {},
    };
    const client = createWorkerClient((reason) => {
      result.fault = { kind: 'internal', message: reason };
      client.terminate();
      resolve(result);
    });
    const done = () => {
      client.terminate();
      resolve(result);
    };
    void client
      .open(
        {
          protocolVersion: PROTOCOL_VERSION,
          document: doc,
          backend,
          chunkSteps: 100,
          speed: Infinity,
          maxChunksAhead: 3,
        },
        (event) => {
          switch (event.type) {
            case 'chunk': {
              const { chunk } = event;
              for (const [id, block] of Object.entries(chunk.spikes)) {
                const into = (result.spikes[id] ??= { steps: [], indices: [] });
                into.steps.push(...block.steps);
                into.indices.push(...block.indices);
              }
              for (const [id, block] of Object.entries(chunk.traces)) {
                const into = (result.traces[id] ??= { steps: [], values: [] });
                into.steps.push(...block.steps);
                into.values.push(...block.values);
              }
              result.steps = chunk.startStep + chunk.steps;
              result.wallMs += chunk.wallMs;
              void client.ack(event.seq);
              return;
            }
            case 'fault':
              result.fault = event.fault;
              done();
              return;
            case 'finished':
            case 'paused':
              done();
              return;
          }
        },
      )
      .then((opened) => {
        if (!opened.ok) {
          result.fault = opened.fault;
          done();
          return;
        }
        result.backend = opened.backend;
        void client.step(opened.totalSteps);
      });
  });
}
