/**
 * The teacher's range of one parameter: two number boxes. Both filled with min <= max sets
 * the range, both empty removes it; anything else is shown as invalid and changes nothing.
 */
import { useState } from 'react';
import { useClassroomStore } from '../../store/classroom/index.ts';
import { slug } from './PolicySwitches.tsx';

function parse(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

export function RangeInputs({ path, label }: { path: string; label: string }) {
  const range = useClassroomStore((s) => s.teacherPolicy.ranges[path] ?? null);
  const [min, setMin] = useState(range === null ? '' : String(range.min));
  const [max, setMax] = useState(range === null ? '' : String(range.max));
  const [invalid, setInvalid] = useState(false);

  const commit = (minText: string, maxText: string) => {
    const lo = parse(minText);
    const hi = parse(maxText);
    const { setRange } = useClassroomStore.getState();
    if (lo === null && hi === null) {
      setInvalid(false);
      setRange(path, null);
    } else if (lo !== null && hi !== null && !Number.isNaN(lo + hi) && lo <= hi) {
      setInvalid(false);
      setRange(path, { min: lo, max: hi });
    } else setInvalid(true);
  };
  const box = (which: 'min' | 'max', text: string, set: (t: string) => void) => (
    <input
      className="input teacher-range-input"
      type="text"
      inputMode="decimal"
      placeholder={which}
      aria-label={`${which === 'min' ? 'Minimum' : 'Maximum'} of ${label}`}
      aria-invalid={invalid}
      data-testid={`teacher-${which}-${slug(path)}`}
      value={text}
      onChange={(e) => {
        set(e.target.value);
        if (which === 'min') commit(e.target.value, max);
        else commit(min, e.target.value);
      }}
    />
  );
  return (
    <span className="teacher-range">
      {box('min', min, setMin)}
      <span aria-hidden="true">–</span>
      {box('max', max, setMax)}
    </span>
  );
}
