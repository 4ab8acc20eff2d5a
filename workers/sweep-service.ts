/**
 * The sweep worker's behaviour, apart from comlink so it runs (and is tested) in Node: one
 * sweep at a time, progress to the page, Cancel through an `AbortSignal`, errors turned into
 * messages because an `Error` loses its class on its way to the page.
 */
import {
  runSweep,
  SweepCancelledError,
  type SweepOptions,
  type SweepResult,
  type SweepSpec,
} from '../src/engine/sweep/run-sweep.ts';
import { DocumentInvalidError } from '../src/engine/errors.ts';
import type { NetworkDocument } from '../src/model/document.ts';
import type { SweepOutcome, SweepWorkerApi } from './sweep-protocol.ts';

export type SweepFunction = (
  doc: NetworkDocument,
  spec: SweepSpec,
  options: SweepOptions,
) => Promise<SweepResult>;

/** Steps per chunk: a cancel or a progress report waits at most this many steps. */
export const SWEEP_CHUNK_STEPS = 250;

function messageOf(error: unknown): string {
  if (error instanceof DocumentInvalidError) {
    return error.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

export function createSweepService(sweep: SweepFunction = runSweep): SweepWorkerApi {
  let running: AbortController | null = null;
  return {
    async run(request, onProgress) {
      if (running) return { ok: false, cancelled: false, message: 'a sweep is already running' };
      const controller = new AbortController();
      running = controller;
      try {
        const result = await sweep(request.document, request.spec, {
          backend: request.backend,
          chunkSteps: SWEEP_CHUNK_STEPS,
          signal: controller.signal,
          onProgress,
        });
        return { ok: true, result } satisfies SweepOutcome;
      } catch (error) {
        if (error instanceof SweepCancelledError) return { ok: false, cancelled: true };
        return { ok: false, cancelled: false, message: messageOf(error) };
      } finally {
        running = null;
      }
    },
    cancel() {
      running?.abort();
    },
  };
}
