/**
 * Whether a run is streaming: the plots then draw on their live canvases, and plotly takes over
 * again when it stops. A narrow selector, so React re-renders on the switch only.
 */
import { useSessionStore } from '../../store/session/index.ts';

export function useStreaming(): boolean {
  return useSessionStore((s) => s.status === 'running');
}
