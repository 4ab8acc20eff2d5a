/** Duration of a run, ms: a run setting of the document, edited in place. */
import { useEffect, useState } from 'react';
import { useDocumentStore } from '../../store/document/index.ts';

export function DurationField() {
  const duration = useDocumentStore((s) => s.document.run.duration);
  // The field holds what the user types; only a valid value reaches the document.
  const [text, setText] = useState(String(duration));
  useEffect(() => setText(String(duration)), [duration]);
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value) && value > 0;
  const commit = () => {
    if (valid && value !== duration) {
      useDocumentStore
        .getState()
        .apply(
          { type: 'updateRun', patch: { duration: value } },
          { label: 'Change run duration', mergeKey: 'run.duration' },
        );
    } else if (!valid) {
      setText(String(duration));
    }
  };
  return (
    <label className="run-field">
      <span>Duration</span>
      <input
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        data-testid="duration-input"
        aria-invalid={!valid}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <span className="run-unit">ms</span>
    </label>
  );
}
