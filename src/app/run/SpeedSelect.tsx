/** Speed limit of a run: as fast as possible, or paced to a multiple of real time. */
import { useSessionStore } from '../../store/session/index.ts';

/** Simulated ms per wall-clock ms; Infinity means no limit. */
export const SPEEDS: readonly { value: number; label: string }[] = [
  { value: Infinity, label: 'max' },
  { value: 10, label: '10× real time' },
  { value: 1, label: '1× real time' },
  { value: 0.1, label: '0.1× real time' },
];

export function SpeedSelect() {
  const speed = useSessionStore((s) => s.speed);
  return (
    <label className="run-field">
      <span>Speed</span>
      <select
        data-testid="speed-select"
        value={String(speed)}
        onChange={(e) => useSessionStore.getState().setSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={s.label} value={String(s.value)}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
