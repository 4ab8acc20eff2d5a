import { useDocumentStore } from '../../store/document/index.ts';
import { IconButton } from './IconButton.tsx';

/** Undo and redo buttons; the tooltip names the edit they would undo or redo. */
export function UndoRedo() {
  const undoLabel = useDocumentStore((s) => s.history.past[s.history.past.length - 1]?.label);
  const redoLabel = useDocumentStore((s) => s.history.future[0]?.label);
  const undo = useDocumentStore((s) => s.undo);
  const redo = useDocumentStore((s) => s.redo);
  return (
    <div className="btn-group" role="group" aria-label="History">
      <IconButton
        label={undoLabel === undefined ? 'Undo' : `Undo ${undoLabel}`}
        shortcut="Ctrl+Z"
        onClick={undo}
        disabled={undoLabel === undefined}
        testId="undo"
      >
        ↶
      </IconButton>
      <IconButton
        label={redoLabel === undefined ? 'Redo' : `Redo ${redoLabel}`}
        shortcut="Ctrl+Shift+Z"
        onClick={redo}
        disabled={redoLabel === undefined}
        testId="redo"
      >
        ↷
      </IconButton>
    </div>
  );
}
