/**
 * UI state of the canvas area: which view shows (2D editor, 3D view, or both side by side,
 * remembered across reloads), whether the 3D camera follows the activity, and requests to fit.
 * UI state only, so it lives beside the components rather than in src/store.
 */
import { create } from 'zustand';

export type CanvasView = '2d' | '3d' | 'split';

export const CANVAS_VIEWS: readonly CanvasView[] = ['2d', '3d', 'split'];

/** localStorage key of the chosen view. */
export const CANVAS_VIEW_KEY = 'spikelab.canvasView';

interface ViewState {
  view: CanvasView;
  /** The 3D camera eases toward the centroid of recent spikes. */
  follow: boolean;
  /** Bumped to ask the 3D camera to fit the network. */
  fitRequest: number;
  setView: (view: CanvasView) => void;
  setFollow: (follow: boolean) => void;
  requestFit: () => void;
}

/** The remembered view; the 2D editor when none was chosen or storage is unavailable. */
export function readCanvasView(storage: Pick<Storage, 'getItem'> | undefined): CanvasView {
  try {
    const saved = storage?.getItem(CANVAS_VIEW_KEY);
    return CANVAS_VIEWS.find((v) => v === saved) ?? '2d';
  } catch {
    // Storage can throw (disabled cookies, sandboxed iframes): the default view is fine.
    return '2d';
  }
}

function storage(): Storage | undefined {
  return typeof window === 'undefined' ? undefined : window.localStorage;
}

export const useViewStore = create<ViewState>()((set) => ({
  view: readCanvasView(storage()),
  follow: false,
  fitRequest: 0,
  setView: (view) => {
    try {
      storage()?.setItem(CANVAS_VIEW_KEY, view);
    } catch {
      // Not remembered, but still switched.
    }
    set({ view });
  },
  setFollow: (follow) => set({ follow }),
  requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1, follow: false })),
}));
