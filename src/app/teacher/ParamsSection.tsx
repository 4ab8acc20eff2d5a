/**
 * The teacher panel's list of the network's parameters (every number `numericParams` offers,
 * labelled as the inspector labels them), each with Hide, Lock and a range. A filter box
 * narrows long lists (CUBA has dozens).
 */
import { useMemo, useState } from 'react';
import { numericParams, paramLabel, readParam } from '../../model/param-path.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { PolicySwitches } from './PolicySwitches.tsx';
import { RangeInputs } from './RangeInputs.tsx';

export function ParamsSection() {
  const doc = useDocumentStore((s) => s.document);
  const [filter, setFilter] = useState('');
  const rows = useMemo(
    () => numericParams(doc).map((path) => ({ path, label: paramLabel(doc, path) })),
    [doc],
  );
  const needle = filter.trim().toLowerCase();
  const shown = needle === '' ? rows : rows.filter((r) => r.label.toLowerCase().includes(needle));
  return (
    <section className="teacher-section" aria-labelledby="teacher-params-heading">
      <h3 id="teacher-params-heading">Parameters</h3>
      <input
        className="input"
        type="search"
        placeholder="Filter parameters"
        aria-label="Filter parameters"
        data-testid="teacher-param-filter"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="teacher-list">
        {shown.map(({ path, label }) => (
          <li key={path} className="teacher-row teacher-param" title={path}>
            <span className="teacher-row-label">
              {label} <span className="muted">= {readParam(doc, path)}</span>
            </span>
            <PolicySwitches id={path} label={label} />
            <RangeInputs path={path} label={label} />
          </li>
        ))}
      </ul>
    </section>
  );
}
