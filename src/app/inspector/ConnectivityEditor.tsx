import type { Connectivity } from '../../model/index.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

type Rule = Connectivity['rule'];

const RULES: readonly { value: Rule; label: string }[] = [
  { value: 'fixed_probability', label: 'Random (probability p)' },
  { value: 'fixed_fan_in', label: 'Fixed fan-in (k inputs each)' },
  { value: 'all_to_all', label: 'All to all' },
  { value: 'one_to_one', label: 'One to one' },
];

/** Switching rules keeps what carries over (allow_self) and starts new parameters sensibly. */
export function switchRule(from: Connectivity, rule: Rule, sourceSize: number): Connectivity {
  const allowSelf = 'allow_self' in from ? from.allow_self : false;
  switch (rule) {
    case 'all_to_all':
      return { rule, allow_self: allowSelf };
    case 'one_to_one':
      return { rule };
    case 'fixed_probability':
      return { rule, p: 0.1, allow_self: allowSelf };
    case 'fixed_fan_in':
      return { rule, k: Math.max(1, Math.min(10, sourceSize - 1)), allow_self: allowSelf };
  }
}

interface ConnectivityEditorProps {
  value: Connectivity;
  sourceSize: number;
  isSelf: boolean;
  onCommit: (value: Connectivity, field: string) => string | null;
}

/** The connectivity rule and its parameters. */
export function ConnectivityEditor({
  value,
  sourceSize,
  isSelf,
  onCommit,
}: ConnectivityEditorProps) {
  return (
    <>
      <SelectField
        name="rule"
        label="Rule"
        value={value.rule}
        options={RULES}
        onCommit={(rule) => onCommit(switchRule(value, rule, sourceSize), 'rule')}
      />
      {value.rule === 'fixed_probability' && (
        <NumberField
          name="p"
          label="Probability p"
          value={value.p}
          min={0}
          max={1}
          step={0.01}
          description="Each source-target pair is connected with this probability."
          onCommit={(p) => onCommit({ ...value, p }, 'p')}
        />
      )}
      {value.rule === 'fixed_fan_in' && (
        <NumberField
          name="k"
          label="Inputs per neuron k"
          value={value.k}
          min={0}
          integer
          description="Each target neuron receives exactly k inputs drawn from the source."
          onCommit={(k) => onCommit({ ...value, k }, 'k')}
        />
      )}
      {value.rule !== 'one_to_one' && isSelf && (
        <CheckboxField
          name="allow_self"
          label="Allow self-connections (autapses)"
          checked={value.allow_self}
          onCommit={(allow_self) => onCommit({ ...value, allow_self }, 'allow_self')}
        />
      )}
    </>
  );
}
