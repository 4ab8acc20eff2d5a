import { useState } from 'react';
import { Field } from './Field.tsx';

interface SelectFieldProps<T extends string> {
  name: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  description?: string;
  /** Writes the choice; returns the error to show when the document refuses it. */
  onCommit: (value: T) => string | null;
}

/** A dropdown whose refused choices are explained under it instead of written. */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Field name={props.name} label={props.label} description={props.description} error={error}>
      <select
        id={`input-${props.name}`}
        className="input"
        data-testid={`field-${props.name}`}
        value={props.value}
        aria-invalid={error !== null}
        onChange={(e) => {
          const choice = props.options.find((o) => o.value === e.target.value);
          if (choice !== undefined) setError(props.onCommit(choice.value));
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
