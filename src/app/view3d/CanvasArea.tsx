import { useReactFlow } from '@xyflow/react';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { EditorCanvas } from '../editor/EditorCanvas.tsx';
import { FIT_PADDING } from '../editor/useEditorShortcuts.ts';
import { CanvasViewSwitch } from './CanvasViewSwitch.tsx';
import { useViewStore, type CanvasView } from './view-store.ts';
import './view3d.css';

// three.js and its React bindings are loaded the first time the 3D view opens.
const View3D = lazy(() => import('./View3D.tsx'));

/**
 * The canvas area of the lab: the 2D editor, the 3D view, or both side by side, with the
 * switch between them on top. Both views read and write the same document and selection.
 */
export function CanvasArea() {
  const view = useViewStore((s) => s.view);
  useRefitEditor(view);
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

/**
 * The editor keeps its viewport when it shrinks to half the area or grows back, which would
 * leave most of the network off screen: fit it after a switch (not on the first render, where
 * the editor fits the loaded network itself).
 */
function useRefitEditor(view: CanvasView): void {
  const { fitView } = useReactFlow();
  const previous = useRef(view);
  useEffect(() => {
    if (previous.current === view) return;
    previous.current = view;
    if (view === '3d') return;
    // After the browser laid the new column widths out.
    const frame = requestAnimationFrame(() => {
      void fitView({ padding: FIT_PADDING, maxZoom: 1.2 });
    });
    return () => cancelAnimationFrame(frame);
  }, [view, fitView]);
}
