import { useState } from 'react';
import type { Population, Probe, StateVariable } from '../../model/index.ts';
import { documentIds, formatIssue, isPopulationProbe, uniqueId } from '../../model/index.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { stateLabel, stateOptions } from './model-capabilities.ts';
import { NumberField } from './NumberField.tsx';
import { parseNumberList } from './number-input.ts';
import { Section } from './Section.tsx';
import { useTryEdit } from './useTryEdit.ts';

function freshId(stem: string): string {
  return uniqueId(stem, documentIds(documentStore.getState().document));
}

/** Adds `probe` if the document accepts it; the first issue otherwise. */
function tryAdd(probe: Probe): string | null {
  const issues = documentStore.getState().tryApply({ type: 'addProbe', probe });
  const first = issues[0];
  return first === undefined ? null : formatIssue(first);
}

/** What a run records from this population: spikes, rates, and state of chosen neurons. */
export function ProbesSection({ population }: { population: Population }) {
  const id = population.id;
  const allProbes = useDocumentStore((s) => s.document.probes);
  const probes = allProbes.filter(isPopulationProbe).filter((p) => p.population === id);
  const spikes = probes.find((p) => p.kind === 'spikes');
  const rate = probes.find((p) => p.kind === 'rate');
  const states = probes.flatMap((p) => (p.kind === 'state' ? [p] : []));
  const tryEdit = useTryEdit();
  const variables = stateOptions(population.model);
  const remove = (probeId: string) => {
    documentStore.getState().apply({ type: 'removeProbe', id: probeId });
    return null;
  };
  return (
    <Section title="Recording">
      <CheckboxField
        key={`${id}:spikes`}
        name="probe-spikes"
        label="Record spikes (raster)"
        checked={spikes !== undefined}
        onCommit={(on) =>
          on
            ? tryAdd({ id: freshId(`${id}_spikes`), kind: 'spikes', population: id })
            : spikes === undefined
              ? null
              : remove(spikes.id)
        }
      />
      <CheckboxField
        key={`${id}:rate`}
        name="probe-rate"
        label="Record population rate"
        checked={rate !== undefined}
        onCommit={(on) =>
          on
            ? tryAdd({ id: freshId(`${id}_rate`), kind: 'rate', population: id, bin: 5 })
            : rate === undefined
              ? null
              : remove(rate.id)
        }
      />
      {rate !== undefined && (
        <NumberField
          key={`${rate.id}:bin`}
          name="rate-bin"
          label="Rate bin"
          unit="ms"
          value={rate.bin}
          min={0}
          onCommit={(bin) =>
            tryEdit({ type: 'updateProbe', probe: { ...rate, bin } }, 'bin', rate.id)
          }
        />
      )}
      {variables.length > 0 && (
        <>
          <ul className="probe-list" aria-label="State probes">
            {states.map((p) => (
              <li key={p.id} className="probe-row" data-testid={`state-probe-${p.id}`}>
                <span>
                  <strong>{stateLabel(population.model, p.variable)}</strong> of neurons{' '}
                  {p.neurons.join(', ')}
                </span>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={`Remove probe ${p.id}`}
                  onClick={() => remove(p.id)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <AddStateProbe key={id} population={population} />
        </>
      )}
    </Section>
  );
}

function AddStateProbe({ population }: { population: Population }) {
  const options = stateOptions(population.model);
  const [variable, setVariable] = useState<StateVariable>('v');
  const [neurons, setNeurons] = useState('0, 1, 2');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const parsed = parseNumberList(neurons, { min: 0, max: population.size - 1, integer: true });
    if (typeof parsed === 'string') return setError(parsed);
    const indices = parsed.flatMap((v) => (v.ok ? [v.value] : []));
    if (indices.length === 0) return setError('List at least one neuron');
    const id = freshId(`${population.id}_${variable}`);
    setError(tryAdd({ id, kind: 'state', population: population.id, variable, neurons: indices }));
  };
  return (
    <div className="add-probe">
      <select
        className="input input-narrow"
        aria-label="Variable to record"
        data-testid="field-probe-variable"
        value={variable}
        onChange={(e) => {
          const picked = options.find((o) => o.value === e.target.value);
          if (picked !== undefined) setVariable(picked.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <input
        className="input"
        aria-label="Neuron indices to record"
        data-testid="field-probe-neurons"
        value={neurons}
        onChange={(e) => {
          setNeurons(e.target.value);
          setError(null);
        }}
      />
      <button
        type="button"
        className="btn btn-secondary btn-small"
        onClick={add}
        data-testid="add-state-probe"
      >
        Add trace
      </button>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="error-probe-neurons">
          {error}
        </p>
      )}
    </div>
  );
}
