import { useEffect } from 'react';
import { documentStore } from '../../store/document/index.ts';
import { hasCommandKey, isTypingTarget } from './keyboard.ts';

/** Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, anywhere on the page except in text fields. */
export function useHistoryShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!hasCommandKey(event) || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        documentStore.getState().undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        documentStore.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
