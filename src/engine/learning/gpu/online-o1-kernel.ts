/**
 * The OnlineO1 step (`stepMany`) as gpu.js kernel text: one thread per (synapse, field), output
 * `[count, 4]`, row y = weight, pre trace, post trace, eligibility after the step.
 *
 * gpu.js holds every kernel value in float32, in every mode (cpu included: its outputs are
 * Float32Arrays), and on webasm and webgpu a kernel's locals are float32 too; only the
 * parameters and results of helpers declared `Integer` are 32-bit integers there. So:
 * - the shifts and the product `reward * eligibility` (up to 2^30) run inside one-expression
 *   Integer helpers (`o1Decay`, `o1Delta`), as i32 on webasm/webgpu and as doubles on cpu;
 * - everything else (comparisons, saturation, the eligibility's adds) is float arithmetic on
 *   integers, exact while every value and intermediate stays below 2^24 in magnitude, which
 *   `gpuOnlineO1Problems` makes a condition of the config (the default config is far inside it);
 * - `delta` may exceed 2^24 and come back rounded, but it is only compared with, and added to,
 *   values below 2^24 in the weight's saturation: rounding is monotonic and any |delta| >= 2^24
 *   saturates the weight whether rounded or not, so the result is exact.
 *
 * WebGL2 is refused: gpu.js emulates GLSL's bitwise operators with float loops that are wrong
 * for some operands (see the SC kernels), and no native GLSL form of these helpers is written.
 */
import type { GpuFunctionSource } from '../../backends/gpu/gpujs.ts';
import { onlineO1Bounds } from '../online-o1-config.ts';
import type { OnlineO1Config } from '../online-o1-config.ts';

/** Largest magnitude float32 holds every integer up to. */
export const FLOAT32_EXACT = 2 ** 24;

/** The Integer helpers: all parameters and results i32 on webasm and webgpu. */
export const ONLINE_O1_GPU_FUNCTIONS: readonly GpuFunctionSource[] = [
  {
    // v - (v >> s) when the config decays (d = 1), v when its shift is 0 (d = 0): `v >> 0`
    // would otherwise zero the trace (see online-o1-many.ts).
    source: 'function o1Decay(v, s, d) { return v - (v >> s) * d; }',
    argumentTypes: { v: 'Integer', s: 'Integer', d: 'Integer' },
    returnType: 'Integer',
  },
  {
    // |r * e| <= 2^30 (reward_bits + trace_bits <= 32): one exact i32 multiply.
    source: 'function o1Delta(r, e, l) { return (r * e) >> l; }',
    argumentTypes: { r: 'Integer', e: 'Integer', l: 'Integer' },
    returnType: 'Integer',
  },
];

/**
 * Why a config cannot run exactly in gpu.js's float32 values (empty when it can): the weight,
 * traces, reward and the eligibility's intermediate `e + pre trace` (up to 3 * 2^(trace_bits-1))
 * must all stay below 2^24.
 */
export function gpuOnlineO1Problems(config: OnlineO1Config): string[] {
  const b = onlineO1Bounds(config);
  const out: string[] = [];
  if (b.maxWeight >= FLOAT32_EXACT) {
    out.push(`weight_bits ${config.weight_bits} > 24 (weights up to ${b.maxWeight})`);
  }
  const eligibilityPeak = -b.minEligibility + b.maxTrace;
  if (eligibilityPeak >= FLOAT32_EXACT) {
    out.push(
      `trace_bits ${config.trace_bits} > 23 (the eligibility's sum reaches ${eligibilityPeak})`,
    );
  }
  if (-b.minReward > FLOAT32_EXACT) {
    out.push(`reward_bits ${config.reward_bits} > 25 (rewards down to ${b.minReward})`);
  }
  return out;
}

/**
 * The kernel body for `config`; `sharedReward`: the reward is one number argument (already
 * saturated by the host), otherwise an array of one reward per synapse (saturated here).
 * Arguments: W, PRE_T, POST_T, E (the state), PRE, POST (spikes, any non-zero value a spike),
 * then R.
 */
export function onlineO1KernelSource(config: OnlineO1Config, sharedReward: boolean): string {
  const b = onlineO1Bounds(config);
  const s = config.trace_decay_shift;
  const d = s === 0 ? 0 : 1;
  const reward = sharedReward
    ? 'let r = R;'
    : `let r = R[i];
  if (r < ${b.minReward}) { r = ${b.minReward}; }
  if (r > ${b.maxReward}) { r = ${b.maxReward}; }`;
  return `function (W, PRE_T, POST_T, E, PRE, POST, R) {
  const i = this.thread.x;
  const field = this.thread.y;
  const lastPre = PRE_T[i];
  const lastPost = POST_T[i];
  const preSpike = PRE[i];
  const postSpike = POST[i];
  if (field === 1) {
    if (preSpike > 0) { return ${b.maxTrace}; }
    return o1Decay(lastPre, ${s}, ${d});
  }
  if (field === 2) {
    if (postSpike > 0) { return ${b.maxTrace}; }
    return o1Decay(lastPost, ${s}, ${d});
  }
  const e0 = E[i];
  let e = o1Decay(Math.abs(e0), ${s}, ${d});
  if (e0 < 0) { e = 0 - e; }
  if (postSpike > 0) {
    if (preSpike > 0) { e = e + ${b.maxTrace}; } else { e = e + lastPre; }
  }
  if (preSpike > 0) { e = e - lastPost; }
  if (e < ${b.minEligibility}) { e = ${b.minEligibility}; }
  if (e > ${b.maxEligibility}) { e = ${b.maxEligibility}; }
  if (field === 3) { return e; }
  ${reward}
  const delta = o1Delta(r, e, ${config.learning_shift});
  const w = W[i];
  if (delta > ${b.maxWeight} - w) { return ${b.maxWeight}; }
  if (w + delta < 0) { return 0; }
  return w + delta;
}`;
}
