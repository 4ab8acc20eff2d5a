/**
 * The page's `BoardClient`: the board worker (`board.worker.ts`) with the plain messages of
 * `board-protocol.ts`. A worker that fails answers the call in flight with a failure naming it.
 * With `virtualWebUsb` the worker's name asks it to install the virtual WebUSB
 * (`virtual-webusb-flag.ts`): workers run no init scripts, so the page passes the test's flag on.
 */
import type {
  BoardClient,
  BoardEvent,
  BoardFromWorker,
  BoardProgress,
  BoardResult,
  BoardToWorker,
} from './board-protocol.ts';
import { boardWorkerName } from './virtual-webusb-flag.ts';

export function createBoardWorkerClient(
  options: { virtualWebUsb?: boolean } = {},
): BoardClient & { terminate(): void } {
  const worker = new Worker(new URL('./board.worker.ts', import.meta.url), {
    type: 'module',
    name: boardWorkerName(options.virtualWebUsb === true),
  });
  const listeners: ((event: BoardEvent) => void)[] = [];
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (r: BoardResult) => void; onProgress: (p: BoardProgress) => void }
  >();
  const failAll = (message: string): void => {
    for (const { resolve } of pending.values()) {
      resolve({ kind: 'failed', failure: { kind: 'other', message, status: null } });
    }
    pending.clear();
  };
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    failAll(
      event.message ? `the board worker failed: ${event.message}` : 'the board worker failed',
    );
  });
  worker.addEventListener('message', (event: MessageEvent<BoardFromWorker>) => {
    const m = event.data;
    if ('event' in m) {
      for (const listener of listeners) listener(m.event);
      return;
    }
    const call = pending.get(m.id);
    if (call === undefined) return;
    if ('progress' in m) call.onProgress(m.progress);
    else {
      pending.delete(m.id);
      call.resolve(m.result);
    }
  });
  const send = (message: BoardToWorker): void => worker.postMessage(message);
  return {
    call: (command, onProgress) =>
      new Promise<BoardResult>((resolve) => {
        const id = nextId++;
        pending.set(id, { resolve, onProgress });
        send({ id, command });
      }),
    cancel: () => send({ cancel: true }),
    listen: (listener) => {
      listeners.push(listener);
    },
    terminate: () => {
      worker.terminate();
      failAll('the board worker was stopped');
    },
  };
}
