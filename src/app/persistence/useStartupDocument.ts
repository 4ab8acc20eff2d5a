import { useEffect, useRef, useState } from 'react';
import { loadStartupDocument, openShareLink } from './startup.ts';

/**
 * Loads the startup network once and reports when it is there; also opens share links pasted
 * into the address bar of an open page (a hash change does not reload the page).
 */
export function useStartupDocument(): boolean {
  const [ready, setReady] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    // StrictMode runs effects twice in development; the network must load once.
    if (started.current) return;
    started.current = true;
    void loadStartupDocument().finally(() => setReady(true));
  }, []);
  useEffect(() => {
    const onHash = () => void openShareLink(window.location.hash, true);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return ready;
}
