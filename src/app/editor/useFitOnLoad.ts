import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useDocumentStore } from '../../store/document/index.ts';
import { FIT_PADDING } from './useEditorShortcuts.ts';

/**
 * Fits the view whenever a whole network is loaded (startup, open, example, link), once its
 * nodes have been measured, so the user never opens a network that is off screen.
 */
export function useFitOnLoad(): void {
  const loadRevision = useDocumentStore((s) => s.loadRevision);
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  const fitted = useRef(-1);
  useEffect(() => {
    if (!initialized || fitted.current === loadRevision) return;
    fitted.current = loadRevision;
    void fitView({ padding: FIT_PADDING, maxZoom: 1.2 });
  }, [initialized, loadRevision, fitView]);
}
