import type { ReactNode } from 'react';

interface FieldProps {
  /** Used for ids and the `field-<name>` test id of the control. */
  name: string;
  label: string;
  unit?: string | undefined;
  description?: string | undefined;
  error?: string | null | undefined;
  /** The effective value behind the entered one (Loihi's threshold, a DynapSim time constant). */
  note?: string | null | undefined;
  children: ReactNode;
}

/** Label, control, unit and the inline error line of one inspector field. */
export function Field({ name, label, unit, description, error, note, children }: FieldProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={`input-${name}`} title={description}>
        {label}
      </label>
      <div className="field-control">
        {children}
        {unit !== undefined && unit !== '' && <span className="field-unit">{unit}</span>}
      </div>
      {note != null && note !== '' && (
        <p className="field-note" data-testid={`note-${name}`}>
          {note}
        </p>
      )}
      {error ? (
        <p className="field-error" id={`error-${name}`} role="alert" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
