import { useState } from 'react';
import type { Projection, SynapseVariable } from '../../model/index.ts';
import { documentIds, formatIssue, uniqueId } from '../../model/index.ts';
import { knownSynapseCount } from '../../model/checks/per-synapse-list.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { parseNumberInput } from './number-input.ts';

const LABELS: Record<SynapseVariable, string> = {
  w: 'weights (w)',
  w_act: 'actual weights',
  x1: 'trace x1',
  x2: 'trace x2',
  y1: 'trace y1',
  y2: 'trace y2',
  y3: 'trace y3',
  pre_trace: 'pre traces',
  post_trace: 'post traces',
  eligibility: 'eligibility',
};

/** How many synapses "Record" offers by default: a few lines stay readable. */
const DEFAULT_COUNT = 8;

/**
 * "Record weights": adds a synapse probe of the first N synapses of this projection (one of
 * `variables`: a Loihi weight mantissa, actual weight or trace that is on; a classic plastic
 * projection's weight, traces or eligibility) and lists those it already has.
 */
export function RecordSynapses({
  projection,
  variables,
}: {
  projection: Projection;
  /** What may be recorded, `w` first. */
  variables: readonly SynapseVariable[];
}) {
  const id = projection.id;
  const probes = useDocumentStore((s) => s.document.probes).flatMap((p) =>
    p.kind === 'synapse' && p.projection === id ? [p] : [],
  );
  const count = useDocumentStore((s) => {
    const source = s.document.populations.find((p) => p.id === projection.source);
    const target = s.document.populations.find((p) => p.id === projection.target);
    return source && target ? knownSynapseCount(projection, source, target) : undefined;
  });
  const [variable, setVariable] = useState<SynapseVariable>('w');
  const [first, setFirst] = useState(String(Math.min(count ?? DEFAULT_COUNT, DEFAULT_COUNT)));
  const [error, setError] = useState<string | null>(null);
  const chosen = variables.includes(variable) ? variable : 'w';

  const add = () => {
    const parsed = parseNumberInput(first, { min: 1, integer: true, max: count });
    if (!parsed.ok) return setError(`Synapses: ${parsed.message}`);
    const doc = documentStore.getState().document;
    const probeId = uniqueId(`${id}_${chosen}`, documentIds(doc));
    const synapses = Array.from({ length: parsed.value }, (_, k) => k);
    const issues = documentStore.getState().tryApply({
      type: 'addProbe',
      probe: { id: probeId, kind: 'synapse', projection: id, variable: chosen, synapses },
    });
    const problem = issues[0];
    setError(problem === undefined ? null : formatIssue(problem));
  };

  return (
    <div className="record-synapses" data-testid="record-synapses">
      <ul className="probe-list" aria-label="Synapse probes">
        {probes.map((p) => (
          <li key={p.id} className="probe-row" data-testid={`synapse-probe-${p.id}`}>
            <span>
              <strong>{LABELS[p.variable]}</strong> of synapses {summary(p.synapses)}
            </span>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label={`Remove probe ${p.id}`}
              onClick={() => documentStore.getState().apply({ type: 'removeProbe', id: p.id })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="add-probe add-synapse-probe">
        <select
          className="input input-narrow"
          aria-label="Synapse variable to record"
          data-testid="field-synapse-variable"
          value={chosen}
          onChange={(e) => {
            const picked = variables.find((v) => v === e.target.value);
            if (picked !== undefined) setVariable(picked);
          }}
        >
          {variables.map((v) => (
            <option key={v} value={v}>
              {LABELS[v]}
            </option>
          ))}
        </select>
        <label className="synapse-count">
          first
          <input
            className="input trace-input"
            inputMode="numeric"
            aria-label="Number of synapses to record"
            data-testid="field-synapse-count"
            value={first}
            onChange={(e) => {
              setFirst(e.target.value);
              setError(null);
            }}
          />
          {count !== undefined && <span className="field-unit">of {count}</span>}
        </label>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={add}
          data-testid="add-synapse-probe"
        >
          {chosen === 'w' ? 'Record weights' : 'Record'}
        </button>
        {error !== null && (
          <p className="field-error" role="alert" data-testid="error-synapse-probe">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** `0, 1, 2, 3` as "0–3", other lists as written. */
function summary(synapses: readonly number[]): string {
  const contiguous = synapses.every((s, k) => s === (synapses[0] ?? 0) + k);
  if (contiguous && synapses.length > 2) return `${synapses[0]}–${synapses.at(-1)}`;
  return synapses.join(', ');
}
