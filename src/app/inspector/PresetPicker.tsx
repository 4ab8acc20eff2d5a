import type { Population } from '../../model/index.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { issueMessage } from './issue-message.ts';
import { matchingPreset, presetChoices, presetParams } from './model-presets.ts';
import { SelectField } from './SelectField.tsx';

const CUSTOM = 'custom';

/**
 * The coarsest step the published patterns hold at: both models are integrated by forward Euler
 * (see `src/engine/CONTEXT.md`), and the gallery examples and preset tests use 0.1 ms.
 */
const PRESET_MAX_DT = 0.1;

/**
 * The published cells of a classroom model (Izhikevich 2003, Naud et al. 2008): picking one
 * writes all its parameters, with its published current as the bias, as one undoable edit.
 * Shows "Custom" once any defining parameter differs from every preset.
 */
export function PresetPicker({ population }: { population: Population }) {
  const dt = useDocumentStore((s) => s.document.run.dt);
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
      {dt > PRESET_MAX_DT && (
        <p className="field-note preset-dt" data-testid="preset-dt-warning">
          The run steps at {dt} ms; the published patterns need dt ≤ {PRESET_MAX_DT} ms.
        </p>
      )}
    </div>
  );
}
