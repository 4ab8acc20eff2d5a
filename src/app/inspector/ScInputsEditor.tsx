import type { Population, ScInputs } from '../../model/index.ts';
import { DEFAULT_RATES_TAU, constantInputs, useDocumentStore } from '../../store/document/index.ts';
import { NumberField } from './NumberField.tsx';
import { formatValues, parseValues } from './sc-values.ts';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';
import { useTryEdit } from './useTryEdit.ts';

type ScLayer = Extract<Population, { model: 'sc_dense' }>;

const KINDS = [
  { value: 'constant', label: 'Fixed values' },
  { value: 'rates', label: 'Firing rates of a population' },
] as const;

/**
 * Where an SC dense layer's input channels come from: fixed values (one channel each) or the
 * firing rates of another population (one channel per neuron). Every change goes through
 * `setScInputs`, which resizes the weights to the new channel count in the same edit.
 */
export function ScInputsEditor({ layer }: { layer: ScLayer }) {
  const tryEdit = useTryEdit();
  const id = layer.id;
  const inputs = layer.params.inputs;
  const others = useDocumentStore((s) => s.document.populations).filter((p) => p.id !== id);
  const write = (next: ScInputs, field: string) =>
    tryEdit({ type: 'setScInputs', id, inputs: next }, field, id);

  const switchKind = (kind: ScInputs['kind']): string | null => {
    if (kind === inputs.kind) return null;
    if (kind === 'constant') return write(constantInputs(layer.params), 'kind');
    const first = others[0];
    if (first === undefined) return 'Add another population first: its rates become the inputs';
    return write({ kind: 'rates', source: first.id, tau: DEFAULT_RATES_TAU }, 'kind');
  };

  return (
    <>
      <SelectField
        name="sc-inputs-kind"
        label="Input channels"
        value={inputs.kind}
        options={KINDS}
        description="Fixed values, or the rates of another population (also set by connecting it to this layer's input handle)."
        onCommit={switchKind}
      />
      {inputs.kind === 'constant' ? (
        <TextField
          key={`${id}:values`}
          name="sc-values"
          label={`Values (${inputs.values.length} channels)`}
          placeholder="0.3, 0.7, 0.5"
          description={`One input per channel, between x_min (${layer.params.x_min}) and x_max (${layer.params.x_max}); adding or removing one adds or removes its weight.`}
          value={formatValues(inputs.values)}
          onCommit={(text) => {
            const parsed = parseValues(text);
            return parsed.ok
              ? write({ kind: 'constant', values: parsed.values }, 'values')
              : parsed.message;
          }}
        />
      ) : (
        <RatesFields layer={layer} inputs={inputs} others={others} write={write} />
      )}
    </>
  );
}

interface RatesFieldsProps {
  layer: ScLayer;
  inputs: Extract<ScInputs, { kind: 'rates' }>;
  others: readonly Population[];
  write: (next: ScInputs, field: string) => string | null;
}

/** The rates source (any population but the layer) and the time constant of its estimate. */
export function RatesFields({ layer, inputs, others, write }: RatesFieldsProps) {
  const options = others.map((p) => ({
    value: p.id,
    label: `${p.label ?? p.id} (${p.size} ${p.size === 1 ? 'neuron' : 'neurons'})`,
  }));
  return (
    <>
      <SelectField
        name="sc-source"
        label="Source population"
        value={inputs.source}
        options={options}
        description="Each neuron of this population is one input channel, valued at its firing rate in spikes per ms; the weights follow its size."
        onCommit={(source) => write({ ...inputs, source }, 'source')}
      />
      <NumberField
        key={`${layer.id}:tau`}
        name="sc-tau"
        label="Rate time constant τ"
        unit="ms"
        value={inputs.tau}
        min={0}
        step={10}
        description="The rates are estimated online by a trace decaying with this time constant: longer is smoother and slower to follow."
        onCommit={(tau) => write({ ...inputs, tau }, 'tau')}
      />
    </>
  );
}
