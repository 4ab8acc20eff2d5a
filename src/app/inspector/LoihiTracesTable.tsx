import { useState } from 'react';
import type { LoihiSynapse, LoihiTrace, LoihiTraceName } from '../../model/index.ts';
import { LOIHI_TRACE_NAMES } from '../../model/index.ts';
import {
  DEFAULT_TRACE,
  IMPULSE_DESCRIPTION,
  TAU_DESCRIPTION,
  traceSide,
  tracesRead,
} from './loihi-learning.ts';
import { parseNumberInput, type NumberRules } from './number-input.ts';

interface LoihiTracesTableProps {
  synapse: LoihiSynapse;
  /**
   * Sets (or, with undefined, switches off) one trace. `typed` names the cell typed into:
   * typing into one cell folds into one undo step; a switch (null) is a step of its own.
   */
  onTrace: (
    name: LoihiTraceName,
    trace: LoihiTrace | undefined,
    typed: 'impulse' | 'tau' | null,
  ) => string | null;
}

const IMPULSE: NumberRules = { min: 1, max: 127, integer: true };
const TAU: NumberRules = { min: 1, integer: true };

/**
 * brian2-loihi's five synaptic traces as a table: on/off, impulse and tau of each, with the
 * traces the rule reads marked. Refusals show under the table; a refused number stays in its
 * cell without reaching the document.
 */
export function LoihiTracesTable({ synapse, onTrace }: LoihiTracesTableProps) {
  const [error, setError] = useState<string | null>(null);
  const read = tracesRead(synapse);
  return (
    <div className="trace-table-wrap">
      <table className="trace-table" aria-label="Synaptic traces">
        <thead>
          <tr>
            <th scope="col">Trace</th>
            <th scope="col">On</th>
            <th scope="col" title={IMPULSE_DESCRIPTION}>
              Impulse
            </th>
            <th scope="col" title={TAU_DESCRIPTION}>
              τ (steps)
            </th>
          </tr>
        </thead>
        <tbody>
          {LOIHI_TRACE_NAMES.map((name) => {
            const trace = synapse.traces?.[name];
            return (
              <tr key={name} data-testid={`trace-row-${name}`}>
                <th scope="row" title={read.has(name) ? 'The rule reads this trace' : undefined}>
                  {name} <span className="trace-side">{traceSide(name)}</span>
                  {read.has(name) && <span className="trace-read"> · in rule</span>}
                </th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${name} on`}
                    data-testid={`trace-${name}-on`}
                    checked={trace !== undefined}
                    onChange={(e) =>
                      setError(
                        onTrace(name, e.target.checked ? { ...DEFAULT_TRACE } : undefined, null),
                      )
                    }
                  />
                </td>
                <td>
                  <TraceNumber
                    key={`${name}:impulse:${trace === undefined ? 'off' : 'on'}`}
                    label={`${name} impulse`}
                    testId={`trace-${name}-impulse`}
                    value={trace?.impulse}
                    rules={IMPULSE}
                    onCommit={(impulse) =>
                      trace === undefined ? null : onTrace(name, { ...trace, impulse }, 'impulse')
                    }
                    onError={setError}
                  />
                </td>
                <td>
                  <TraceNumber
                    key={`${name}:tau:${trace === undefined ? 'off' : 'on'}`}
                    label={`${name} tau`}
                    testId={`trace-${name}-tau`}
                    value={trace?.tau}
                    rules={TAU}
                    onCommit={(tau) =>
                      trace === undefined ? null : onTrace(name, { ...trace, tau }, 'tau')
                    }
                    onError={setError}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="error-traces">
          {error}
        </p>
      )}
    </div>
  );
}

interface TraceNumberProps {
  label: string;
  testId: string;
  /** undefined: the trace is off, and the cell is disabled. */
  value: number | undefined;
  rules: NumberRules;
  onCommit: (value: number) => string | null;
  onError: (message: string | null) => void;
}

/** A compact integer cell, written as typed like the inspector's number fields. */
function TraceNumber({ label, testId, value, rules, onCommit, onError }: TraceNumberProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  return (
    <input
      className="input trace-input"
      type="text"
      inputMode="numeric"
      aria-label={label}
      aria-invalid={bad}
      data-testid={testId}
      disabled={value === undefined}
      value={draft ?? (value === undefined ? '' : String(value))}
      onChange={(e) => {
        setDraft(e.target.value);
        const parsed = parseNumberInput(e.target.value, rules);
        const message = parsed.ok ? onCommit(parsed.value) : `${label}: ${parsed.message}`;
        setBad(message !== null);
        onError(message);
      }}
      onBlur={() => {
        if (!bad) setDraft(null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setDraft(null);
          setBad(false);
          onError(null);
        } else if (e.key === 'Enter') e.currentTarget.blur();
      }}
    />
  );
}
