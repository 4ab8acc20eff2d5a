import type { Population } from '../../model/index.ts';
import { MAX_POPULATION_SIZE } from '../../model/index.ts';
import { ModelIcon } from '../common/ModelIcon.tsx';
import { MODEL_STYLE } from '../common/model-style.ts';
import { NumberField } from './NumberField.tsx';
import { ParamFields } from './ParamFields.tsx';
import { ProbesSection } from './ProbesSection.tsx';
import { ScDenseSections } from './ScDenseSections.tsx';
import { Section } from './Section.tsx';
import { ShapeField } from './ShapeField.tsx';
import { StimuliSection } from './StimuliSection.tsx';
import { TextField } from './TextField.tsx';
import { takesStimuli } from './model-capabilities.ts';
import { PresetPicker } from './PresetPicker.tsx';
import { useTryEdit } from './useTryEdit.ts';

/** Everything about one population: name, size, parameters, what is recorded and injected. */
export function PopulationInspector({ population }: { population: Population }) {
  const tryEdit = useTryEdit();
  const id = population.id;
  const style = MODEL_STYLE[population.model];
  return (
    <div className="inspector-body" data-testid="population-inspector">
      <header className="inspector-head">
        <ModelIcon model={population.model} size={26} />
        <div>
          <h2 className="inspector-title">{population.label ?? id}</h2>
          <p className="inspector-sub">
            {style.name} · <code>{id}</code>
          </p>
        </div>
      </header>
      <Section title="Population">
        <TextField
          key={`${id}:label`}
          name="label"
          label="Label"
          placeholder={id}
          value={population.label ?? ''}
          onCommit={(text) =>
            tryEdit(
              {
                type: 'updatePopulation',
                id,
                patch: { label: text.trim() === '' ? undefined : text },
              },
              'label',
              id,
            )
          }
        />
        <NumberField
          key={`${id}:size`}
          name="size"
          path={`populations/${id}/size`}
          label="Size"
          unit="neurons"
          value={population.size}
          min={1}
          max={MAX_POPULATION_SIZE}
          integer
          description="Number of neurons in the population."
          onCommit={(size) =>
            tryEdit({ type: 'updatePopulation', id, patch: { size } }, 'size', id)
          }
        />
        <ShapeField population={population} />
      </Section>
      {population.model === 'sc_dense' && <ScDenseSections layer={population} />}
      <Section title="Parameters">
        <PresetPicker population={population} />
        <ParamFields population={population} />
      </Section>
      <ProbesSection population={population} />
      {takesStimuli(population.model) && <StimuliSection population={population} />}
    </div>
  );
}
