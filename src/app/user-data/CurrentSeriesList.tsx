/**
 * The current series (imported waveforms) driving a population, in its inspector beside the
 * current steps: what each holds, and Remove. Their samples are edited in the file, not here.
 */
import type { CurrentSeries } from '../../model/index.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';

export function CurrentSeriesList({ population }: { population: string }) {
  const stimuli = useDocumentStore((s) => s.document.stimuli);
  const series = stimuli.filter(
    (s): s is CurrentSeries => s.kind === 'current_series' && s.target === population,
  );
  if (series.length === 0) return null;
  return (
    <ul className="current-series-list" data-testid="current-series-list">
      {series.map((s) => {
        const first = s.times[0] ?? 0;
        const last = s.times[s.times.length - 1] ?? 0;
        const low = Math.min(...s.values);
        const high = Math.max(...s.values);
        return (
          <li key={s.id} className="field-row">
            <span>
              <strong>{s.id}</strong>: {s.times.length} samples, {first}-{last} ms, {low} to {high}
            </span>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label={`Remove current series ${s.id}`}
              onClick={() => documentStore.getState().apply({ type: 'removeStimulus', id: s.id })}
            >
              Remove
            </button>
          </li>
        );
      })}
    </ul>
  );
}
