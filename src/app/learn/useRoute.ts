/**
 * The route in the address bar, kept in step with it: links, Back and Forward, and
 * `navigate()`. Every component reads the same `location.hash`, so the header and the lesson
 * agree without a store.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseRoute, routeHash, type AppRoute } from './route.ts';

// `history.pushState` fires no event of its own; navigate() announces the change with this one.
const ROUTE_EVENT = 'spikelab:route';

function subscribe(onChange: () => void): () => void {
  for (const type of ['hashchange', 'popstate', ROUTE_EVENT]) {
    window.addEventListener(type, onChange);
  }
  return () => {
    for (const type of ['hashchange', 'popstate', ROUTE_EVENT]) {
      window.removeEventListener(type, onChange);
    }
  };
}

const readHash = () => window.location.hash;

/** Moves to `route` as a new history entry (Back returns), keeping path and query. */
export function navigate(route: AppRoute): void {
  const url = new URL(window.location.href);
  url.hash = routeHash(route);
  // An empty hash still leaves a bare `#` behind; write the address without it.
  const href = url.hash === '' ? url.href.replace(/#$/, '') : url.href;
  if (href === window.location.href) return;
  window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

/** The current route, and a function to move. */
export function useRoute(): [AppRoute, (route: AppRoute) => void] {
  const hash = useSyncExternalStore(subscribe, readHash);
  const route = useMemo(() => parseRoute(hash), [hash]);
  const go = useCallback((next: AppRoute) => navigate(next), []);
  return [route, go];
}
