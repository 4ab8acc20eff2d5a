/**
 * Fields bound to one training option each. A number field keeps what is typed and writes the
 * option whenever the text is a finite number; text that is not a number is marked invalid and
 * never reaches the store, so the last good value stays in force.
 */
import { useState } from 'react';
import type { TrainingOptions } from '../../store/training/options.ts';
import { useTrainingStore } from '../../store/training/index.ts';

type NumberKey = {
  [K in keyof TrainingOptions]: TrainingOptions[K] extends number ? K : never;
}[keyof TrainingOptions];

export interface NumberOptionProps {
  name: NumberKey;
  label: string;
  unit?: string;
  title?: string;
  step?: number;
}

export function NumberOption({ name, label, unit, title, step }: NumberOptionProps) {
  const value = useTrainingStore((s) => s.options[name]);
  const [text, setText] = useState(String(value));
  const parsed = text.trim() === '' ? NaN : Number(text);
  // The store changed under us (a reload, another field): show its value.
  const shown = Number.isFinite(parsed) && parsed !== value ? String(value) : text;
  const invalid = !Number.isFinite(Number(shown)) || shown.trim() === '';
  return (
    <label className="training-field" title={title}>
      <span>{label}</span>
      <input
        type="number"
        step={step ?? 'any'}
        value={shown}
        aria-invalid={invalid}
        data-testid={`train-${name}`}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const v = next.trim() === '' ? NaN : Number(next);
          if (Number.isFinite(v)) useTrainingStore.getState().setOptions({ [name]: v });
        }}
      />
      {unit !== undefined && <span className="training-unit">{unit}</span>}
    </label>
  );
}

type ChoiceKey = 'rule' | 'schedule' | 'optimizer' | 'device';

export interface SelectOptionProps<K extends ChoiceKey> {
  name: K;
  label: string;
  choices: readonly { value: TrainingOptions[K]; label: string }[];
}

export function SelectOption<K extends ChoiceKey>({ name, label, choices }: SelectOptionProps<K>) {
  const value = useTrainingStore((s) => s.options[name]);
  return (
    <label className="training-field">
      <span>{label}</span>
      <select
        value={value}
        data-testid={`train-${name}`}
        onChange={(e) => {
          const chosen = choices.find((c) => c.value === e.target.value);
          if (chosen) useTrainingStore.getState().setOptions({ [name]: chosen.value });
        }}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
