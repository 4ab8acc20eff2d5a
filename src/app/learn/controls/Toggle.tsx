/** A checkbox with its label and an optional explanation under it. */
import { useId } from 'react';

export interface ToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

export function Toggle({ label, checked, onChange, hint }: ToggleProps) {
  const id = useId();
  return (
    <div className="lsn-toggle">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <small id={`${id}-hint`} className="lsn-hint">
          {hint}
        </small>
      )}
    </div>
  );
}
