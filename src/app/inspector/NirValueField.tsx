import type { NirValue, ParamInfo } from '../../model/index.ts';
import { describeNirValue } from '../../model/nir-neuron-params.ts';
import { NumberField } from './NumberField.tsx';

interface NirValueFieldProps {
  populationId: string;
  info: ParamInfo;
  value: NirValue;
  /** Writes one value for every neuron; returns the error to show when refused. */
  onCommit: (value: number) => string | null;
}

/**
 * A `nir_neuron` number: one value for all neurons as an ordinary field; a per-neuron array
 * (as an NIR import writes) summarised beside the field, where a number typed in replaces the
 * array with one value for all neurons.
 */
export function NirValueField({ populationId, info, value, onCommit }: NirValueFieldProps) {
  const perNeuron = Array.isArray(value);
  const shown = perNeuron ? (value[0] ?? 0) : value;
  return (
    <NumberField
      key={`${populationId}:${info.key}`}
      name={info.key}
      path={`populations/${populationId}/params/${info.key}`}
      label={info.label}
      unit={info.unit}
      value={shown}
      min={info.min}
      max={info.max}
      step={info.step}
      description={
        perNeuron
          ? `${info.description} Per neuron now; a number typed here sets one value for all.`
          : info.description
      }
      note={perNeuron ? describeNirValue(value) : null}
      onCommit={onCommit}
    />
  );
}
