/**
 * The small per-step inputs the host computes and uploads: each population's external current,
 * its random key of the step (split in 16-bit halves), and the spike generators' flags.
 */
import type { Plan } from '../../plan.ts';
import { stepKey } from '../../random.ts';
import { splitKey } from './hash.ts';
import { STEP_IN } from './kernels.ts';
import type { DeviceLayout } from './layout.ts';

export class HostInputs {
  /** Per population: external current, key halves (`STEP_IN` fields). */
  readonly stepIn: Float32Array;
  /** 0/1 per global neuron; only generator neurons are ever set. */
  readonly gen: Float32Array;
  private readonly setFlags: number[] = [];

  constructor(
    private readonly plan: Plan,
    private readonly layout: DeviceLayout,
  ) {
    const n = plan.populations.length;
    this.stepIn = new Float32Array(n * STEP_IN.stride);
    this.gen = new Float32Array(layout.total);
  }

  /** Fills the inputs of absolute step t. */
  prepare(t: number): void {
    for (const j of this.setFlags) this.gen[j] = 0;
    this.setFlags.length = 0;
    this.plan.populations.forEach((pop, p) => {
      const m = pop.model;
      let key = 0;
      switch (m.model) {
        case 'stochastic_lif': {
          // Step 1 in float32, stimuli in document order (as the reference's externalCurrent).
          let ext = m.bias;
          for (const s of pop.stimuli) {
            if (s.startStep <= t && t < s.stopStep) ext = Math.fround(ext + s.amplitude);
          }
          this.stepIn[p * STEP_IN.stride + STEP_IN.ext] = ext;
          if (m.noiseStd !== 0) key = stepKey(m.noiseKey, t);
          break;
        }
        case 'poisson':
          key = stepKey(m.key, t);
          break;
        case 'spike_generator':
          this.generatorFlags(m.stepPtr, m.indices, m.periodSteps, t, this.layout.offsets[p] ?? 0);
          break;
      }
      const { hi, lo } = splitKey(key);
      this.stepIn[p * STEP_IN.stride + STEP_IN.keyHi] = hi;
      this.stepIn[p * STEP_IN.stride + STEP_IN.keyLo] = lo;
    });
  }

  private generatorFlags(
    stepPtr: Uint32Array,
    indices: Uint32Array,
    periodSteps: number,
    t: number,
    base: number,
  ): void {
    const s = periodSteps > 0 ? t % periodSteps : t;
    if (s + 1 >= stepPtr.length) return;
    const to = stepPtr[s + 1] ?? 0;
    for (let k = stepPtr[s] ?? 0; k < to; k++) {
      const j = base + (indices[k] ?? 0);
      this.gen[j] = 1;
      this.setFlags.push(j);
    }
  }
}
