/**
 * The import of the user's own data file: what was parsed (spikes, neurons and duration, or a
 * series' samples and columns), what to make of it (a spike train, a current series into a
 * chosen population, a rate series), and the problems by line. Import adds it as one undoable
 * edit; with problems nothing changes.
 */
import { useMemo, useState } from 'react';
import { summariseSpikeTrain } from '../../model/interchange/user-data/index.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { useNotices } from '../common/notices-store.ts';
import { ImportActions } from '../interchange/ImportActions.tsx';
import { ModalDialog } from '../interchange/ModalDialog.tsx';
import {
  currentTargets,
  defaultKind,
  parseData,
  planImport,
  type DataChoice,
  type DataKind,
  type PendingData,
} from './import-plan.ts';
import { ParsedSummary } from './ParsedSummary.tsx';

const KIND_LABELS: Record<DataKind, string> = {
  spikes: 'Spike train (time, index): a spike generator',
  current: 'Current series: a waveform into a population',
  rate: 'Rate series (Hz): Poisson sources following it',
};

export function DataImportDialog({
  pending,
  onClose,
}: {
  pending: PendingData;
  onClose: () => void;
}) {
  const doc = useDocumentStore((s) => s.document);
  const parsed = useMemo(() => parseData(pending), [pending]);
  const targets = currentTargets(doc);
  const [choice, setChoice] = useState<DataChoice>(() => ({
    kind: defaultKind(pending, parsed),
    size: parsed.spikes.ok ? Math.max(1, summariseSpikeTrain(parsed.spikes.value).neurons) : null,
    target: targets[0]?.id ?? '',
    column: 0,
  }));
  const plan = useMemo(() => planImport(doc, pending, choice), [doc, pending, choice]);
  const [refused, setRefused] = useState<string[]>([]);
  const kinds: DataKind[] = parsed.series === null ? ['spikes'] : ['spikes', 'current', 'rate'];
  const columns = parsed.series?.ok === true ? parsed.series.value.columns.length : 0;
  const set = (patch: Partial<DataChoice>) => {
    setRefused([]);
    setChoice((c) => ({ ...c, ...patch }));
  };

  const importNow = () => {
    if (!plan.ok) return;
    // tryApply validates the whole document first: a rate too high for dt is refused here.
    const issues = documentStore
      .getState()
      .tryApply(plan.edit, { label: `import ${pending.fileName}` });
    if (issues.length > 0) {
      setRefused(issues.map((i) => `${i.path}: ${i.message}`));
      return;
    }
    useNotices.getState().toast(`Imported ${pending.fileName}: ${plan.summary}`, 'success');
    onClose();
  };

  const problems = plan.ok ? refused : plan.problems;
  return (
    <ModalDialog
      title={`Import ${pending.fileName}`}
      onClose={onClose}
      testId="data-import-dialog"
      className="nir-dialog"
      actions={
        <ImportActions
          disabled={!plan.ok}
          onCancel={onClose}
          onImport={importNow}
          testId="data-import"
          autoFocus
        />
      }
    >
      <ParsedSummary parsed={parsed} runMs={doc.run.duration} />
      <div className="nir-options">
        <fieldset className="nir-option-row">
          <legend>Import as</legend>
          {kinds.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="data-kind"
                value={k}
                checked={choice.kind === k}
                onChange={() => set({ kind: k })}
                data-testid={`data-kind-${k}`}
              />{' '}
              {KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        {choice.kind !== 'current' && (
          <div className="nir-option-row">
            <label htmlFor="data-size">Neurons</label>
            <input
              id="data-size"
              type="number"
              min={1}
              step={1}
              value={choice.size ?? ''}
              placeholder="from the file"
              onChange={(e) =>
                set({
                  size:
                    e.target.value === ''
                      ? null
                      : Math.max(1, Math.floor(Number(e.target.value) || 1)),
                })
              }
              data-testid="data-size"
            />
          </div>
        )}
        {choice.kind === 'current' && (
          <div className="nir-option-row">
            <label htmlFor="data-target">Into</label>
            <select
              id="data-target"
              value={choice.target}
              onChange={(e) => set({ target: e.target.value })}
              data-testid="data-target"
            >
              {targets.length === 0 && <option value="">(no population takes a current)</option>}
              {targets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label ?? p.id} ({p.model}, {p.size})
                </option>
              ))}
            </select>
          </div>
        )}
        {choice.kind !== 'spikes' && columns > 1 && (
          <div className="nir-option-row">
            <label htmlFor="data-column">Column</label>
            <select
              id="data-column"
              value={choice.column}
              onChange={(e) => set({ column: Number(e.target.value) })}
              data-testid="data-column"
            >
              {Array.from({ length: columns }, (_, c) => (
                <option key={c} value={c}>
                  {parsed.series?.ok === true
                    ? (parsed.series.value.names?.[c] ?? `value ${c + 1}`)
                    : c + 1}
                </option>
              ))}
            </select>
            <span className="muted">
              One waveform drives every neuron: the engine's input is one value per population and
              step, so one column per neuron cannot be imported; pick one.
            </span>
          </div>
        )}
      </div>
      {problems.length > 0 && (
        <div className="nir-problems" role="alert" data-testid="data-problems">
          <strong>
            This file cannot be imported as{' '}
            {choice.kind === 'spikes' ? 'a spike train' : 'a series'}:
          </strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </ModalDialog>
  );
}
