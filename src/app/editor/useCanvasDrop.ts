import { useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { addPopulationFromPalette } from '../palette/add-population.ts';
import { PALETTE_MIME, isPopulationModel } from '../palette/palette-drag.ts';
import { NODE_WIDTH } from './node-size.ts';

/** Drop handlers for the canvas: a model dragged from the palette becomes a population there. */
export function useCanvasDrop() {
  const { screenToFlowPosition } = useReactFlow();
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
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
