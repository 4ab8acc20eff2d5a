/**
 * The page's side of the sweep worker (`workers/sweep.worker.ts`, comlink). One worker per
 * panel session; a worker that fails to load or crashes is reported as a failed sweep and
 * replaced by a fresh one on the next run.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type {
  SweepOutcome,
  SweepProgressSink,
  SweepRequest,
  SweepWorkerApi,
} from '../../../workers/sweep-protocol.ts';

export interface SweepClient {
  run(request: SweepRequest, onProgress: SweepProgressSink): Promise<SweepOutcome>;
  cancel(): Promise<void>;
  terminate(): void;
}

export function createSweepClient(): SweepClient {
  const worker = new Worker(new URL('../../../workers/sweep.worker.ts', import.meta.url), {
    type: 'module',
    name: 'spikelab-sweep',
  });
  let crash: ((message: string) => void) | null = null;
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    crash?.(
      event.message ? `the sweep worker failed: ${event.message}` : 'the sweep worker failed',
    );
  });
  const remote: Remote<SweepWorkerApi> = wrap<SweepWorkerApi>(worker);
  return {
    run: (request, onProgress) =>
      new Promise<SweepOutcome>((resolve, reject) => {
        crash = (message) => resolve({ ok: false, cancelled: false, message });
        remote.run(request, proxy(onProgress)).then(resolve, reject);
      }),
    cancel: () => remote.cancel(),
    terminate: () => worker.terminate(),
  };
}
