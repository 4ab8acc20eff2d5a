/**
 * The fixed-point LIF neuron (`fixed_point_lif`, CONTEXT.md step 2f), as pure integer functions:
 * the one definition that the engine's backends, the Verilog core (`hdl/`) and their tests
 * share. Every value is a whole number; V and the synaptic currents are W-bit two's complement
 * integers in units of 2^-F (W = total bits, F = fraction bits), and the leak, gain and current
 * decay are unsigned multipliers in units of 2^-S (S = scale bits).
 *
 * Why two multiplies and floor shifts: a hardware lane does each with one DSP48 and an
 * arithmetic right shift (floor, also for negative products). The products stay below 2^48
 * ((V - vRest) * leak < 2^(W + S) <= 2^40; I * gain < 2^(W - 1 + S + 8) <= 2^47), exact in a
 * float64, so JavaScript, WebAssembly (i64) and the RTL agree.
 */

/** The integer constants of one `fixed_point_lif` population (compile's quantisation). */
export interface FixedLifConstants {
  /** W: width of V and of every synaptic current, bits (8..24). */
  totalBits: number;
  /** F: fraction bits of V, currents and weights (0..W-2). */
  fractionBits: number;
  /** S: fraction bits of leak, gain and decay multipliers (1..16). */
  scaleBits: number;
  /** q(v_rest), q(v_reset), q(v_threshold): round(x * 2^F), within the W-bit range. */
  vRest: number;
  vReset: number;
  vThreshold: number;
  /** round(dt / tau_mem * 2^S), 0..2^S. */
  leak: number;
  /** round(resistance * dt * 2^S), 0..2^S * 2^8 (see validation). */
  gain: number;
  /** round(refractory_period / dt). */
  refractorySteps: number;
}

/** The smallest and largest W-bit two's complement values. */
export function fixedRange(totalBits: number): { min: number; max: number } {
  const half = 2 ** (totalBits - 1);
  return { min: -half, max: half - 1 };
}

/** Clamps a whole number to the W-bit two's complement range (a saturating register). */
export function saturate(x: number, totalBits: number): number {
  const { min, max } = fixedRange(totalBits);
  return x < min ? min : x > max ? max : x;
}

/** Arithmetic right shift of a whole number below 2^53 in magnitude: floor(x / 2^s). */
export function shiftFloor(x: number, s: number): number {
  return Math.floor(x / 2 ** s);
}

/**
 * A real value in units of 2^-F, rounded half up (floor(x * 2^F + 0.5)): how compile turns the
 * document's volts, currents and weights into the neuron's integers.
 */
export function quantise(x: number, fractionBits: number): number {
  return Math.floor(x * 2 ** fractionBits + 0.5);
}

/** One neuron's state between steps. */
export interface FixedLifState {
  /** V, W-bit, units 2^-F. */
  v: number;
  /** Steps left in the refractory hold. */
  refr: number;
}

/**
 * Step 2f for one neuron: `input` is the step's total current I (ext + every channel, already
 * saturated to W bits), units 2^-F. Returns the new state and whether it spiked (the reset of
 * step 6 already applied).
 *
 * ```
 * held (refr > 0):  refr = refr - 1; V unchanged; no spike
 * otherwise:        V = sat(V - ((V - vRest) * leak >> S) + (I * gain >> S))
 *                   spike = V >= vThreshold;  on spike V = vReset, refr = max(refractorySteps - 1, 0)
 * ```
 *
 * @example fixedLifStep(c, { v: c.vRest, refr: 0 }, 300)
 */
export function fixedLifStep(
  c: FixedLifConstants,
  state: FixedLifState,
  input: number,
): { state: FixedLifState; spiked: boolean } {
  if (state.refr > 0) return { state: { v: state.v, refr: state.refr - 1 }, spiked: false };
  const leakTerm = shiftFloor((state.v - c.vRest) * c.leak, c.scaleBits);
  const inputTerm = shiftFloor(input * c.gain, c.scaleBits);
  const v = saturate(state.v - leakTerm + inputTerm, c.totalBits);
  if (v >= c.vThreshold) {
    return { state: { v: c.vReset, refr: Math.max(c.refractorySteps - 1, 0) }, spiked: true };
  }
  return { state: { v, refr: 0 }, spiked: false };
}

/**
 * Step 4 for a fixed-point channel: `I = I * decay >> S` (decay = round(exp(-dt/tau) * 2^S) for
 * an exponential synapse, 0 for delta), already within W bits since decay <= 2^S.
 */
export function fixedDecay(current: number, decay: number, scaleBits: number): number {
  return shiftFloor(current * decay, scaleBits);
}

/** Step 5 for a fixed-point channel: a saturating add of the quantised weight. */
export function fixedDeliver(current: number, weight: number, totalBits: number): number {
  return saturate(current + weight, totalBits);
}
