/**
 * The page's `YosysRunner`: a module worker (`yosys.worker.ts`) with the plain message protocol
 * of `yosys-protocol.ts`. A worker that fails to load or throws outside a run rejects the run
 * in flight naming the worker; `terminate` is the cancel.
 */
import type {
  YosysMessage,
  YosysOutcome,
  YosysRequest,
  YosysRunnerFactory,
} from './yosys-protocol.ts';

export const createYosysWorkerRunner: YosysRunnerFactory = () => {
  const worker = new Worker(new URL('./yosys.worker.ts', import.meta.url), {
    type: 'module',
    name: 'spikelab-yosys',
  });
  let pending: {
    resolve: (outcome: YosysOutcome) => void;
    reject: (error: Error) => void;
    on: { loaded: (s: number) => void; progress: (line: string) => void };
  } | null = null;
  const fail = (message: string): void => {
    pending?.reject(new Error(message));
    pending = null;
  };
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    fail(event.message ? `the Yosys worker failed: ${event.message}` : 'the Yosys worker failed');
  });
  worker.addEventListener('messageerror', () => {
    fail('the Yosys worker sent a message the page could not read');
  });
  worker.addEventListener('message', (event: MessageEvent<YosysMessage>) => {
    const m = event.data;
    if (pending === null) return;
    if (m.kind === 'loaded') pending.on.loaded(m.loadSeconds);
    else if (m.kind === 'progress') pending.on.progress(m.line);
    else if (m.kind === 'done') {
      pending.resolve(m.outcome);
      pending = null;
    } else fail(m.message);
  });
  return {
    run: (request: YosysRequest, on) =>
      new Promise<YosysOutcome>((resolve, reject) => {
        if (pending !== null) {
          reject(new Error('the Yosys worker is already running'));
          return;
        }
        pending = { resolve, reject, on };
        worker.postMessage(request);
      }),
    terminate: () => {
      worker.terminate();
      fail('the Yosys worker was stopped');
    },
  };
};
