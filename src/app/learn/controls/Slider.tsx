/**
 * A labelled range slider with its value shown beside it. The label is the control's
 * accessible name; `format` gives both the visible value and `aria-valuetext`, so a screen
 * reader hears "4,096 bits" rather than the slider's raw position.
 */
import { useId } from 'react';

export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  format?: (value: number) => string;
  /** A short line under the slider (what the control means). */
  hint?: string;
}

export function Slider({ label, value, min, max, step, onChange, format, hint }: SliderProps) {
  const id = useId();
  const text = format ? format(value) : String(value);
  return (
    <div className="lsn-slider">
      <label htmlFor={id}>{label}</label>
      <span className="lsn-slider-value" aria-hidden="true">
        {text}
      </span>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={text}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      {hint !== undefined && (
        <small id={`${id}-hint`} className="lsn-hint">
          {hint}
        </small>
      )}
    </div>
  );
}
