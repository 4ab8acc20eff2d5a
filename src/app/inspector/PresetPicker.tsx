import type { Population } from '../../model/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { issueMessage } from './issue-message.ts';
import { matchingPreset, presetChoices, presetParams } from './model-presets.ts';
import { SelectField } from './SelectField.tsx';

const CUSTOM = 'custom';

/**
 * The published cells of a classroom model (Izhikevich 2003, Naud et al. 2008): picking one
 * writes all its parameters, with its published current as the bias, as one undoable edit.
 * Shows "Custom" once any defining parameter differs from every preset.
 */
export function PresetPicker({ population }: { population: Population }) {
  const choices = presetChoices(population);
  if (choices.length === 0) return null;
  const current = matchingPreset(population) ?? CUSTOM;
  const chosen = choices.find((c) => c.id === current);
  const options = [
    ...choices.map((c) => ({ value: c.id, label: c.name })),
    ...(current === CUSTOM ? [{ value: CUSTOM, label: 'Custom' }] : []),
  ];
  return (
    <div className="preset-picker" data-testid="preset-picker">
      <SelectField
        key={`${population.id}:preset`}
        name="preset"
        label="Preset"
        value={current}
        options={options}
        description={chosen?.source ?? 'Pick a published cell to fill in every parameter.'}
        onCommit={(id) => {
          const params = presetParams(population, id);
          if (params === null) return null;
          // No merge key: each pick is its own undo step.
          const issues = documentStore
            .getState()
            .tryApply(
              { type: 'updatePopulationParams', id: population.id, params },
              { label: 'apply preset' },
            );
          return issueMessage(issues, 'params');
        }}
      />
      {chosen !== undefined && (
        <p className="field-note preset-pattern" data-testid="preset-pattern">
          {chosen.pattern}
        </p>
      )}
    </div>
  );
}
