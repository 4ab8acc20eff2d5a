import type { Connectivity } from '../../model/index.ts';
import { isGridded } from '../../model/conv-geometry.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { ConvFields } from './ConvFields.tsx';
import { defaultStructuredRule, structuredRulesFor } from './conv-edits.ts';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

type Rule = Connectivity['rule'];

const RULES: readonly { value: Rule; label: string }[] = [
  { value: 'fixed_probability', label: 'Random (probability p)' },
  { value: 'fixed_fan_in', label: 'Fixed fan-in (k inputs each)' },
  { value: 'all_to_all', label: 'All to all' },
  { value: 'one_to_one', label: 'One to one' },
];

const STRUCTURED_LABELS: Readonly<Record<Exclude<Rule, (typeof RULES)[number]['value']>, string>> =
  {
    conv2d: 'Convolution 2D (kernel)',
    conv1d: 'Convolution 1D (kernel)',
    sum_pool2d: 'Sum pooling 2D',
    avg_pool2d: 'Average pooling 2D',
    explicit: 'Explicit pairs',
  };

/**
 * The rules to offer: the four classic ones, the conv and pool rules the source's shape allows
 * (when the synapse takes them), and the current rule whatever it is.
 */
export function ruleOptions(
  current: Rule,
  sourceShape: readonly number[] | undefined,
  structuredAllowed: boolean,
): { value: Rule; label: string }[] {
  const extra: Rule[] = structuredAllowed ? structuredRulesFor(sourceShape) : [];
  if (!RULES.some((r) => r.value === current) && !extra.includes(current)) extra.push(current);
  return [
    ...RULES,
    ...extra.map((value) => ({
      value,
      label: STRUCTURED_LABELS[value as keyof typeof STRUCTURED_LABELS],
    })),
  ];
}

/** Switching rules keeps what carries over (allow_self) and starts new parameters sensibly. */
export function switchRule(
  from: Connectivity,
  rule: Rule,
  sourceSize: number,
  sourceShape?: readonly number[],
  targetShape?: readonly number[],
): Connectivity {
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
    case 'conv2d':
    case 'conv1d':
    case 'sum_pool2d':
    case 'avg_pool2d':
      return defaultStructuredRule(rule, sourceShape ?? [1, 1, 1], targetShape);
    case 'explicit':
      // Pairs come from files (NIR); the picker only shows the rule when it is already there.
      return from.rule === 'explicit' ? from : { rule, pairs: { sources: [], targets: [] } };
  }
}

interface ConnectivityEditorProps {
  value: Connectivity;
  sourceSize: number;
  isSelf: boolean;
  sourceShape?: readonly number[] | undefined;
  targetShape?: readonly number[] | undefined;
  /** Whether conv and pool rules are offered (delta or exponential synapses only). */
  structuredAllowed?: boolean;
  onCommit: (value: Connectivity, field: string) => string | null;
  /** Writes a conv or pool rule, with the target reshaped to its output when asked. */
  onStructured?: (value: Connectivity, field: string, reshapeTarget: boolean) => string | null;
}

/** The connectivity rule and its parameters. */
export function ConnectivityEditor({
  value,
  sourceSize,
  isSelf,
  sourceShape,
  targetShape,
  structuredAllowed = false,
  onCommit,
  onStructured,
}: ConnectivityEditorProps) {
  const writeRule = (rule: Rule) => {
    const next = switchRule(value, rule, sourceSize, sourceShape, targetShape);
    return isGridded(next) && onStructured !== undefined
      ? onStructured(next, 'rule', true)
      : onCommit(next, 'rule');
  };
  return (
    <>
      <SelectField
        name="rule"
        label="Rule"
        value={value.rule}
        options={ruleOptions(value.rule, sourceShape, structuredAllowed)}
        onCommit={writeRule}
      />
      {(isGridded(value) || value.rule === 'explicit') && (
        <ConvFields
          value={value}
          sourceShape={sourceShape}
          targetShape={targetShape}
          onCommit={(next, field, reshape) =>
            onStructured === undefined ? onCommit(next, field) : onStructured(next, field, reshape)
          }
        />
      )}
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
      {'allow_self' in value && isSelf && (
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
