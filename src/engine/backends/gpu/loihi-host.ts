/**
 * The host's side of a Loihi overflow (|I| or |v| reaching 2^24, the reference's
 * `NumericalError`; loihi-kernels.ts keeps an overflowed neuron's v and I for the rest of the
 * call): finding one in a state read back, and reporting it like the reference once the runner
 * has replayed the call down to the step where it happened.
 */
import { NumericalError } from '../../errors.ts';
import type { Plan } from '../../plan.ts';
import { ROW, type DeviceLayout } from './layout.ts';
import { LOIHI_LIMIT } from './loihi-layout.ts';

/** Whether some Loihi neuron of `state` holds an |I| or |v| at or above the limit. */
export function loihiOverflowed(plan: Plan, layout: DeviceLayout, state: Float32Array): boolean {
  if (!layout.loihi) return false;
  const { total } = layout;
  return plan.populations.some((pop, p) => {
    if (pop.model.model !== 'loihi') return false;
    const base = layout.offsets[p] ?? 0;
    for (let j = base; j < base + pop.size; j++) {
      const i = state[ROW.current(0) * total + j] ?? 0;
      const v = state[ROW.v * total + j] ?? 0;
      if (!(Math.abs(i) < LOIHI_LIMIT && Math.abs(v) < LOIHI_LIMIT)) return true;
    }
    return false;
  });
}

/**
 * Throws the reference's `NumericalError` for the first Loihi overflow of step t, `after` being
 * the state after that one step and `before` the state before it (free of overflows): Loihi
 * populations in order, neurons ascending, I before v. The value is the reference's exact
 * float64 one: I = decay(I before) + the step's weight sum (which the kernel left in the v row),
 * v = decay(v before) + I.
 */
export function checkLoihiOverflow(
  plan: Plan,
  layout: DeviceLayout,
  before: Float32Array,
  after: Float32Array,
  t: number,
): void {
  if (!layout.loihi) return;
  const { total } = layout;
  plan.populations.forEach((pop, p) => {
    const m = pop.model;
    if (m.model !== 'loihi') return;
    const base = layout.offsets[p] ?? 0;
    for (let j = 0; j < pop.size; j++) {
      const at = base + j;
      const i = after[ROW.current(0) * total + at] ?? 0;
      const v = after[ROW.v * total + at] ?? 0;
      const iBefore = before[ROW.current(0) * total + at] ?? 0;
      const vBefore = before[ROW.v * total + at] ?? 0;
      if (!(Math.abs(i) < LOIHI_LIMIT)) {
        throw new NumericalError(pop.id, t, j, 'I', decay(iBefore, m.decayI) + v);
      }
      if (!(Math.abs(v) < LOIHI_LIMIT)) {
        throw new NumericalError(pop.id, t, j, 'v', decay(vBefore, m.decayV) + i);
      }
    }
  });
}

/** x - sign(x) * ceil(|x| * d / 4096), exact in float64 (CONTEXT.md step 5c). */
function decay(x: number, d: number): number {
  return x - Math.sign(x) * Math.ceil((Math.abs(x) * d) / 4096);
}
