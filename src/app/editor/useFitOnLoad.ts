import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { FIT_PADDING } from './useEditorShortcuts.ts';

/**
 * Fits the view whenever a whole network is loaded (startup, open, example, link), once its
 * nodes have been measured, so the user never opens a network that is off screen. An empty
 * network resets the view instead: fitting later, after the first drop, would jump the canvas
 * under the user's pointer.
 */
export function useFitOnLoad(): void {
  const loadRevision = useDocumentStore((s) => s.loadRevision);
  const initialized = useNodesInitialized();
  const { fitView, setViewport } = useReactFlow();
  const fitted = useRef(-1);
  useEffect(() => {
    if (fitted.current === loadRevision) return;
    if (documentStore.getState().document.populations.length === 0) {
      fitted.current = loadRevision;
      void setViewport({ x: 0, y: 0, zoom: 1 });
      return;
    }
    if (!initialized) return;
    fitted.current = loadRevision;
    void fitView({ padding: FIT_PADDING, maxZoom: 1.2 });
  }, [initialized, loadRevision, fitView, setViewport]);
}
