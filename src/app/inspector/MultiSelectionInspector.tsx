import { selectedRateInputs, useDocumentStore } from '../../store/document/index.ts';

/** Several items selected: what they are and what can be done with all of them. */
export function MultiSelectionInspector() {
  const pops = useDocumentStore((s) => s.selection.populations.length);
  const projs = useDocumentStore((s) => s.selection.projections.length);
  const rates = useDocumentStore((s) => selectedRateInputs(s.selection).length);
  const duplicate = useDocumentStore((s) => s.duplicateSelection);
  const remove = useDocumentStore((s) => s.deleteSelection);
  return (
    <div className="inspector-body" data-testid="multi-inspector">
      <header className="inspector-head">
        <div>
          <h2 className="inspector-title">{pops + projs + rates} items selected</h2>
          <p className="inspector-sub">
            {pops} populations · {projs} projections
            {rates > 0 ? ` · ${rates} rates ${rates === 1 ? 'input' : 'inputs'}` : ''}
          </p>
        </div>
      </header>
      <div className="inspector-actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={duplicate}
          disabled={pops === 0}
          title="Duplicate (Ctrl+D)"
        >
          Duplicate
        </button>
        <button type="button" className="btn btn-danger" onClick={remove} title="Delete (Del)">
          Delete
        </button>
      </div>
    </div>
  );
}
