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
  /** Locked by the teacher's policy: a lock icon with the reason beside the control. */
  locked?: boolean | undefined;
  /** The teacher's range of the value, shown under the control. */
  range?: { min: number; max: number } | null | undefined;
  children: ReactNode;
}

/** Label, control, unit and the inline error line of one inspector field. */
export function Field(props: FieldProps) {
  const { name, label, unit, description, error, note, locked, range, children } = props;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={`input-${name}`} title={description}>
        {label}
      </label>
      <div className="field-control">
        {children}
        {unit !== undefined && unit !== '' && <span className="field-unit">{unit}</span>}
        {locked === true && (
          <span
            className="field-lock"
            role="img"
            aria-label="locked by the teacher"
            title="locked by the teacher"
            data-testid={`lock-${name}`}
          >
            <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true">
              <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor" />
              <path
                d="M8 11V7a4 4 0 0 1 8 0v4"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.4"
              />
            </svg>
          </span>
        )}
      </div>
      {range != null && (
        <p className="field-note" data-testid={`range-${name}`}>
          Range set by the teacher: {range.min} to {range.max}
        </p>
      )}
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
