/**
 * How many past steps of spikes each population must remember: a projection with a delay
 * reads its source's spikes `delay` steps back from a ring of one bitmap per step.
 */
import type { Plan } from '../../plan.ts';

/**
 * Ring length per population: 1 + the largest delay it feeds, or 0 if nothing is delayed. Loihi
 * learning (step 5d) reads pre events from its source's ring (so a source keeps at least the
 * slot of t) and post events of t-1 from its target's (so a target keeps at least two); an SC
 * rates layer reads a Loihi source's spikes of t-1 (step 5b), so that source keeps two too.
 * A classic stdp, rstdp or online_o1 rule reads its source's ring and its target's slot of t.
 */
export function historySlots(plan: Plan): number[] {
  const slots = plan.populations.map(() => 0);
  for (const pr of plan.projections) {
    if (pr.learning) {
      slots[pr.source] = Math.max(slots[pr.source] ?? 0, 1);
      slots[pr.target] = Math.max(slots[pr.target] ?? 0, 2);
    }
    // A classic pair rule (step 5e) reads pre events from its source's ring and the post
    // spikes of t from its target's slot of t (homeostatic reads the spike list instead).
    const rule = pr.plasticity?.rule?.rule;
    if (rule === 'stdp' || rule === 'rstdp' || rule === 'online_o1') {
      slots[pr.source] = Math.max(slots[pr.source] ?? 0, 1);
      slots[pr.target] = Math.max(slots[pr.target] ?? 0, 1);
    }
    const delays = pr.csr.delays;
    const longest = delays instanceof Uint8Array ? pr.maxDelay : delays.constant;
    if (!(delays instanceof Uint8Array) && longest === 0) continue;
    slots[pr.source] = Math.max(slots[pr.source] ?? 0, longest + 1);
  }
  // Step 5b reads a Loihi source's spikes of step t-1 (assembly/sc-dense.ts).
  for (const p of plan.populations) {
    const m = p.model;
    if (m.model !== 'sc_dense' || m.inputs.kind !== 'rates') continue;
    const s = m.inputs.source;
    if (plan.populations[s]?.model.model === 'loihi') slots[s] = Math.max(slots[s] ?? 0, 2);
  }
  return slots;
}

/** 32-bit words of one history bitmap of a population of `size` neurons. */
export function historyWords(size: number): number {
  return Math.ceil(size / 32);
}
