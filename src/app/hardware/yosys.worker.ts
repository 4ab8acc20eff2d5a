/**
 * The page's Yosys worker: runs each request (`yosys-protocol.ts`) with `runYosysWasm`, posting
 * the passes as they start, then the outcome or the failure. Synthesis keeps this thread busy
 * for tens of seconds, so the page cancels by terminating the worker, never by a message.
 */
import type { YosysMessage, YosysRequest } from './yosys-protocol.ts';
import { loadYosys, runYosysWasm } from './yosys-wasm.ts';

const post = (message: YosysMessage): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<YosysRequest>) => {
  void (async () => {
    try {
      const loadSeconds = await loadYosys();
      post({ kind: 'loaded', loadSeconds });
      const outcome = await runYosysWasm(event.data, (line) => post({ kind: 'progress', line }));
      post({ kind: 'done', outcome: { ...outcome, loadSeconds } });
    } catch (error) {
      post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
