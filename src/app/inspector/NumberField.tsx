import { useState } from 'react';
import { usePolicy } from '../../store/classroom/index.ts';
import { Field } from './Field.tsx';
import { parseNumberInput, type NumberRules } from './number-input.ts';

interface NumberFieldProps extends NumberRules {
  name: string;
  label: string;
  value: number;
  unit?: string | undefined;
  step?: number | undefined;
  description?: string | undefined;
  /** Shown beside the unit: the effective value the entered one stands for. */
  note?: string | null | undefined;
  /** Writes the value; returns the error to show when the document refuses it. */
  onCommit: (value: number) => string | null;
  /**
   * The value's parameter path (`src/model/param-path.ts`), so a teacher's policy can hide
   * the field, lock it, or show its range. The document store enforces the policy either way.
   */
  path?: string | undefined;
}

/**
 * A number input that writes every acceptable value as it is typed and shows why any other is
 * refused. A refused value stays in the box (so the user can fix it) but never reaches the
 * document; Escape puts back the document's value.
 */
export function NumberField(props: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const policy = usePolicy();
  const path = props.path;
  if (path !== undefined && policy.isHidden(path)) return null;
  const locked = path !== undefined && policy.isLocked(path);
  const range = path === undefined ? null : policy.rangeOf(path);
  const onChange = (text: string) => {
    setDraft(text);
    const parsed = parseNumberInput(text, props);
    setError(parsed.ok ? props.onCommit(parsed.value) : parsed.message);
  };
  return (
    <Field
      name={props.name}
      label={props.label}
      unit={props.unit}
      description={props.description}
      error={error}
      note={props.note}
      locked={locked}
      range={range}
    >
      <input
        id={`input-${props.name}`}
        className="input"
        type="text"
        inputMode="decimal"
        data-testid={`field-${props.name}`}
        disabled={locked}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `error-${props.name}` : undefined}
        title={locked ? 'locked by the teacher' : props.description}
        value={draft ?? String(props.value)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          } else if (e.key === 'Enter') e.currentTarget.blur();
          else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && props.step !== undefined) {
            // Stepping like a native number input, without its spinner and locale quirks.
            e.preventDefault();
            const current = Number(draft ?? props.value);
            if (!Number.isFinite(current)) return;
            const next = current + (e.key === 'ArrowUp' ? props.step : -props.step);
            onChange(String(Number(next.toPrecision(12))));
          }
        }}
      />
    </Field>
  );
}
