import { useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { addPopulationFromPalette } from '../palette/add-population.ts';
import { PALETTE_MIME, isPopulationModel } from '../palette/palette-drag.ts';
import { carriesFiles, openDroppedFiles } from './file-drop.ts';
import { NODE_WIDTH } from './node-size.ts';

/**
 * Drop handlers for the canvas: a model dragged from the palette becomes a population there;
 * files (a `.nir` network, ...) go to their opener by extension (file-drop.ts).
 */
export function useCanvasDrop() {
  const { screenToFlowPosition } = useReactFlow();
  const onDragOver = useCallback((event: DragEvent) => {
    const palette = event.dataTransfer.types.includes(PALETTE_MIME);
    if (!palette && !carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      if (event.dataTransfer.files.length > 0) {
        // Otherwise the browser navigates away to show the file.
        event.preventDefault();
        const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
        openDroppedFiles(event.dataTransfer.files, at);
        return;
      }
      const model = event.dataTransfer.getData(PALETTE_MIME);
      if (!isPopulationModel(model)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Centre the node's header under the cursor rather than its top-left corner.
      addPopulationFromPalette(model, {
        x: Math.round(at.x - NODE_WIDTH / 2),
        y: Math.round(at.y - 20),
      });
    },
    [screenToFlowPosition],
  );
  return { onDragOver, onDrop };
}
