import type { CurrentStep, Population } from '../../model/index.ts';
import { documentIds, uniqueId } from '../../model/index.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { stimulusDefaults } from './model-capabilities.ts';
import { NumberField } from './NumberField.tsx';
import { Section } from './Section.tsx';
import { CurrentSeriesList } from '../user-data/CurrentSeriesList.tsx';
import { useTryEdit } from './useTryEdit.ts';

/** Current steps injected into a population: start, stop and amplitude of each. */
export function StimuliSection({ population }: { population: Population }) {
  const id = population.id;
  const { amplitude, unit } = stimulusDefaults(population.model);
  const allStimuli = useDocumentStore((s) => s.document.stimuli);
  const duration = useDocumentStore((s) => s.document.run.duration);
  const stimuli = allStimuli.filter(
    (s): s is CurrentStep => s.kind === 'current_step' && s.target === id,
  );
  const hasSeries = allStimuli.some((s) => s.kind === 'current_series' && s.target === id);
  const tryEdit = useTryEdit();
  const add = () => {
    const store = documentStore.getState();
    store.apply({
      type: 'addStimulus',
      stimulus: {
        id: uniqueId(`${id}_step`, documentIds(store.document)),
        kind: 'current_step',
        target: id,
        start: 0,
        stop: Math.max(duration / 2, 1),
        amplitude,
      },
    });
  };
  return (
    <Section
      title="Current steps"
      actions={
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={add}
          data-testid="add-stimulus"
        >
          + Add
        </button>
      }
    >
      {stimuli.length === 0 && !hasSeries && <p className="muted">No injected current.</p>}
      <CurrentSeriesList population={id} />
      {stimuli.map((s) => (
        <div key={s.id} className="stimulus" data-testid={`stimulus-${s.id}`}>
          <div className="field-row">
            <NumberField
              name={`${s.id}-start`}
              path={`stimuli/${s.id}/start`}
              label="Start"
              unit="ms"
              value={s.start}
              min={0}
              onCommit={(start) =>
                tryEdit({ type: 'updateStimulus', id: s.id, patch: { start } }, 'start', s.id)
              }
            />
            <NumberField
              name={`${s.id}-stop`}
              path={`stimuli/${s.id}/stop`}
              label="Stop"
              unit="ms"
              value={s.stop}
              min={0}
              onCommit={(stop) =>
                tryEdit({ type: 'updateStimulus', id: s.id, patch: { stop } }, 'stop', s.id)
              }
            />
          </div>
          <div className="field-row">
            <NumberField
              name={`${s.id}-amplitude`}
              path={`stimuli/${s.id}/amplitude`}
              label="Amplitude"
              unit={unit}
              value={s.amplitude}
              onCommit={(amplitude) =>
                tryEdit(
                  { type: 'updateStimulus', id: s.id, patch: { amplitude } },
                  'amplitude',
                  s.id,
                )
              }
            />
            <button
              type="button"
              className="btn btn-ghost btn-small stimulus-remove"
              aria-label={`Remove current step ${s.id}`}
              onClick={() => documentStore.getState().apply({ type: 'removeStimulus', id: s.id })}
            >
              Remove
            </button>
          </div>
        </div>
      ))}
    </Section>
  );
}
