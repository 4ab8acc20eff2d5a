/**
 * Exposes the session store on `window.__spikelabSession` when the page is opened with
 * `?test=1`, so end-to-end tests can reach hooks no user should see (killing the worker).
 */
import type { SessionStore } from './store.ts';

declare global {
  interface Window {
    __spikelabSession?: SessionStore;
  }
}

/** Installs the hook if the URL asks for it; a no-op in normal use and outside a page. */
export function installSessionTestHook(store: SessionStore): void {
  if (typeof window === 'undefined') return;
  if (new URLSearchParams(window.location.search).get('test') !== '1') return;
  window.__spikelabSession = store;
}
