/**
 * The interval steps of classic plasticity on the wasm backend: homeostatic scaling's interval
 * part (CONTEXT.md step 5e) and structural plasticity (step 5f) run on the host, on views of the
 * kernel's memory, with the reference's own functions (`src/engine/plasticity/`). They happen at
 * steps with `(t + 1) mod intervalSteps == 0`, so the runner ends a kernel call at each such step
 * and applies them before the next call; nothing reads the weights between step 5f and step 5 of
 * the next step but the synapse probes of the step, which are sampled again here.
 */
import type { Plan } from '../../plan.ts';
import { homeostaticUpdate } from '../../plasticity/homeostatic-step.ts';
import { structuralUpdate } from '../../plasticity/structural-step.ts';
import type { MemoryImage } from './image.ts';

/** The interval lengths (in steps) of every interval step of the plan. */
export function intervalLengths(plan: Plan): number[] {
  const lengths: number[] = [];
  for (const pr of plan.projections) {
    const p = pr.plasticity;
    if (p?.rule?.rule === 'homeostatic') lengths.push(p.rule.intervalSteps);
    if (p?.structural) lengths.push(p.structural.intervalSteps);
  }
  return lengths;
}

/**
 * How many of the `n` steps from `start` a kernel call may run: it must end at the first step t
 * with `(t + 1) mod interval == 0` of any interval, so the host can apply that step's updates.
 *
 * @example stepsToInterval([10], 3, 100) // 7: the call runs steps 3..9
 */
export function stepsToInterval(lengths: readonly number[], start: number, n: number): number {
  let steps = n;
  for (const length of lengths) steps = Math.min(steps, length - (start % length));
  return steps;
}

/** Applies the interval steps due at step t (after the kernel ran it), projections in order. */
export function applyIntervals(plan: Plan, image: MemoryImage, buffer: ArrayBuffer, t: number) {
  plan.projections.forEach((pr, k) => {
    const p = pr.plasticity;
    const s = image.projections[k]?.plastic;
    if (!p || !s || s.weights === 0) return;
    const weights = new Float32Array(buffer, s.weights, pr.csr.targets.length);
    if (p.rule?.rule === 'homeostatic') {
      const n = plan.populations[pr.target]?.size ?? 0;
      const counts = new Int32Array(buffer, s.counts, n);
      const estimates = new Float32Array(buffer, s.estimates, n);
      homeostaticUpdate(p.rule, counts, estimates, weights, pr.csr.targets, t);
    }
    if (p.structural) {
      structuralUpdate(weights, p.structural, t);
      // Grown weights may lie outside [wMin, wMax]: event-driven stdp clips all at step t + 1.
      if (s.dirty !== 0) new Int32Array(buffer, s.dirty, 1)[0] = 1;
    }
  });
}

/**
 * Samples the `w` probes of classic projections at the call's step `k` again, after
 * `applyIntervals` changed the weights (the only f32 weights there: structural plasticity is
 * refused with online_o1, whose integer fields are the i32 samples).
 */
export function resampleClassic(image: MemoryImage, buffer: ArrayBuffer, k: number): void {
  const f32 = new Float32Array(buffer);
  const stride = image.probeCount + image.synapseSampleCount;
  const out = (image.samp >>> 2) + k * stride + image.probeCount;
  for (const a of image.projections) {
    const p = a.plastic;
    if (!p) continue;
    for (const sample of a.plasticSamples) {
      const base = [p.weights, p.a, p.b, p.c][sample.kind] ?? 0;
      // Only the weights change at an interval step; traces are sampled as the kernel left them.
      if (base !== p.weights) continue;
      f32[out + sample.slot] = f32[(base >>> 2) + sample.synapse] ?? 0;
    }
  }
}
