import { selectedRateInputs, useDocumentStore } from '../../store/document/index.ts';
import { MultiSelectionInspector } from './MultiSelectionInspector.tsx';
import { PopulationInspector } from './PopulationInspector.tsx';
import { ProjectionInspector } from './ProjectionInspector.tsx';
import { RatesInputInspector } from './RatesInputInspector.tsx';
import { RunSettingsInspector } from './RunSettingsInspector.tsx';
import './inspector.css';

/** The right-hand panel: edits whatever is selected, or the run settings when nothing is. */
export function Inspector() {
  const selection = useDocumentStore((s) => s.selection);
  const rates = selectedRateInputs(selection);
  const count = selection.populations.length + selection.projections.length + rates.length;
  const population = useDocumentStore((s) =>
    s.selection.populations.length === 1 && count === 1
      ? s.document.populations.find((p) => p.id === s.selection.populations[0])
      : undefined,
  );
  const projection = useDocumentStore((s) =>
    s.selection.projections.length === 1 && count === 1
      ? s.document.projections.find((p) => p.id === s.selection.projections[0])
      : undefined,
  );
  const ratesLayer = useDocumentStore((s) => {
    if (rates.length !== 1 || count !== 1) return undefined;
    const layer = s.document.populations.find((p) => p.id === rates[0]);
    return layer?.model === 'sc_dense' ? layer : undefined;
  });
  return (
    <aside className="inspector" aria-label="Inspector">
      {population !== undefined ? (
        <PopulationInspector key={population.id} population={population} />
      ) : projection !== undefined ? (
        <ProjectionInspector key={projection.id} projection={projection} />
      ) : ratesLayer !== undefined ? (
        <RatesInputInspector key={`rates:${ratesLayer.id}`} layer={ratesLayer} />
      ) : count > 1 ? (
        <MultiSelectionInspector />
      ) : (
        <RunSettingsInspector />
      )}
    </aside>
  );
}
