import { CANVAS_VIEWS, useViewStore, type CanvasView } from './view-store.ts';

const LABEL: { readonly [V in CanvasView]: string } = { '2d': '2D', '3d': '3D', split: 'Split' };
const TITLE: { readonly [V in CanvasView]: string } = {
  '2d': 'The editor canvas',
  '3d': 'The network in 3D',
  split: 'The editor and the 3D view side by side',
};

/** 2D | 3D | Split: which view fills the canvas area (remembered across reloads). */
export function CanvasViewSwitch() {
  const view = useViewStore((s) => s.view);
  const setView = useViewStore((s) => s.setView);
  return (
    <div className="canvas-view-switch" role="group" aria-label="Canvas view">
      {CANVAS_VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          className="btn btn-small"
          data-testid={`canvas-view-${v}`}
          aria-pressed={view === v}
          title={TITLE[v]}
          onClick={() => setView(v)}
        >
          {LABEL[v]}
        </button>
      ))}
    </div>
  );
}
