import { useState } from 'react';

interface CheckboxFieldProps {
  name: string;
  label: string;
  checked: boolean;
  description?: string;
  onCommit: (checked: boolean) => string | null;
}

/** A labelled switch, with the refusal message under it when the document says no. */
export function CheckboxField(props: CheckboxFieldProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={`field field-check${error ? ' has-error' : ''}`}>
      <label className="check" title={props.description}>
        <input
          type="checkbox"
          data-testid={`field-${props.name}`}
          checked={props.checked}
          onChange={(e) => setError(props.onCommit(e.target.checked))}
        />
        <span>{props.label}</span>
      </label>
      {error ? (
        <p className="field-error" role="alert" data-testid={`error-${props.name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
