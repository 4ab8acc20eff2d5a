import { useState } from 'react';
import { Field } from './Field.tsx';

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  placeholder?: string;
  description?: string;
  /** Shown beside the input: what the text stands for (a Loihi list's actual weights). */
  note?: string | undefined;
  /** Validates the text and writes it; returns the error to show when it is refused. */
  onCommit: (text: string) => string | null;
}

/** A text input written as it is typed, with the same refusal rules as the number fields. */
export function TextField(props: TextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Field
      name={props.name}
      label={props.label}
      description={props.description}
      error={error}
      note={props.note}
    >
      <input
        id={`input-${props.name}`}
        className="input"
        type="text"
        data-testid={`field-${props.name}`}
        placeholder={props.placeholder}
        aria-invalid={error !== null}
        value={draft ?? props.value}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(props.onCommit(e.target.value));
        }}
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          } else if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </Field>
  );
}
