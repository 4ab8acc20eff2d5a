import type { InitialValue, Population } from '../../model/index.ts';
import { PARAM_INFO, type ParamInfo } from '../../model/index.ts';
import { dynapsimDefaults } from '../../model/dynapsim-constants.ts';
import { displayUnit, fromDisplay, paramNote, toDisplay } from './chip-units.ts';
import { InitialValueEditor } from './InitialValueEditor.tsx';
import { NirValueField } from './NirValueField.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { formatSpikeList, parseSpikeList } from './spike-list.ts';
import { TextField } from './TextField.tsx';
import { useTryEdit } from './useTryEdit.ts';
import { useDocumentStore } from '../../store/document/index.ts';

/** DynapSim's defaults pick each current's on-screen unit (pA or nA) once, not per keystroke. */
const DYNAPSIM_REFERENCE: Readonly<Record<string, unknown>> = { ...dynapsimDefaults() };

/**
 * The model-specific parameters of a population, one validated field each, from param-info.
 * An SC dense layer's inputs, weights and fixed point have sections of their own
 * (ScDenseSections).
 * Chip values are shown in the chip's units with their effective value beside them
 * (`chip-units.ts`): DynapSim's amperes and farads in pA/nA/pF, Loihi's mantissas and decays.
 */
export function ParamFields({ population }: { population: Population }) {
  const tryEdit = useTryEdit();
  const dt = useDocumentStore((s) => s.document.run.dt);
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
          case 'number': {
            if (typeof value !== 'number') return null;
            const reference =
              population.model === 'dynapsim' ? DYNAPSIM_REFERENCE[info.key] : value;
            const shown = displayUnit(info.unit, typeof reference === 'number' ? reference : value);
            const scaled = (limit: number | undefined) =>
              limit === undefined ? undefined : toDisplay(limit, shown.factor);
            return (
              <NumberField
                key={`${id}:${info.key}`}
                name={info.key}
                path={`populations/${id}/params/${info.key}`}
                label={info.label}
                unit={shown.unit}
                value={toDisplay(value, shown.factor)}
                min={scaled(info.min)}
                max={scaled(info.max)}
                step={info.step}
                description={info.description}
                note={paramNote(population, info.key, dt)}
                onCommit={(v) => write({ [info.key]: fromDisplay(v, shown.factor) }, info.key)}
              />
            );
          }
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
          case 'nir_value':
            // A nir_neuron number or per-neuron array; fields of other NIR types are absent.
            return typeof value === 'number' || Array.isArray(value) ? (
              <NirValueField
                key={`${id}:${info.key}`}
                populationId={id}
                info={info}
                value={value as number | number[]}
                onCommit={(v) => write({ [info.key]: v }, info.key)}
              />
            ) : null;
          case 'sc_inputs':
          case 'weight_list':
          case 'fixed_point':
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
