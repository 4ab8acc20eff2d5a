import { useState } from 'react';
import type { ScDenseParams } from '../../model/index.ts';
import { formatNumber } from '../editor/projection-summary.ts';
import { parseNumberInput } from './number-input.ts';
import { useTryEdit } from './useTryEdit.ts';

interface WeightsEditorProps {
  layerId: string;
  params: ScDenseParams;
}

/**
 * One small field per input channel of an SC dense layer. The list's length is the channel
 * count, so it is never edited here (the inputs set it); each cell writes its own weight.
 */
export function WeightsEditor({ layerId, params }: WeightsEditorProps) {
  const tryEdit = useTryEdit();
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const { weights } = params;
  const mean = weights.reduce((a, b) => a + b, 0) / Math.max(weights.length, 1);

  const commit = (index: number, value: number): string | null => {
    const next = weights.map((w, k) => (k === index ? value : w));
    // Each cell folds its own typing into one undo entry, not its neighbours'.
    return tryEdit(
      { type: 'updatePopulationParams', id: layerId, params: { weights: next } },
      'weights',
      `${layerId}:w${index}`,
    );
  };
  const report = (index: number, error: string | null) =>
    setErrors((old) => {
      if ((old.get(index) ?? null) === error) return old;
      const next = new Map(old);
      if (error === null) next.delete(index);
      else next.set(index, error);
      return next;
    });

  return (
    <div className="sc-weights" data-testid="sc-weights">
      <p className="sc-weights-summary muted">
        {weights.length} {weights.length === 1 ? 'weight' : 'weights'} · mean {formatNumber(mean)} ·
        range [{formatNumber(params.w_min)}, {formatNumber(params.w_max)}]
      </p>
      <ol className="sc-weight-grid" aria-label="Weights, one per input channel">
        {weights.map((w, k) => (
          <WeightCell
            key={`${layerId}:${k}`}
            index={k}
            value={w}
            onCommit={commit}
            onResult={report}
          />
        ))}
      </ol>
      {[...errors].slice(0, 1).map(([k, message]) => (
        <p key={k} className="field-error" role="alert" data-testid="error-sc-weights">
          Weight {k + 1}: {message}
        </p>
      ))}
    </div>
  );
}

interface WeightCellProps {
  index: number;
  value: number;
  onCommit: (index: number, value: number) => string | null;
  onResult: (index: number, error: string | null) => void;
}

/** One weight: written as it is typed when acceptable, else kept in the box and explained. */
function WeightCell({ index, value, onCommit, onResult }: WeightCellProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = (message: string | null) => {
    setError(message);
    onResult(index, message);
  };
  return (
    <li className="sc-weight-cell">
      <label htmlFor={`input-sc-weight-${index}`} className="sc-weight-index">
        {index + 1}
      </label>
      <input
        id={`input-sc-weight-${index}`}
        className="input"
        type="text"
        inputMode="decimal"
        data-testid={`field-sc-weight-${index}`}
        aria-label={`Weight of channel ${index + 1}`}
        aria-invalid={error !== null}
        title={error ?? `Weight of input channel ${index + 1}`}
        value={draft ?? String(value)}
        onChange={(e) => {
          setDraft(e.target.value);
          const parsed = parseNumberInput(e.target.value, {});
          show(parsed.ok ? onCommit(index, parsed.value) : parsed.message);
        }}
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setDraft(null);
            show(null);
          } else if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </li>
  );
}
