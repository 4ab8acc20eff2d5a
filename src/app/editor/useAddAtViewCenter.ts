import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { PopulationModel } from '../../model/index.ts';
import { addPopulationFromPalette } from '../palette/add-population.ts';
import { NODE_WIDTH } from './node-size.ts';

/** Adds a population in the middle of the visible canvas (the palette's keyboard path). */
export function useAddAtViewCenter(): (model: PopulationModel) => void {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (model) => {
      const pane = document.querySelector('.react-flow');
      const rect = pane?.getBoundingClientRect();
      const center =
        rect === undefined
          ? { x: 0, y: 0 }
          : screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      addPopulationFromPalette(model, {
        x: Math.round(center.x - NODE_WIDTH / 2),
        y: Math.round(center.y - 30),
      });
    },
    [screenToFlowPosition],
  );
}
