import { useState } from 'react';
import { formatNumber } from '../editor/projection-summary.ts';
import { explicitSummary } from './plasticity-edits.ts';

interface ExplicitValuesProps {
  name: string;
  values: readonly number[];
  unit?: string | undefined;
  /** Replaces the list by a constant at its mean; returns the refusal to show, if any. */
  onReset: (mean: number) => string | null;
}

/**
 * A per-synapse list (learned or trained weights) at a glance: how many values, their range
 * and mean, and "Reset to constant (mean)". The values themselves are not edited here.
 */
export function ExplicitValues({ name, values, unit, onReset }: ExplicitValuesProps) {
  const [error, setError] = useState<string | null>(null);
  const { count, min, max, mean } = explicitSummary(values);
  const u = unit === undefined || unit === '' ? '' : ` ${unit}`;
  return (
    <div className="field explicit-values">
      <p className="field-note" data-testid={`${name}-explicit-summary`}>
        {count} values, one per synapse · range [{formatNumber(min)}, {formatNumber(max)}]{u} · mean{' '}
        {formatNumber(mean)}
      </p>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        data-testid={`${name}-explicit-reset`}
        title="Every synapse gets the mean of the list: the learned differences are lost (undo brings them back)."
        onClick={() => setError(onReset(Number(mean.toPrecision(6))))}
      >
        Reset to constant (mean)
      </button>
      {error !== null && (
        <p className="field-error" role="alert" data-testid={`error-${name}-explicit`}>
          {error}
        </p>
      )}
    </div>
  );
}
