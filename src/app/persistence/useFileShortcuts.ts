import { useEffect, useRef } from 'react';
import { hasCommandKey } from '../common/keyboard.ts';

interface FileActions {
  open: () => void;
  save: () => void;
}

/** Ctrl+O opens and Ctrl+S saves, instead of the browser's own open and save-page. */
export function useFileShortcuts(actions: FileActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!hasCommandKey(event) || event.shiftKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'o') {
        event.preventDefault();
        latest.current.open();
      } else if (key === 's') {
        event.preventDefault();
        latest.current.save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
