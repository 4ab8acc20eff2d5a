import type { Distribution } from '../../model/index.ts';
import { ExplicitValues } from './ExplicitValues.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

type Kind = Distribution['kind'];

const KINDS: readonly { value: Kind; label: string }[] = [
  { value: 'constant', label: 'Constant' },
  { value: 'uniform', label: 'Uniform' },
  { value: 'normal', label: 'Normal' },
];

/** Center of a distribution, kept when switching its kind. */
function center(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.low + d.high) / 2;
    case 'normal':
      return d.mean;
    case 'explicit':
      return d.values.length === 0 ? 0 : d.values.reduce((a, b) => a + b, 0) / d.values.length;
  }
}

export function switchKind(d: Distribution, kind: Kind): Distribution {
  const c = center(d);
  const spread = Math.abs(c) / 5 || 0.1;
  switch (kind) {
    case 'constant':
      return { kind, value: c };
    case 'uniform':
      return { kind, low: c - spread, high: c + spread };
    case 'normal':
      return { kind, mean: c, std: spread };
    case 'explicit':
      // Per-synapse values come from training or kept learned weights, not from this picker.
      return d.kind === 'explicit' ? d : { kind: 'constant', value: c };
  }
}

interface DistributionEditorProps {
  /** Prefix of the field names, e.g. `weight` gives field-weight-value. */
  name: string;
  label: string;
  value: Distribution;
  unit?: string;
  onCommit: (value: Distribution, field: string) => string | null;
  /** Parameter path of the distribution (`projections/ee/weight`), for the teacher's policy. */
  path?: string;
}

/**
 * A per-synapse value: constant, uniform or normal, with its parameters; or a list of one
 * value per synapse (trained or kept learned weights), shown as its count and range.
 */
export function DistributionEditor({
  name,
  label,
  value,
  unit,
  onCommit,
  path,
}: DistributionEditorProps) {
  const at = (field: string) => (path === undefined ? undefined : `${path}/${field}`);
  return (
    <div className="field-group">
      <SelectField
        name={`${name}-kind`}
        label={label}
        value={value.kind}
        options={
          value.kind === 'explicit'
            ? [...KINDS, { value: 'explicit', label: `Per synapse (${value.values.length})` }]
            : KINDS
        }
        onCommit={(kind) => onCommit(switchKind(value, kind), 'kind')}
      />
      {value.kind === 'constant' && (
        <NumberField
          name={`${name}-value`}
          path={at('value')}
          label="Value"
          unit={unit}
          value={value.value}
          description="Positive is excitatory, negative inhibitory."
          onCommit={(v) => onCommit({ ...value, value: v }, 'value')}
        />
      )}
      {value.kind === 'explicit' && (
        <ExplicitValues
          name={name}
          values={value.values}
          unit={unit}
          onReset={(mean) => onCommit({ kind: 'constant', value: mean }, 'kind')}
        />
      )}
      {value.kind === 'uniform' && (
        <div className="field-row">
          <NumberField
            name={`${name}-low`}
            path={at('low')}
            label="Low"
            unit={unit}
            value={value.low}
            onCommit={(low) => onCommit({ ...value, low }, 'low')}
          />
          <NumberField
            name={`${name}-high`}
            path={at('high')}
            label="High"
            unit={unit}
            value={value.high}
            onCommit={(high) => onCommit({ ...value, high }, 'high')}
          />
        </div>
      )}
      {value.kind === 'normal' && (
        <div className="field-row">
          <NumberField
            name={`${name}-mean`}
            path={at('mean')}
            label="Mean"
            unit={unit}
            value={value.mean}
            onCommit={(mean) => onCommit({ ...value, mean }, 'mean')}
          />
          <NumberField
            name={`${name}-std`}
            path={at('std')}
            label="Std"
            unit={unit}
            value={value.std}
            min={0}
            onCommit={(std) => onCommit({ ...value, std }, 'std')}
          />
        </div>
      )}
    </div>
  );
}
