/**
 * Kernel bodies of one step (CONTEXT.md), as JavaScript source text that gpu.js translates.
 *
 * They are text, not TypeScript functions, because gpu.js reads a kernel's source: a bundler or
 * minifier rewriting a function (renaming, folding statements, lowering syntax) would change
 * what gpu.js sees, and strict TypeScript cannot type gpu.js' `this.thread`/`this.constants`
 * kernels without casts. Every float operation sits inside `Math.fround` so that gpu.js' cpu mode
 * (plain JavaScript, float64) rounds each one to float32 like the reference; webasm computes in
 * f32 natively and gpu.js maps `fround` to the identity there and on the GPU.
 *
 * One thread per neuron of the global layout (layout.ts); `p` is the neuron's population.
 * History words hold one bit per past step, bit b of word w meaning "spiked d = 16w + b steps
 * ago" (bit 0 of word 0 is the current step), all as exact small integers in float32.
 */

/** Step 1-2: input current and LIF integration; held (refractory) neurons keep V. */
export const INTEGRATE = `function (V, refr, I, ext, keyHi, keyLo) {
  const j = this.thread.x;
  const p = this.constants.popOf[j];
  if (this.constants.kind[p] !== 0) { return 0; }
  const v = V[j];
  if (refr[j] > 0) { return v; }
  let cur = ext[p];
  for (let c = 0; c < this.constants.slots; c++) {
    if (c < this.constants.channelCount[p]) { cur = Math.fround(cur + I[c][j]); }
  }
  const a = Math.fround(v - this.constants.vRest[p]);
  const b = Math.fround(a * this.constants.leak[p]);
  const e = Math.fround(v - b);
  const d = Math.fround(this.constants.rdt[p] * cur);
  let nv = Math.fround(e + d);
  const sd = this.constants.noiseStd[p];
  if (sd !== 0) {
    const bits = draw24(keyHi[p], keyLo[p], this.constants.localIndex[j]);
    const hi12 = Math.floor(bits * 0.000244140625);
    const f = Math.fround((bits - hi12 * 4096) * 0.000244140625);
    const lo = this.constants.gauss[hi12];
    const up = this.constants.gauss[hi12 + 1];
    const z = Math.fround(lo + Math.fround(f * Math.fround(up - lo)));
    nv = Math.fround(nv + Math.fround(sd * z));
  }
  return nv;
}`;

/** Steps 2-3: threshold test (LIF), Poisson draw, generator flags from the host. */
export const SPIKES = `function (Vint, refr, keyHi, keyLo, gen) {
  const j = this.thread.x;
  const p = this.constants.popOf[j];
  const k = this.constants.kind[p];
  if (k === 0) {
    if (refr[j] > 0) { return 0; }
    if (Vint[j] >= this.constants.vThreshold[p]) { return 1; }
    return 0;
  }
  if (k === 1) {
    if (draw24(keyHi[p], keyLo[p], this.constants.localIndex[j]) < this.constants.threshold24[p]) {
      return 1;
    }
    return 0;
  }
  return gen[j];
}`;

/** Step 2 (hold) and 6 (reset) for the refractory counter. */
export const REFRACTORY = `function (refr, flags) {
  const j = this.thread.x;
  const r = refr[j];
  if (r > 0) { return r - 1; }
  if (flags[j] > 0) {
    return Math.max(this.constants.refractorySteps[this.constants.popOf[j]] - 1, 0);
  }
  return 0;
}`;

/** Shifts every neuron's spike history by one step and enters this step's flag. */
export const HISTORY = `function (hist, flags) {
  const j = this.thread.x;
  const w = this.thread.y;
  let n = hist[w][j] * 2;
  if (n >= 65536) { n = n - 65536; }
  if (w === 0) { return n + flags[j]; }
  if (hist[w - 1][j] >= 32768) { return n + 1; }
  return n;
}`;

/**
 * Reads one incoming synapse's "source spiked d steps ago" bit out of the history. Inlined into
 * the gather kernels as text because gpu.js cannot pass arrays to helper functions on webgpu.
 */
const spikedBit = (prefix: string): string => `
    const x = hist[this.constants.${prefix}Word[e]][this.constants.${prefix}Source[e]] * this.constants.${prefix}Scale[e];
    const bit = x - Math.floor(x);`;

/** Steps 4-5 for currents: decay, then add the weights of arriving spikes in list order. */
export const CHANNELS = `function (I, hist) {
  const j = this.thread.x;
  const c = this.thread.y;
  const p = this.constants.popOf[j];
  if (c >= this.constants.channelCount[p]) { return 0; }
  let cur = Math.fround(I[c][j] * this.constants.decay[p * this.constants.slots + c]);
  const row = c * this.constants.total + j;
  const end = this.constants.cPtr[row + 1];
  for (let e = this.constants.cPtr[row]; e < end; e++) {${spikedBit('c')}
    if (bit >= 0.5) { cur = Math.fround(cur + this.constants.cWeight[e]); }
  }
  return cur;
}`;

/** Steps 5-6 for V: delta synapses add to V in list order; spiking neurons reset. */
export const VOLTAGE = `function (Vint, flags, hist) {
  const j = this.thread.x;
  const p = this.constants.popOf[j];
  if (this.constants.kind[p] !== 0) { return 0; }
  if (flags[j] > 0) { return this.constants.vReset[p]; }
  let v = Vint[j];
  const end = this.constants.vPtr[j + 1];
  for (let e = this.constants.vPtr[j]; e < end; e++) {${spikedBit('v')}
    if (bit >= 0.5) { v = Math.fround(v + this.constants.vWeight[e]); }
  }
  return v;
}`;

/** Initial state: a copy of a constant array, or zeros. */
export const COPY = `function () { return this.constants.src[this.thread.x]; }`;
export const ZERO = `function () { return 0; }`;
