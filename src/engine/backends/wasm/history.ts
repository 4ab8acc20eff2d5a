/**
 * How many past steps of spikes each population must remember: a projection with a delay
 * reads its source's spikes `delay` steps back from a ring of one bitmap per step.
 */
import type { Plan } from '../../plan.ts';

/**
 * Ring length per population: 1 + the largest delay it feeds, or 0 if nothing is delayed. Loihi
 * learning (step 5d) reads pre events from its source's ring (so a source keeps at least the
 * slot of t) and post events of t-1 from its target's (so a target keeps at least two).
 */
export function historySlots(plan: Plan): number[] {
  const slots = plan.populations.map(() => 0);
  for (const pr of plan.projections) {
    if (pr.learning) {
      slots[pr.source] = Math.max(slots[pr.source] ?? 0, 1);
      slots[pr.target] = Math.max(slots[pr.target] ?? 0, 2);
    }
    const delays = pr.csr.delays;
    const longest = delays instanceof Uint8Array ? pr.maxDelay : delays.constant;
    if (!(delays instanceof Uint8Array) && longest === 0) continue;
    slots[pr.source] = Math.max(slots[pr.source] ?? 0, longest + 1);
  }
  return slots;
}

/** 32-bit words of one history bitmap of a population of `size` neurons. */
export function historyWords(size: number): number {
  return Math.ceil(size / 32);
}
