/**
 * One live slider with its value readout. During an open run a move goes to the engine (the
 * readout shows the value sent); otherwise to the document, consecutive moves of one slider
 * folding into one undo step.
 */
import { useEffect, useState } from 'react';
import type { ParamRange } from '../../model/classroom/policy.ts';
import type { LiveControl } from '../../model/document.ts';
import { paramLabel, readParam, writeParam } from '../../model/param-path.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { sessionStore, useSessionStore } from '../../store/session/index.ts';
import { formatLiveValue } from '../../store/session/live-log.ts';
import { liveProblem, sliderRange } from './live-controls.ts';

export interface LiveSliderProps {
  control: LiveControl;
  locked: boolean;
  range: ParamRange | null;
  /** Removes the slider; null when the policy locks the panel. */
  onRemove: (() => void) | null;
}

/** A test id stem from a path: 'stimuli/drive/amplitude' -> 'stimuli-drive-amplitude'. */
export function liveTestId(path: string): string {
  return path.replace(/[^A-Za-z0-9_]+/g, '-');
}

export function LiveSlider({ control, locked, range, onRemove }: LiveSliderProps) {
  const doc = useDocumentStore((s) => s.document);
  const tryApply = useDocumentStore((s) => s.tryApply);
  const record = useSessionStore((s) => s.record);
  const docValue = readParam(doc, control.path);
  // The value the open run has now (sent by this slider), reset when a new run starts.
  const [runValue, setRunValue] = useState<number | null>(null);
  const [issue, setIssue] = useState<string | null>(null);
  useEffect(() => setRunValue(null), [record]);
  const problem = liveProblem(doc, control.path);
  const label = paramLabel(doc, control.path);
  const id = liveTestId(control.path);
  const { min, max, step } = sliderRange(control, range);
  const value = runValue ?? docValue ?? min;

  const change = (next: number): void => {
    if (sessionStore.getState().setLive(control.path, next)) {
      setRunValue(next);
      return;
    }
    // No open run (any more): the document's value is the slider's from now on.
    setRunValue(null);
    const issues = tryApply(
      { type: 'replaceDocument', document: writeParam(doc, control.path, next) },
      { label: `Set ${label}`, mergeKey: `live:${control.path}` },
    );
    setIssue(issues[0] ? `${issues[0].path}: ${issues[0].message}` : null);
  };

  return (
    <li className="live-slider" data-testid={`live-${id}`}>
      <label className="live-label" htmlFor={`live-input-${id}`}>
        {label}
      </label>
      {problem ? (
        <span className="live-problem">{problem}</span>
      ) : (
        <>
          <input
            id={`live-input-${id}`}
            type="range"
            min={min}
            max={max}
            step={step}
            value={value}
            disabled={locked}
            onChange={(e) => change(Number(e.target.value))}
            data-testid={`live-input-${id}`}
          />
          <output
            className="live-value"
            htmlFor={`live-input-${id}`}
            aria-live="off"
            data-testid={`live-value-${id}`}
          >
            {formatLiveValue(value)}
          </output>
        </>
      )}
      {onRemove && (
        <button
          type="button"
          className="live-remove"
          aria-label={`Remove the live control of ${label}`}
          onClick={onRemove}
        >
          ×
        </button>
      )}
      {issue && <span className="live-problem">{issue}</span>}
    </li>
  );
}
