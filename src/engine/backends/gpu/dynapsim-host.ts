/**
 * The host's part of DynapSim populations on the gpu backend: the finiteness check of step 2e.
 * The reference stops at a non-finite Imem while it integrates (before step 7's scan of the other
 * populations), so this scan runs first: DynapSim populations in order, neurons ascending,
 * Imem in the V row (dynapsim-layout.ts). Isyn, Iahp and Vmem are not checked, as in the
 * reference (a non-finite Isyn of a held neuron reaches Imem when its timer runs out).
 */
import { NumericalError } from '../../errors.ts';
import type { Plan } from '../../plan.ts';
import { ROW, type DeviceLayout } from './layout.ts';

/** Throws `NumericalError` (variable `Imem`) for the first non-finite Imem of `state`. */
export function checkDynapsimFinite(
  plan: Plan,
  layout: DeviceLayout,
  state: Float32Array,
  t: number,
): void {
  if (!layout.dynapsim) return;
  plan.populations.forEach((pop, p) => {
    if (pop.model.model !== 'dynapsim') return;
    const from = ROW.v * layout.total + (layout.offsets[p] ?? 0);
    for (let j = 0; j < pop.size; j++) {
      const x = state[from + j] ?? 0;
      if (!Number.isFinite(x)) throw new NumericalError(pop.id, t, j, 'Imem', x);
    }
  });
}
