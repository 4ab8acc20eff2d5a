/**
 * The presenter's keys: Space runs or pauses, R resets, Esc goes back to the lab. Keys typed
 * into a field (the population choice, the volume) are the field's; Space on a focused button
 * presses that button, as everywhere else.
 */
import { useEffect } from 'react';
import { sessionStore } from '../../store/session/index.ts';
import { LAB_ROUTE } from '../learn/route.ts';
import { navigate } from '../learn/useRoute.ts';
import { toggleRun } from './presenter-actions.ts';

function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

export function usePresenterKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        navigate(LAB_ROUTE);
        return;
      }
      if (ownsKeys(event.target)) return;
      const onButton = event.target instanceof HTMLButtonElement;
      if (event.key === ' ' && !onButton) {
        event.preventDefault();
        if (!event.repeat) toggleRun();
      } else if ((event.key === 'r' || event.key === 'R') && !event.repeat) {
        event.preventDefault();
        sessionStore.getState().reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
