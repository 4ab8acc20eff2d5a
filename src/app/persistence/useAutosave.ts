import { useEffect } from 'react';
import { documentStore } from '../../store/document/index.ts';
import { createAutosaver } from '../../store/persistence/index.ts';
import { useNotices } from '../common/notices-store.ts';

/**
 * Saves the document to localStorage shortly after every change, and at once when the page is
 * hidden or closed, so nothing is lost on reload. Starts only once `ready` (the startup
 * document is loaded), so the empty placeholder never overwrites a saved network.
 */
export function useAutosave(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    let warned = false;
    const saver = createAutosaver(window.localStorage, undefined, () => {
      if (warned) return;
      warned = true;
      useNotices.getState().toast('Autosave failed: browser storage is full or disabled', 'error');
    });
    const unsubscribe = documentStore.subscribe((state, previous) => {
      if (state.document !== previous.document) saver.schedule(state.document);
    });
    // Whatever was loaded at startup is saved too, so a link opened once survives a reload.
    saver.schedule(documentStore.getState().document);
    const flush = () => saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saver.flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      saver.flush();
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [ready]);
}
