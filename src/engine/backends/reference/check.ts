/** Step 7 of CONTEXT.md: stop on the first non-finite V or synaptic current. */
import { NumericalError } from '../../errors.ts';
import type { Plan } from '../../plan.ts';
import type { ReferenceState } from './state.ts';
import { adaptationName } from './classic-step.ts';

/**
 * Throws `NumericalError` naming the first non-finite value (populations in order, V before the
 * population's channels, neurons ascending). The runner calls it only on steps where
 * integration or delivery produced a non-finite value; a neuron whose V overflowed upwards
 * spiked and was reset, so this scan of the state after reset is what decides.
 */
export function checkFinite(plan: Plan, state: ReferenceState, t: number): void {
  for (const p of state.populations) {
    if (p.lif) assertFinite(p.lif.v, p.plan.id, 'v', t);
    if (p.nir) {
      // V, then S (the input u for the non-Cuba types): what `i_syn` records.
      assertFinite(p.nir.v, p.plan.id, 'v', t);
      assertFinite(p.nir.s, p.plan.id, 'i_syn', t);
    }
    if (p.classic) {
      assertFinite(p.classic.v, p.plan.id, 'v', t);
      assertFinite(p.classic.w, p.plan.id, adaptationName(p.classic.plan), t);
    }
    for (const c of p.plan.channels) {
      const current = state.currents[c];
      if (current) assertFinite(current, p.plan.id, `i_syn (tau ${plan.channels[c]?.tau} ms)`, t);
    }
  }
}

function assertFinite(values: Float32Array, population: string, variable: string, t: number): void {
  for (let j = 0; j < values.length; j++) {
    const x = values[j] as number;
    if (!Number.isFinite(x)) throw new NumericalError(population, t, j, variable, x);
  }
}
