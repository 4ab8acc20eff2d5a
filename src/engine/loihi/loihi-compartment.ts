/**
 * One Loihi compartment's step 5c (CONTEXT.md) as a pure function: the arithmetic of
 * `stepLoihi` in `backends/reference/loihi-step.ts` for a single neuron, with the engine's
 * `NumericalError` conditions returned as data instead of thrown. It is the definition the
 * Verilog module `hdl/loihi_compartment.v` is tested against, and it is itself tested against
 * `stepLoihi` (tests/unit/engine/loihi-compartment.test.ts).
 */
import { LOIHI_STATE_LIMIT, type LoihiPlan } from '../plan-loihi.ts';

/** The three integers one compartment keeps between steps. */
export interface LoihiCompartmentState {
  /** Membrane potential, |v| < 2^24. */
  readonly v: number;
  /** Current: at the input, after this step's deliveries; at the output, after its decay. */
  readonly i: number;
  /** Steps the neuron is still held after a spike. */
  readonly refr: number;
}

/** What one step gives: the new state, the spike, and the limit the engine would stop at. */
export interface LoihiCompartmentStep {
  readonly state: LoihiCompartmentState;
  readonly spiked: boolean;
  /**
   * 'I' when |I| >= 2^24 at the input, 'v' when the new v reaches 2^24: `stepLoihi` throws
   * `NumericalError` for that field (I is checked first) and the state is then meaningless.
   */
  readonly overflow: 'I' | 'v' | null;
}

/** The population constants a compartment's step reads. */
export type LoihiCompartmentConstants = Pick<
  LoihiPlan,
  'decayV' | 'decayI' | 'threshold' | 'refractory'
>;

/**
 * `sign(x) * ceil(|x| * decay / 4096)`: brian2-loihi's rnd_v / rnd_I, the amount x loses in a
 * step (exact in float64 for |x| < 2^24 and decay <= 4096: the product stays below 2^37).
 *
 * @example loihiDecayStep(-5, 1) // -1: ceil(5 / 4096) = 1, towards 0
 */
export function loihiDecayStep(x: number, decay: number): number {
  return Math.sign(x) * Math.ceil((Math.abs(x) * decay) / 4096);
}

/**
 * One step of one compartment, from the values before the update (forward Euler: the v update
 * adds the I before its decay):
 *
 * ```
 * I' = I - rnd(I, decayI)
 * held (refr > 0): refr' = refr - 1; v' = v; no spike
 * else:            u = v - rnd(v, decayV) + I;  spike = u > threshold
 *                  spike: v' = 0, refr' = refractory - 1;  else v' = u, refr' = 0
 * ```
 *
 * @example
 * stepLoihiCompartment({ decayV: 0, decayI: 4096, threshold: 64, refractory: 2 },
 *   { v: 60, i: 5, refr: 0 })
 * // { state: { v: 0, i: 0, refr: 1 }, spiked: true, overflow: null }
 */
export function stepLoihiCompartment(
  c: LoihiCompartmentConstants,
  s: LoihiCompartmentState,
): LoihiCompartmentStep {
  const i = s.i - loihiDecayStep(s.i, c.decayI);
  const overflowI = Math.abs(s.i) >= LOIHI_STATE_LIMIT;
  if (s.refr > 0) {
    return {
      state: { v: s.v, i, refr: s.refr - 1 },
      spiked: false,
      overflow: overflowI ? 'I' : null,
    };
  }
  const u = s.v - loihiDecayStep(s.v, c.decayV) + s.i;
  const overflow = overflowI ? 'I' : Math.abs(u) >= LOIHI_STATE_LIMIT ? 'v' : null;
  if (u > c.threshold) {
    return { state: { v: 0, i, refr: c.refractory - 1 }, spiked: true, overflow };
  }
  return { state: { v: u, i, refr: 0 }, spiked: false, overflow };
}
