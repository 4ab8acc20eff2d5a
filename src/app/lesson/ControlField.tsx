/**
 * One number of the document in the lesson drawer: a slider and a number field, bound to the
 * document store. Each change is an edit of the whole document through `tryApply` (validated,
 * checked against the classroom policy); one drag of the slider is one undo entry (its moves
 * share a merge key that a new press or key changes), a typed value another; the teacher's or the step's range narrows the slider, a lock disables it.
 */
import { useId, useRef, useState } from 'react';
import { paramLabel, readParam, writeParam } from '../../model/param-path.ts';
import type { LessonControl } from '../../model/lesson/index.ts';
import { formatIssue } from '../../model/validation-issue.ts';
import { usePolicy } from '../../store/classroom/index.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';

/** The control's range within the policy's, if one is set. */
function effectiveRange(control: LessonControl, policy: { min: number; max: number } | null) {
  if (policy === null) return { min: control.min, max: control.max };
  const min = Math.max(control.min, policy.min);
  const max = Math.min(control.max, policy.max);
  return min <= max ? { min, max } : policy;
}

/** The test id of a control: its path with slashes as dashes. */
export function controlTestId(path: string): string {
  return `lesson-control-${path.replaceAll('/', '-')}`;
}

export function ControlField({ control }: { control: LessonControl }) {
  const id = useId();
  const value = useDocumentStore((s) => readParam(s.document, control.path));
  const label = useDocumentStore((s) => control.label ?? paramLabel(s.document, control.path));
  const policy = usePolicy();
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  // Bumped when a new gesture starts, so two drags are two undo entries, not one.
  const gesture = useRef(0);
  const { min, max } = effectiveRange(control, policy.rangeOf(control.path));
  const step = control.step ?? (max - min) / 100;
  const locked = policy.isLocked(control.path);
  const testId = controlTestId(control.path);

  if (value === null) {
    return (
      <p className="lsr-control-missing" data-testid={testId}>
        {label}: not in this network (load the step's network again).
      </p>
    );
  }

  const set = (next: number, merge: boolean) => {
    if (!Number.isFinite(next)) return;
    const clamped = Math.min(max, Math.max(min, next));
    const state = documentStore.getState();
    const issues = state.tryApply(
      { type: 'replaceDocument', document: writeParam(state.document, control.path, clamped) },
      merge
        ? { label: `Set ${label}`, mergeKey: `lesson:${control.path}:${gesture.current}` }
        : { label: `Set ${label}` },
    );
    setError(issues.length > 0 ? issues.map(formatIssue).join('; ') : null);
  };

  return (
    <div className="lsr-control" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <div className="lsr-control-row">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          disabled={locked}
          aria-valuetext={String(value)}
          data-testid={`${testId}-slider`}
          onPointerDown={() => (gesture.current += 1)}
          onKeyDown={() => (gesture.current += 1)}
          onChange={(e) => set(Number(e.currentTarget.value), true)}
        />
        <input
          type="number"
          className="lsr-control-number"
          aria-label={`${label} (number)`}
          min={min}
          max={max}
          step={step}
          value={draft ?? String(value)}
          disabled={locked}
          data-testid={`${testId}-number`}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={() => {
            if (draft !== null && draft.trim() !== '') set(Number(draft), false);
            setDraft(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </div>
      <small className="lsr-hint">
        {min} to {max}
        {locked ? ' · locked' : ''}
      </small>
      {error !== null && (
        <p className="lsr-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
