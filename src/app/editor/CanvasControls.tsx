import { Panel, useReactFlow } from '@xyflow/react';
import { IconButton } from '../common/IconButton.tsx';
import { FIT_PADDING } from './useEditorShortcuts.ts';

/** Zoom and fit-to-view buttons in the canvas corner. */
export function CanvasControls() {
  const { zoomIn, zoomOut, fitView } = useReactFlow();
  return (
    <Panel position="bottom-right" className="canvas-controls">
      <IconButton label="Zoom in" onClick={() => void zoomIn({ duration: 150 })}>
        +
      </IconButton>
      <IconButton label="Zoom out" onClick={() => void zoomOut({ duration: 150 })}>
        −
      </IconButton>
      <IconButton
        label="Fit to view"
        shortcut="F"
        testId="fit-view"
        onClick={() => void fitView({ padding: FIT_PADDING, duration: 200 })}
      >
        ⤢
      </IconButton>
    </Panel>
  );
}
