/**
 * The hardware check of the editor's document: each refusal as a button that selects its
 * population or projection on the canvas, or a line saying the network can go to hardware.
 */
import { useMemo } from 'react';
import { hardwareRefusals, type HardwareRefusal } from '../../hdl/hardware-check.ts';
import { useDocumentStore } from '../../store/document/index.ts';

function select(refusal: HardwareRefusal): void {
  const { kind, id } = refusal.subject;
  useDocumentStore
    .getState()
    .select(
      kind === 'population'
        ? { populations: [id], projections: [] }
        : { populations: [], projections: [id] },
    );
}

export function RefusalList() {
  const document = useDocumentStore((s) => s.document);
  const refusals = useMemo(() => hardwareRefusals(document), [document]);
  if (refusals.length === 0) {
    return (
      <p className="hw-ok" data-testid="hw-ok">
        This network can go to hardware: every model runs in integers.
      </p>
    );
  }
  return (
    <>
      <p className="hw-note">
        {refusals.length === 1 ? 'One part has' : `${refusals.length} parts have`} no exact hardware
        form (click to select):
      </p>
      <ul className="hw-refusals" data-testid="hw-refusals">
        {refusals.map((r) => (
          <li key={r.path}>
            <button
              type="button"
              className="hw-refusal"
              title={r.path}
              data-testid={`hw-refusal-${r.subject.id}`}
              onClick={() => select(r)}
            >
              {r.message}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
