/**
 * The run session store of the page, bound to React and to the document store. Components
 * read through narrow selectors (`useSessionStore((s) => s.status)`).
 */
import { useStore } from 'zustand';
import { documentStore } from '../document/index.ts';
import { createSessionStore } from './store.ts';
import type { SessionState } from './store.ts';
import { installSessionTestHook } from './test-hook.ts';
import { createWorkerClient } from './worker-client.ts';

/** The one session store of the page. */
export const sessionStore = createSessionStore({
  createClient: createWorkerClient,
  readDocument: () => {
    const { document, documentRevision } = documentStore.getState();
    return { document, revision: documentRevision };
  },
  // Acknowledge once the chunk is in the (bounded) record and the page has had a turn of its
  // event loop. Waiting for an animation frame instead tied the engine to the plots' redraw
  // cost: with 100 ms frames on a busy machine the run fell to a quarter of real time.
  deferAck: (callback) => setTimeout(callback, 0),
});

installSessionTestHook(sessionStore);

/** Hook over `sessionStore`; also has `getState`, `setState` and `subscribe`. */
export const useSessionStore = Object.assign(
  <T>(selector: (state: SessionState) => T): T => useStore(sessionStore, selector),
  sessionStore,
);

export type { SessionState } from './store.ts';
export type { SessionStatus } from './types.ts';
