import { useReactFlow, type FitViewOptions } from '@xyflow/react';
import { useEffect } from 'react';
import { documentStore, emptySelection, rateInputLayers } from '../../store/document/index.ts';
import { hasCommandKey, isTypingTarget } from '../common/keyboard.ts';
import { withDtNotice } from '../palette/add-population.ts';

/**
 * Margin around the network when fitting it to the view, in screen pixels. The top is larger
 * because self-projection loops rise above their node and fitView only counts nodes.
 */
export const FIT_PADDING: NonNullable<FitViewOptions['padding']> = {
  top: '120px',
  bottom: '40px',
  left: '60px',
  right: '60px',
};

/**
 * Editing keys of the canvas: Delete/Backspace, Ctrl+D, Ctrl+C, Ctrl+V, Ctrl+A, F, Escape.
 * Handled here rather than by React Flow so that a delete removes nodes, edges and their
 * dependants in one edit, and so one undo brings them all back.
 */
export function useEditorShortcuts(): void {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.altKey) return;
      const store = documentStore.getState();
      const key = event.key.toLowerCase();
      const command = hasCommandKey(event);
      if (!command && (key === 'delete' || key === 'backspace')) {
        event.preventDefault();
        store.deleteSelection();
      } else if (command && key === 'd') {
        event.preventDefault();
        store.duplicateSelection();
      } else if (command && key === 'c') {
        store.copySelection();
      } else if (command && key === 'v') {
        event.preventDefault();
        withDtNotice(() => store.paste());
      } else if (command && key === 'a') {
        event.preventDefault();
        store.select({
          populations: store.document.populations.map((p) => p.id),
          projections: store.document.projections.map((p) => p.id),
          rateInputs: rateInputLayers(store.document),
        });
      } else if (!command && !event.shiftKey && key === 'f') {
        event.preventDefault();
        void fitView({ padding: FIT_PADDING, duration: 200 });
      } else if (key === 'escape') {
        store.select(emptySelection);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fitView]);
}
