/**
 * Runs a document to the end in chunks and keeps what its probes record. Shared by `run` and
 * `bench`, so both measure the same loop.
 */
import type { ResolvedBackend } from '../../engine/api.ts';
import { createSimulation } from '../../engine/simulation.ts';
import type { BackendChoice, NetworkDocument } from '../../model/document.ts';
import { RecordingBuilder } from './recording.ts';
import type { Recording } from './recording.ts';

export interface ExecuteOptions {
  /** Steps per `step()` call: larger chunks cost less overhead, smaller ones less memory. */
  chunkSteps: number;
  backend?: BackendChoice;
  memoryBudgetBytes?: number;
  /** Called after every chunk with the steps done so far. */
  onProgress?: (doneSteps: number, totalSteps: number) => void;
}

export interface Execution {
  backend: ResolvedBackend;
  recording: Recording;
}

/** Creates a simulation, runs all of the document's steps and disposes of it. */
export async function executeDocument(
  doc: NetworkDocument,
  options: ExecuteOptions,
): Promise<Execution> {
  const simulation = await createSimulation(doc, {
    ...(options.backend === undefined ? {} : { backend: options.backend }),
    ...(options.memoryBudgetBytes === undefined
      ? {}
      : { memoryBudgetBytes: options.memoryBudgetBytes }),
  });
  try {
    const builder = new RecordingBuilder();
    const total = simulation.totalSteps;
    while (builder.stepsAdded < total) {
      builder.add(await simulation.step(Math.min(options.chunkSteps, total - builder.stepsAdded)));
      options.onProgress?.(builder.stepsAdded, total);
    }
    return { backend: simulation.backend, recording: builder.finish() };
  } finally {
    simulation.dispose();
  }
}
