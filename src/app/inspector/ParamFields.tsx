import type { InitialValue, Population } from '../../model/index.ts';
import { PARAM_INFO, type ParamInfo } from '../../model/index.ts';
import { InitialValueEditor } from './InitialValueEditor.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { formatSpikeList, parseSpikeList } from './spike-list.ts';
import { TextField } from './TextField.tsx';
import { useTryEdit } from './useTryEdit.ts';

/**
 * The model-specific parameters of a population, one validated field each, from param-info.
 * An SC dense layer's inputs and weights have sections of their own (ScDenseSections).
 */
export function ParamFields({ population }: { population: Population }) {
  const tryEdit = useTryEdit();
  const infos: readonly ParamInfo[] = PARAM_INFO[population.model];
  const params = population.params as unknown as Readonly<Record<string, unknown>>;
  const id = population.id;
  const write = (values: Record<string, unknown>, field: string) =>
    tryEdit({ type: 'updatePopulationParams', id, params: values }, field, id);

  return (
    <>
      {infos.map((info) => {
        const value = params[info.key];
        switch (info.input) {
          case 'number':
            return typeof value === 'number' ? (
              <NumberField
                key={`${id}:${info.key}`}
                name={info.key}
                label={info.label}
                unit={info.unit}
                value={value}
                min={info.min}
                max={info.max}
                step={info.step}
                description={info.description}
                onCommit={(v) => write({ [info.key]: v }, info.key)}
              />
            ) : null;
          case 'initial_value':
            return (
              <InitialValueEditor
                key={`${id}:${info.key}`}
                value={value as InitialValue}
                unit={info.unit}
                onCommit={(v, field) => write({ [info.key]: v }, field)}
              />
            );
          case 'choice': {
            const options = (info.options ?? []).map((o) => ({ value: o, label: o }));
            return typeof value === 'string' ? (
              <SelectField
                key={`${id}:${info.key}`}
                name={info.key}
                label={info.label}
                value={value}
                options={options}
                description={info.description}
                onCommit={(v) => write({ [info.key]: v }, info.key)}
              />
            ) : null;
          }
          case 'sc_inputs':
          case 'weight_list':
            return null;
          case 'index_list':
            // Edited together with the times (below), since both lists must stay equally long.
            return null;
          case 'time_list':
            return population.model === 'spike_generator' ? (
              <TextField
                key={`${id}:spikes`}
                name="spikes"
                label="Spikes (neuron@time ms)"
                placeholder="0@5, 1@10, 2@15"
                description="Each item fires one neuron at one time, in ms."
                value={formatSpikeList(population.params.indices, population.params.times)}
                onCommit={(text) => {
                  const parsed = parseSpikeList(text);
                  if (!parsed.ok) return parsed.message;
                  return write({ indices: parsed.indices, times: parsed.times }, 'times');
                }}
              />
            ) : null;
        }
      })}
    </>
  );
}
