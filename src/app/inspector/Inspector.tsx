import { useDocumentStore } from '../../store/document/index.ts';
import { MultiSelectionInspector } from './MultiSelectionInspector.tsx';
import { PopulationInspector } from './PopulationInspector.tsx';
import { ProjectionInspector } from './ProjectionInspector.tsx';
import { RunSettingsInspector } from './RunSettingsInspector.tsx';
import './inspector.css';

/** The right-hand panel: edits whatever is selected, or the run settings when nothing is. */
export function Inspector() {
  const selection = useDocumentStore((s) => s.selection);
  const population = useDocumentStore((s) =>
    s.selection.populations.length === 1 && s.selection.projections.length === 0
      ? s.document.populations.find((p) => p.id === s.selection.populations[0])
      : undefined,
  );
  const projection = useDocumentStore((s) =>
    s.selection.projections.length === 1 && s.selection.populations.length === 0
      ? s.document.projections.find((p) => p.id === s.selection.projections[0])
      : undefined,
  );
  const count = selection.populations.length + selection.projections.length;
  return (
    <aside className="inspector" aria-label="Inspector">
      {population !== undefined ? (
        <PopulationInspector key={population.id} population={population} />
      ) : projection !== undefined ? (
        <ProjectionInspector key={projection.id} projection={projection} />
      ) : count > 1 ? (
        <MultiSelectionInspector />
      ) : (
        <RunSettingsInspector />
      )}
    </aside>
  );
}
