/**
 * The Live panel above the plots: one slider per parameter of the document's `live` list.
 * While a run is open (running or paused) a slider changes the running network from its next
 * chunk (`sessionStore.setLive`: one request at a time, the last value winning) and leaves the
 * document alone; without a run it edits the document, a drag folding into one undo step.
 * "Add live control" offers the numbers the engine can change live that the teacher's policy
 * neither hides nor locks; a policy range narrows a slider.
 */
import { useState } from 'react';
import type { LiveControl } from '../../model/document.ts';
import { paramLabel } from '../../model/param-path.ts';
import { usePolicy } from '../../store/classroom/index.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { useSessionStore } from '../../store/session/index.ts';
import { defaultControl, offeredPaths, withControl, withoutControl } from './live-controls.ts';
import { LiveSlider } from './LiveSlider.tsx';
import './live.css';

export function LivePanel() {
  const doc = useDocumentStore((s) => s.document);
  const apply = useDocumentStore((s) => s.apply);
  const policy = usePolicy();
  const liveError = useSessionStore((s) => s.liveError);
  const [choice, setChoice] = useState('');
  const controls: LiveControl[] = (doc.live ?? []).filter((c) => !policy.isHidden(c.path));
  const offered = offeredPaths(doc, policy);
  const picked = offered.includes(choice) ? choice : (offered[0] ?? '');
  const locked = policy.isLocked('ui/live');
  if (policy.isHidden('ui/live')) return null;

  const add = (): void => {
    if (!picked) return;
    apply(
      { type: 'replaceDocument', document: withControl(doc, defaultControl(doc, picked)) },
      { label: 'Add live control' },
    );
  };
  const remove = (path: string): void => {
    apply(
      { type: 'replaceDocument', document: withoutControl(doc, path) },
      { label: 'Remove live control' },
    );
  };

  return (
    <section className="live-panel" aria-label="Live parameters" data-testid="live-panel">
      <header className="live-header">
        <h2>Live</h2>
        {!locked && offered.length > 0 && (
          <span className="live-add">
            <select
              aria-label="Parameter to control live"
              data-testid="live-add-select"
              value={picked}
              onChange={(e) => setChoice(e.target.value)}
            >
              {offered.map((p) => (
                <option key={p} value={p}>
                  {paramLabel(doc, p)}
                </option>
              ))}
            </select>
            <button type="button" onClick={add} data-testid="live-add">
              Add live control
            </button>
          </span>
        )}
        {controls.length === 0 && (
          <span className="live-hint">
            {offered.length > 0
              ? 'Sliders here change a running network at its next chunk.'
              : 'This network has no parameter that can change during a run.'}
          </span>
        )}
      </header>
      {controls.length > 0 && (
        <ul className="live-sliders">
          {controls.map((c) => (
            <LiveSlider
              key={c.path}
              control={c}
              locked={locked || policy.isLocked(c.path)}
              range={policy.rangeOf(c.path)}
              onRemove={locked ? null : () => remove(c.path)}
            />
          ))}
        </ul>
      )}
      {liveError && (
        <p className="live-error" role="alert" data-testid="live-error">
          {liveError}
        </p>
      )}
    </section>
  );
}
