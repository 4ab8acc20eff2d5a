/**
 * The small per-step inputs the host computes and uploads, for every step of one device call at
 * once: each population's external current and random key of the step (split in 16-bit
 * halves), SC layers' currents (constant inputs) or gates (rates inputs, sc-host.ts), and the
 * spike generators' flags over the layout's generator range.
 */
import type { Plan } from '../../plan.ts';
import { stepKey } from '../../random.ts';
import { poissonThresholdAt } from '../../rate-series.ts';
import { splitKey } from './hash.ts';
import { STEP_IN, type DeviceLayout } from './layout.ts';
import { ScHostDraws } from './sc-host.ts';

/** The inputs of `steps` consecutive steps, indexed by the step's position in the call. */
export interface CallInputs {
  /**
   * `[s * layout.stepBlock + p * layout.stepStride + field]`, then in each step's block the SC
   * gates at `s * layout.stepBlock + populations * layout.stepStride + gateAt + c`.
   */
  stepIn: Float32Array;
  /** `[s * layout.genSpan + (j - layout.genLo)]`, 0/1 */
  gen: Float32Array;
}

export class HostInputs {
  /** One buffer pair per call length: a pipeline's argument sizes are fixed. */
  private readonly byLength = new Map<number, CallInputs>();
  private readonly sc: ScHostDraws | null;

  constructor(
    private readonly plan: Plan,
    private readonly layout: DeviceLayout,
  ) {
    this.sc = layout.sc ? new ScHostDraws(layout.sc.layers) : null;
  }

  /** Fills the inputs of absolute steps t0 .. t0 + steps - 1. */
  prepare(t0: number, steps: number): CallInputs {
    const pops = this.plan.populations;
    let inputs = this.byLength.get(steps);
    if (!inputs) {
      inputs = {
        stepIn: new Float32Array(steps * this.layout.stepBlock),
        gen: new Float32Array(steps * this.layout.genSpan),
      };
      this.byLength.set(steps, inputs);
    }
    const { stepIn, gen } = inputs;
    gen.fill(0);
    for (let s = 0; s < steps; s++) {
      const t = t0 + s;
      this.prepareSc(stepIn, s, t);
      pops.forEach((pop, p) => {
        const at = s * this.layout.stepBlock + p * this.layout.stepStride;
        const m = pop.model;
        let key = 0;
        switch (m.model) {
          case 'stochastic_lif':
          case 'sc_dense':
          case 'izhikevich':
          case 'adex': {
            // Step 1 in float32, stimuli in document order (as the reference's externalCurrent).
            let ext = m.bias;
            for (const st of pop.stimuli) {
              if (st.startStep <= t && t < st.stopStep) ext = Math.fround(ext + st.amplitude);
            }
            stepIn[at + STEP_IN.ext] = ext;
            if (m.noiseStd !== 0) key = stepKey(m.noiseKey, t);
            break;
          }
          case 'poisson':
            // The step's threshold (a rate series changes it; exact in float32 up to 2^24).
            stepIn[at + STEP_IN.ext] = poissonThresholdAt(m, t);
            key = stepKey(m.key, t);
            break;
          case 'spike_generator': {
            const base =
              s * this.layout.genSpan + (this.layout.offsets[p] ?? 0) - this.layout.genLo;
            generatorFlags(gen, m.stepPtr, m.indices, m.periodSteps, t, base);
            break;
          }
          case 'dynapsim':
            // No external current (DynapSim takes Idc, not stimuli) and no random draws.
            break;
          case 'loihi':
            // No external current and no random draws (loihi-kernels.ts).
            break;
          case 'fixed_point_lif':
          case 'nir_neuron':
            // Unreachable: requireModels refuses the model first (index.ts).
            throw new Error(`gpu backend: the ${m.model} model is not implemented`);
          default: {
            const unknown: never = m;
            throw new Error(`gpu backend: unknown population model ${JSON.stringify(unknown)}`);
          }
        }
        const { hi, lo } = splitKey(key);
        stepIn[at + STEP_IN.keyHi] = hi;
        stepIn[at + STEP_IN.keyLo] = lo;
      });
    }
    return inputs;
  }

  /** Step t's SC inputs at position s: constant layers' `Isc`, rates layers' gates. */
  private prepareSc(stepIn: Float32Array, s: number, t: number): void {
    const { sc, stepBlock, stepStride } = this.layout;
    const draws = this.sc;
    if (!sc || !draws) return;
    const block = s * stepBlock;
    const gates = block + this.plan.populations.length * stepStride;
    sc.layers.forEach((layer, k) => {
      const row = draws.of(k, t);
      if (layer.ratesSlot < 0) {
        stepIn[block + layer.population * stepStride + STEP_IN.isc] = row[0] ?? 0;
      } else {
        stepIn.set(row, gates + layer.gateAt);
      }
    });
  }
}

function generatorFlags(
  gen: Float32Array,
  stepPtr: Uint32Array,
  indices: Uint32Array,
  periodSteps: number,
  t: number,
  base: number,
): void {
  const s = periodSteps > 0 ? t % periodSteps : t;
  if (s + 1 >= stepPtr.length) return;
  const to = stepPtr[s + 1] ?? 0;
  for (let k = stepPtr[s] ?? 0; k < to; k++) gen[base + (indices[k] ?? 0)] = 1;
}
