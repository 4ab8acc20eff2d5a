/** The Sweep panel's settings: parameter, range and count, measured population, backend. */
import { useMemo } from 'react';
import type { BackendChoice, NetworkDocument } from '../../model/document.ts';
import { numericParams, paramLabel } from '../../model/param-path.ts';
import { MAX_SWEEP_VARIANTS } from '../../engine/sweep/sweep-values.ts';
import { defaultRange, SWEEP_BACKENDS, type SweepSettings } from './sweep-settings.ts';

export function SweepForm({
  doc,
  settings,
  disabled,
  onChange,
}: {
  doc: NetworkDocument;
  settings: SweepSettings;
  disabled: boolean;
  onChange: (next: SweepSettings) => void;
}) {
  const params = useMemo(
    () => numericParams(doc).map((path) => ({ path, label: paramLabel(doc, path) })),
    [doc],
  );
  const number = (key: 'from' | 'to' | 'count', text: string) => {
    const value = Number(text);
    if (text.trim() !== '' && Number.isFinite(value)) onChange({ ...settings, [key]: value });
  };
  return (
    <form className="sweep-form" aria-label="Sweep settings" onSubmit={(e) => e.preventDefault()}>
      <label className="sweep-field">
        <span>Parameter</span>
        <select
          data-testid="sweep-param"
          value={settings.path}
          disabled={disabled}
          onChange={(e) => {
            const path = e.target.value;
            onChange({ ...settings, path, ...defaultRange(doc, path) });
          }}
        >
          {params.map((p) => (
            <option key={p.path} value={p.path}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <div className="sweep-range">
        <label className="sweep-field">
          <span>From</span>
          <input
            type="number"
            data-testid="sweep-from"
            step="any"
            defaultValue={settings.from}
            key={`from-${settings.path}-${settings.from}`}
            disabled={disabled}
            onChange={(e) => number('from', e.target.value)}
          />
        </label>
        <label className="sweep-field">
          <span>To</span>
          <input
            type="number"
            data-testid="sweep-to"
            step="any"
            defaultValue={settings.to}
            key={`to-${settings.path}-${settings.to}`}
            disabled={disabled}
            onChange={(e) => number('to', e.target.value)}
          />
        </label>
        <label className="sweep-field">
          <span>Variants</span>
          <input
            type="number"
            data-testid="sweep-count"
            min={1}
            max={MAX_SWEEP_VARIANTS}
            step={1}
            value={settings.count}
            disabled={disabled}
            onChange={(e) => number('count', e.target.value)}
          />
        </label>
      </div>
      <label className="sweep-field">
        <span>Measure</span>
        <select
          data-testid="sweep-population"
          value={settings.population}
          disabled={disabled}
          onChange={(e) => onChange({ ...settings, population: e.target.value })}
        >
          {doc.populations.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} (rate)
            </option>
          ))}
        </select>
      </label>
      <label className="sweep-field">
        <span>Backend</span>
        <select
          data-testid="sweep-backend"
          value={settings.backend}
          disabled={disabled}
          onChange={(e) => onChange({ ...settings, backend: e.target.value as BackendChoice })}
        >
          {SWEEP_BACKENDS.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
