/**
 * Kernel bodies of `ops-gpu.ts` as JavaScript source text for gpu.js (text, not functions, for
 * the reasons `../../backends/gpu/kernels.ts` gives), one generator per `TrainOps` operation.
 * Sizes are literals (a kernel is compiled per shape); the neuron constants come in
 * `this.constants.nc` = [decay, rest, threshold, reset, slope]. Each is the loop of the same
 * name in `ops-js.ts`, one thread per output element: per (sample, neuron) for the steps, per
 * weight for the gradient sums over the batch.
 */

/** Constant names inside the kernels. */
const DECAY = 'this.constants.nc[0]';
const REST = 'this.constants.nc[1]';
const THRESHOLD = 'this.constants.nc[2]';
const RESET = 'this.constants.nc[3]';
const SLOPE = 'this.constants.nc[4]';

/** `u - threshold` of neuron slot `at` of V_{t-1}. */
function excess(at: string): string {
  return `(${DECAY} * vPrev[${at}] + ${REST} - ${THRESHOLD})`;
}

/** The spike of an excess held in variable `e`: H, or the smooth h of the FD checks. */
function spike(e: string, smooth: boolean): string {
  return smooth ? `(0.5 + ${e} / (1.0 + ${SLOPE} * Math.abs(${e})))` : `(${e} >= 0.0 ? 1.0 : 0.0)`;
}

/** `q = u + x W (+ s R)` of neuron (b, j) into variable q; declares u, e, s. */
function preReset(inputs: number, size: number, recurrent: boolean, smooth: boolean): string {
  return `
  const u = ${DECAY} * vPrev[this.thread.x] + ${REST};
  const e = u - ${THRESHOLD};
  const s = ${spike('e', smooth)};
  let q = u;
  for (let i = 0; i < ${inputs}; i++) {
    q += w[i * ${size} + j] * x[xOff + b * ${inputs} + i];
  }
  ${
    recurrent
      ? `for (let k = 0; k < ${size}; k++) {
    const ek = ${excess(`b * ${size} + k`)};
    q += r[k * ${size} + j] * ${spike('ek', smooth)};
  }`
      : ''
  }`;
}

/** (b, j) of a batch x size thread. */
function rowCol(size: number): string {
  return `const b = Math.floor(this.thread.x / ${size});
  const j = this.thread.x - b * ${size};`;
}

/** V_t per (b, j). */
export function forwardSource(
  inputs: number,
  size: number,
  recurrent: boolean,
  smooth: boolean,
): string {
  const args = recurrent ? 'vPrev, x, xOff, w, r' : 'vPrev, x, xOff, w';
  return `function(${args}) {
  ${rowCol(size)}
  ${preReset(inputs, size, recurrent, smooth)}
  return s * ${RESET} + (1.0 - s) * q;
}`;
}

/** dL/dV_{t-1} per (b, j). */
export function backwardSource(
  inputs: number,
  size: number,
  recurrent: boolean,
  smooth: boolean,
): string {
  const args = recurrent
    ? 'vPrev, x, xOff, gV, gS, gSOff, w, r'
    : 'vPrev, x, xOff, gV, gS, gSOff, w';
  return `function(${args}) {
  ${rowCol(size)}
  ${preReset(inputs, size, recurrent, smooth)}
  const gv = gV[this.thread.x];
  const gq = gv * (1.0 - s);
  let gs = gS[gSOff + this.thread.x] + gv * (${RESET} - q);
  ${
    recurrent
      ? `for (let k = 0; k < ${size}; k++) {
    const ek = ${excess(`b * ${size} + k`)};
    gs += r[j * ${size} + k] * gV[b * ${size} + k] * (1.0 - ${spike('ek', smooth)});
  }`
      : ''
  }
  const d = 1.0 + ${SLOPE} * Math.abs(e);
  return ${DECAY} * (gq + gs / (d * d));
}`;
}

/** s_t per (b, j). */
export function spikesSource(smooth: boolean): string {
  return `function(vPrev) {
  const e = ${excess('this.thread.x')};
  return ${spike('e', smooth)};
}`;
}

/** counts + s_t per (b, j). */
export function countSource(smooth: boolean): string {
  return `function(counts, vPrev) {
  const e = ${excess('this.thread.x')};
  return counts[this.thread.x] + ${spike('e', smooth)};
}`;
}

/** dW + sum_b x[b,i] gq[b,j] per weight (i, j). */
export function weightGradSource(
  batch: number,
  inputs: number,
  size: number,
  smooth: boolean,
): string {
  return `function(dW, x, xOff, vPrev, gV) {
  const i = Math.floor(this.thread.x / ${size});
  const j = this.thread.x - i * ${size};
  let sum = dW[this.thread.x];
  for (let b = 0; b < ${batch}; b++) {
    const e = ${excess(`b * ${size} + j`)};
    sum += x[xOff + b * ${inputs} + i] * gV[b * ${size} + j] * (1.0 - ${spike('e', smooth)});
  }
  return sum;
}`;
}

/** dR + sum_b s[b,k] gq[b,j] per recurrent weight (k, j), 0 on the diagonal. */
export function recurrentGradSource(batch: number, size: number, smooth: boolean): string {
  return `function(dR, vPrev, gV) {
  const k = Math.floor(this.thread.x / ${size});
  const j = this.thread.x - k * ${size};
  let sum = dR[this.thread.x];
  for (let b = 0; b < ${batch}; b++) {
    const ek = ${excess(`b * ${size} + k`)};
    const ej = ${excess(`b * ${size} + j`)};
    sum += ${spike('ek', smooth)} * gV[b * ${size} + j] * (1.0 - ${spike('ej', smooth)});
  }
  return k === j ? 0.0 : sum;
}`;
}

/** sum_j W[i,j] gq[b,j] per (b, i). */
export function inputGradSource(inputs: number, size: number, smooth: boolean): string {
  return `function(w, vPrev, gV) {
  const b = Math.floor(this.thread.x / ${inputs});
  const i = this.thread.x - b * ${inputs};
  let sum = 0.0;
  for (let j = 0; j < ${size}; j++) {
    const e = ${excess(`b * ${size} + j`)};
    sum += w[i * ${size} + j] * gV[b * ${size} + j] * (1.0 - ${spike('e', smooth)});
  }
  return sum;
}`;
}

/** decay * trace + x per (b, i). */
export const TRACE_SOURCE = `function(trace, x, xOff) {
  return ${DECAY} * trace[this.thread.x] + x[xOff + this.thread.x];
}`;

/** E + psi[b,j] * decay * trace[b,i] per (b, i, j). */
export function eligibilitySource(inputs: number, size: number): string {
  return `function(elig, trace, vPrev) {
  const b = Math.floor(this.thread.x / ${inputs * size});
  const rest = this.thread.x - b * ${inputs * size};
  const i = Math.floor(rest / ${size});
  const j = rest - i * ${size};
  const e = ${excess(`b * ${size} + j`)};
  const d = 1.0 + ${SLOPE} * Math.abs(e);
  return elig[this.thread.x] + ${DECAY} * trace[b * ${inputs} + i] / (d * d);
}`;
}

/** sum_b signal[b,j] * E[b,i,j] per weight (i, j). */
export function eligibilityGradSource(batch: number, inputs: number, size: number): string {
  return `function(elig, signal) {
  const i = Math.floor(this.thread.x / ${size});
  const j = this.thread.x - i * ${size};
  let sum = 0.0;
  for (let b = 0; b < ${batch}; b++) {
    sum += signal[b * ${size} + j] * elig[b * ${inputs * size} + this.thread.x];
  }
  return sum;
}`;
}

/** A constant array (`this.constants.value[0]`). */
export const FILL_SOURCE = `function() {
  return this.constants.value[0];
}`;

/** A host array copied onto the device. */
export const UPLOAD_SOURCE = `function(a) {
  return a[this.thread.x];
}`;
