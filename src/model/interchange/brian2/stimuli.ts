/**
 * Current steps as one TimedArray per population: `values[t]` is the sum of the amplitudes of
 * the steps with `round(start/dt) <= t < round(stop/dt)` (the compile's rounding), read by
 * the state update of step t as `stim(t)`.
 */
import type { NetworkDocument } from '../../document.ts';
import { pyNumber, pyString } from './python.ts';

/**
 * The TimedArray of population `id`'s current steps and its name, or undefined when nothing
 * stimulates it. `unit` is the model's current unit (`mV`, `mV/ms`, `pA`).
 */
export function stimulusCode(
  doc: NetworkDocument,
  id: string,
  name: string,
  unit: string,
): { name: string; code: string } | undefined {
  const { dt } = doc.run;
  const lines: string[] = [];
  doc.stimuli.forEach((s) => {
    if (s.target !== id || s.kind !== 'current_step') return;
    const start = Math.max(0, Math.round(s.start / dt));
    const stop = Math.round(s.stop / dt);
    lines.push(
      `${name}_values[${start}:${stop}] += ${pyNumber(s.amplitude)}  # '${s.id}': ${pyNumber(s.amplitude)} ${unit} from ${pyNumber(s.start)} to ${pyNumber(s.stop)} ms`,
    );
  });
  if (lines.length === 0) return undefined;
  return {
    name,
    code: [
      `${name}_values = np.zeros(STEPS + 1)`,
      ...lines,
      `${name} = TimedArray(${name}_values*${unit}, dt=defaultclock.dt, name=${pyString(name)})`,
    ].join('\n'),
  };
}
