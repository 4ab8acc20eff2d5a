/** The import dialog's settings: dt with the file's time unit, the discretisation, the duration. */
import { useId } from 'react';
import {
  DISCRETISATION_HELP,
  type FormCheck,
  type NirDiscretisation,
  type NirImportForm,
  type NirTimeUnit,
} from './import-form.ts';

interface ImportOptionsFieldsProps {
  form: NirImportForm;
  check: FormCheck;
  onChange: (form: NirImportForm) => void;
}

const DISCRETISATIONS: { value: NirDiscretisation; label: string }[] = [
  { value: 'exact', label: 'Exact exponential' },
  { value: 'euler', label: 'Forward Euler' },
];

export function ImportOptionsFields({ form, check, onChange }: ImportOptionsFieldsProps) {
  const id = useId();
  const bad = (field: 'dt' | 'duration') => !check.ok && check.field === field;
  return (
    <div className="nir-options">
      <div className="nir-option-row">
        <label htmlFor={`${id}-dt`}>dt</label>
        <input
          id={`${id}-dt`}
          className="nir-number"
          inputMode="decimal"
          value={form.dt}
          aria-invalid={bad('dt')}
          aria-describedby={`${id}-dt-help`}
          data-testid="nir-dt"
          data-autofocus
          onChange={(e) => onChange({ ...form, dt: e.target.value })}
        />
        <select
          aria-label="Time unit of the NIR file"
          value={form.timeUnit}
          data-testid="nir-time-unit"
          onChange={(e) => onChange({ ...form, timeUnit: e.target.value as NirTimeUnit })}
        >
          <option value="s">s</option>
          <option value="ms">ms</option>
        </select>
        <span id={`${id}-dt-help`} className="muted">
          {check.ok
            ? `one step = ${formatMs(check.dtMs)}; the file's times (τ, dt) are read in ${form.timeUnit === 's' ? 'seconds, as NIR defines them' : 'milliseconds'}`
            : 'the file’s times (τ, dt) are read in this unit'}
        </span>
      </div>
      <fieldset className="nir-discretisation">
        <legend>Discretisation</legend>
        {DISCRETISATIONS.map((d) => (
          <label key={d.value} className="nir-radio">
            <input
              type="radio"
              name={`${id}-discretisation`}
              value={d.value}
              checked={form.discretisation === d.value}
              data-testid={`nir-discretisation-${d.value}`}
              onChange={() => onChange({ ...form, discretisation: d.value })}
            />
            <span>
              <strong>{d.label}</strong>
              <span className="muted">: {DISCRETISATION_HELP[d.value]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="nir-option-row">
        <label htmlFor={`${id}-duration`}>Duration</label>
        <input
          id={`${id}-duration`}
          className="nir-number"
          inputMode="decimal"
          value={form.duration}
          aria-invalid={bad('duration')}
          data-testid="nir-duration"
          onChange={(e) => onChange({ ...form, duration: e.target.value })}
        />
        <span>ms</span>
        {check.ok && <span className="muted">{check.steps.toLocaleString('en')} steps</span>}
      </div>
      {!check.ok && (
        <p className="nir-error" role="alert" data-testid="nir-form-error">
          {check.message}
        </p>
      )}
    </div>
  );
}

/** `1 ms`, `0.1 ms`, `2.5e-5 ms`: enough digits, no float noise. */
function formatMs(ms: number): string {
  return `${Number(ms.toPrecision(6))} ms`;
}
