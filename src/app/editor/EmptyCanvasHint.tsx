import { Panel } from '@xyflow/react';
import { useDocumentStore } from '../../store/document/index.ts';

/** What to do on an empty canvas. */
export function EmptyCanvasHint() {
  const empty = useDocumentStore((s) => s.document.populations.length === 0);
  if (!empty) return null;
  return (
    <Panel position="top-center" className="empty-hint">
      Drag a population from the palette to start, or open an example.
    </Panel>
  );
}
