import { lazy, Suspense } from 'react';
import { EditorCanvas } from '../editor/EditorCanvas.tsx';
import { CanvasViewSwitch } from './CanvasViewSwitch.tsx';
import { useViewStore } from './view-store.ts';
import './view3d.css';

// three.js and its React bindings are loaded the first time the 3D view opens.
const View3D = lazy(() => import('./View3D.tsx'));

/**
 * The canvas area of the lab: the 2D editor, the 3D view, or both side by side, with the
 * switch between them on top. Both views read and write the same document and selection.
 */
export function CanvasArea() {
  const view = useViewStore((s) => s.view);
  return (
    <div className={`canvas-area canvas-area-${view}`} data-testid="canvas-area">
      <CanvasViewSwitch />
      {view !== '3d' && <EditorCanvas />}
      {view !== '2d' && (
        <Suspense fallback={<div className="view3d view3d-loading">Loading the 3D view…</div>}>
          <View3D />
        </Suspense>
      )}
    </div>
  );
}
