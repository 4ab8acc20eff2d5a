/** Step 7 of CONTEXT.md: stop on the first non-finite V or synaptic current. */
import { NumericalError } from '../../errors.ts';
import type { Plan } from '../../plan.ts';
import type { ReferenceState } from './state.ts';

/**
 * Throws `NumericalError` naming the first non-finite value (populations in order, V before the
 * population's channels, neurons ascending). A plain sum first keeps the common case to one pass:
 * it is non-finite exactly when some term is (float32 values cannot overflow a double sum).
 */
export function checkFinite(plan: Plan, state: ReferenceState, t: number): void {
  for (const p of state.populations) {
    if (p.lif) assertFinite(p.lif.v, p.plan.id, 'v', t);
    for (const c of p.plan.channels) {
      const tau = plan.channels[c]?.tau ?? 0;
      const current = state.currents[c];
      if (current) assertFinite(current, p.plan.id, `i_syn (tau ${tau} ms)`, t);
    }
  }
}

function assertFinite(values: Float32Array, population: string, variable: string, t: number): void {
  let sum = 0;
  for (let j = 0; j < values.length; j++) sum += values[j] as number;
  if (Number.isFinite(sum)) return;
  for (let j = 0; j < values.length; j++) {
    const x = values[j] as number;
    if (!Number.isFinite(x)) throw new NumericalError(population, t, j, variable, x);
  }
}
