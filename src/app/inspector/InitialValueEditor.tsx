import type { InitialValue } from '../../model/index.ts';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

interface InitialValueEditorProps {
  value: InitialValue;
  unit: string;
  /** Writes a new initial value; returns the refusal message, if any. */
  onCommit: (value: InitialValue, field: string) => string | null;
}

const KINDS = [
  { value: 'constant', label: 'Constant' },
  { value: 'uniform', label: 'Uniform range' },
] as const;

/** The initial membrane potential: one value for all neurons, or uniform in a range. */
export function InitialValueEditor({ value, unit, onCommit }: InitialValueEditorProps) {
  return (
    <div className="field-group">
      <SelectField
        name="v_init-kind"
        label="Initial potential"
        value={value.kind}
        options={KINDS}
        onCommit={(kind) =>
          onCommit(
            kind === 'constant'
              ? { kind, value: value.kind === 'constant' ? value.value : value.low }
              : value.kind === 'uniform'
                ? value
                : { kind, low: value.value, high: value.value + 1 },
            'kind',
          )
        }
      />
      {value.kind === 'constant' ? (
        <NumberField
          name="v_init-value"
          label="Value"
          unit={unit}
          value={value.value}
          onCommit={(v) => onCommit({ kind: 'constant', value: v }, 'value')}
        />
      ) : (
        <div className="field-row">
          <NumberField
            name="v_init-low"
            label="Low"
            unit={unit}
            value={value.low}
            onCommit={(v) => onCommit({ ...value, low: v }, 'low')}
          />
          <NumberField
            name="v_init-high"
            label="High"
            unit={unit}
            value={value.high}
            onCommit={(v) => onCommit({ ...value, high: v }, 'high')}
          />
        </div>
      )}
    </div>
  );
}
