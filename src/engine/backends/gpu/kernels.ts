/**
 * Kernel bodies of one step (CONTEXT.md), as JavaScript source text that gpu.js translates,
 * generated per plan so that table strides and loop bounds are literals.
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
 * `stepIn` holds, per population, the step's external current and random key halves.
 */
import { KIND, NEURON, POP, type DeviceLayout } from './layout.ts';

/** Per-population inputs of a step: `stepIn[p * STEP_IN + field]`. */
export const STEP_IN = { stride: 3, ext: 0, keyHi: 1, keyLo: 2 } as const;

export interface StepSources {
  integrate: string;
  spikes: string;
  refractory: string;
  history: string;
  channels: string;
  voltage: string;
}

/** The six kernels of a step for a layout's strides. */
export function stepSources(layout: DeviceLayout): StepSources {
  const { popStride, neuronStride, gaussBase, slots } = layout;
  const pop = (field: number | string): string =>
    `this.constants.params[p * ${popStride} + ${field}]`;
  const neuron = (field: number | string): string =>
    `this.constants.neurons[j * ${neuronStride} + ${field}]`;
  const stepIn = (field: number): string => `stepIn[p * ${STEP_IN.stride} + ${field}]`;
  const draw = `draw24(${stepIn(STEP_IN.keyHi)}, ${stepIn(STEP_IN.keyLo)}, ${neuron(NEURON.localIndex)})`;
  const head = `const j = this.thread.x;
  const p = ${neuron(NEURON.population)};`;
  // Walks list `list` of neuron j and adds the weights whose source spiked `delay` steps ago.
  // `spk` is the history (word-major 2D) in general. With every delay 0 (Brian2's CUBA, for
  // one) it is the step's 0/1 flags instead: one read and a compare per synapse in the hottest
  // loop, instead of three reads and a floor.
  const [prelude, spiked] =
    layout.maxDelay === 0
      ? ['', `spk[this.constants.sourceWeight[2 * e]] > 0.5`]
      : [
          `const x = spk[this.constants.wordScale[2 * e]][this.constants.sourceWeight[2 * e]] * this.constants.wordScale[2 * e + 1];`,
          `x - Math.floor(x) >= 0.5`,
        ];
  // The loop counts from an integer literal: WGSL only increments integers, and gpu.js types a
  // loop variable by its initial value.
  const gather = (list: string, acc: string): string => `
  const start = ${neuron(`${NEURON.lists} + 2 * ${list}`)};
  const count = ${neuron(`${NEURON.lists + 1} + 2 * ${list}`)} - start;
  for (let k = 0; k < count; k++) {
    const e = start + k;
    ${prelude}
    if (${spiked}) { ${acc} = Math.fround(${acc} + this.constants.sourceWeight[2 * e + 1]); }
  }`;
  return {
    // Steps 1-2: input current and LIF integration; held (refractory) neurons keep V.
    integrate: `function (V, refr, I, stepIn) {
  ${head}
  if (${pop(POP.kind)} !== ${KIND.lif}) { return 0; }
  const v = V[j];
  if (refr[j] > 0) { return v; }
  let cur = ${stepIn(STEP_IN.ext)};
  for (let c = 0; c < ${slots}; c++) {
    if (c < ${pop(POP.channelCount)}) { cur = Math.fround(cur + I[c][j]); }
  }
  const a = Math.fround(v - ${pop(POP.vRest)});
  const b = Math.fround(a * ${pop(POP.leak)});
  const e = Math.fround(v - b);
  const d = Math.fround(${pop(POP.rdt)} * cur);
  let nv = Math.fround(e + d);
  const sd = ${pop(POP.noiseStd)};
  if (sd !== 0) {
    const bits = ${draw};
    const hi12 = Math.floor(bits * 0.000244140625);
    const f = Math.fround((bits - hi12 * 4096) * 0.000244140625);
    const lo = this.constants.params[${gaussBase} + hi12];
    const up = this.constants.params[${gaussBase} + hi12 + 1];
    const z = Math.fround(lo + Math.fround(f * Math.fround(up - lo)));
    nv = Math.fround(nv + Math.fround(sd * z));
  }
  return nv;
}`,
    // Steps 2-3: threshold test (LIF), Poisson draw, generator flags from the host.
    spikes: `function (Vint, refr, stepIn, gen) {
  ${head}
  const k = ${pop(POP.kind)};
  if (k === ${KIND.lif}) {
    if (refr[j] > 0) { return 0; }
    if (Vint[j] >= ${pop(POP.vThreshold)}) { return 1; }
    return 0;
  }
  if (k === ${KIND.poisson}) {
    if (${draw} < ${pop(POP.threshold24)}) { return 1; }
    return 0;
  }
  return gen[j];
}`,
    // Step 2 (hold) and step 6 (reset) for the refractory counter.
    refractory: `function (refr, flags) {
  ${head}
  const r = refr[j];
  if (r > 0) { return r - 1; }
  if (flags[j] > 0) { return Math.max(${pop(POP.refractorySteps)} - 1, 0); }
  return 0;
}`,
    // Shifts every neuron's spike history by one step and enters this step's flag.
    history: `function (hist, flags) {
  const j = this.thread.x;
  const w = this.thread.y;
  let n = hist[w][j] * 2;
  if (n >= 65536) { n = n - 65536; }
  if (w === 0) { return n + flags[j]; }
  if (hist[w - 1][j] >= 32768) { return n + 1; }
  return n;
}`,
    // Steps 4-5 for currents (one thread per neuron and slot): decay, then arriving weights.
    channels: `function (I, spk) {
  ${head}
  const c = this.thread.y;
  if (c >= ${pop(POP.channelCount)}) { return 0; }
  let cur = Math.fround(I[c][j] * ${pop(`${POP.decay} + c`)});${gather('(1 + c)', 'cur')}
  return cur;
}`,
    // Steps 5-6 for V: delta synapses add to V in list order; spiking neurons reset.
    voltage: `function (Vint, flags, spk) {
  ${head}
  if (${pop(POP.kind)} !== ${KIND.lif}) { return 0; }
  if (flags[j] > 0) { return ${pop(POP.vReset)}; }
  let v = Vint[j];${gather('0', 'v')}
  return v;
}`,
  };
}

/** Initial state: a copy of a constant array, or zeros. */
export const COPY = `function () { return this.constants.src[this.thread.x]; }`;
export const ZERO = `function () { return 0; }`;
