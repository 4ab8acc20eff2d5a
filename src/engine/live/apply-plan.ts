/**
 * Writes live edits into the plan. The reference backend reads the plan at every step, so for
 * it this is the whole change; the wasm and gpu backends also read the stimuli and biases from
 * the plan (each kernel call's host inputs) and copy the rest into their own memory
 * (`BackendRunner.applyLive`).
 */
import type { Plan } from '../plan.ts';
import type { LiveEdit } from './live-edit.ts';

export function applyToPlan(plan: Plan, edit: LiveEdit): void {
  switch (edit.kind) {
    case 'stimulus': {
      const s = plan.populations[edit.population]?.stimuli[edit.stimulus];
      if (s) s.amplitude = edit.amplitude;
      return;
    }
    case 'bias': {
      const m = plan.populations[edit.population]?.model;
      if (m?.model === 'stochastic_lif' || m?.model === 'izhikevich' || m?.model === 'adex') {
        m.bias = edit.value;
      }
      return;
    }
    case 'noise': {
      const m = plan.populations[edit.population]?.model;
      if (m?.model === 'stochastic_lif' || m?.model === 'izhikevich' || m?.model === 'adex') {
        m.noiseStd = edit.value;
      }
      return;
    }
    case 'threshold': {
      const m = plan.populations[edit.population]?.model;
      if (m?.model === 'stochastic_lif') m.vThreshold = edit.value;
      return;
    }
    case 'rate': {
      const m = plan.populations[edit.population]?.model;
      if (m?.model === 'poisson') m.threshold24 = edit.threshold24;
      return;
    }
    case 'weight': {
      const csr = plan.projections[edit.projection]?.csr;
      // Only shared weights are live (resolve.ts), so a new constant object is the whole change.
      if (csr && !(csr.weights instanceof Float32Array)) csr.weights = { constant: edit.value };
      return;
    }
  }
}
