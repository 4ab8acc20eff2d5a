/**
 * Kernel bodies of one step (CONTEXT.md), as JavaScript source text that gpu.js translates,
 * generated per plan so that table strides, row numbers and loop bounds are literals.
 *
 * They are text, not TypeScript functions, because gpu.js reads a kernel's source: a bundler or
 * minifier rewriting a function (renaming, folding statements, lowering syntax) would change
 * what gpu.js sees, and strict TypeScript cannot type gpu.js' `this.thread`/`this.constants`
 * kernels without casts. Every float operation sits inside `Math.fround` so that gpu.js' cpu mode
 * (plain JavaScript, float64) rounds each one to float32 like the reference; webasm computes in
 * f32 natively and gpu.js maps `fround` to the identity there and on the GPU.
 *
 * A step is two kernels, because delivery needs every neuron's spike flag of the step (a global
 * barrier) and nothing else does:
 *
 * - `neuron(S, stepIn, gen, s, P)`: steps 1-3, one thread per neuron and row of the intermediate
 *   array M (`MID`): V after integration, the spike flag. Both threads of a neuron compute the
 *   same integration (a few flops) rather than pay a kernel each.
 * - `deliver(S, M, P)`: steps 4-6, one thread per neuron and state row (`ROW`): V (delta list,
 *   reset), the refractory counter, each channel current (decay, then its list), and the history
 *   words shifted with the step's flag entered. A synapse of delay 0 tests its source's flag in
 *   M; one of delay d >= 1 the bit of step t - d in S's history words, which hold the steps
 *   before t.
 *
 * `S` is the state `[row][neuron]` (layout.ts). History words hold one bit per past step, bit b
 * of word w meaning "spiked d = 16w + b steps ago" (bit 0 of word 0 is the current step), all as
 * exact small integers in float32. `stepIn` holds, for each step s of a device call and each
 * population p, the external current (a Poisson population's threshold24 of the step: a rate
 * series changes it) and the random key halves; `gen` the generator flags of
 * each step over the layout's generator range. `s` is the step's position in the call: a
 * literal that gpu.js' pipelines bake into each step.
 *
 * `P` is the layout's `params` table (per-population fields, the Gaussian table, the appended
 * tables of SC, DynapSim and weight rules), passed with every device call rather than compiled
 * in as a constant: a live threshold, noise or rate edit writes it on the host and the next call
 * carries it (runner.ts). The gather's entries (`sourceWeight`) stay a compile-time constant
 * unless weights are live; then `deliver` (and `loihi`) take them as a last argument `W`.
 *
 * Plans with `sc_dense` layers get more (sc-kernels.ts): an SC branch in `neuron` (with rates
 * layers a fifth argument `R`, the count kernel's currents), a third M row with the step's
 * `Isc`, and SC rows in `deliver`. Other plans' kernel text is what it was before SC layers.
 * Likewise plans with Izhikevich or AdEx populations get their branches in `neuron` and the
 * adaptation row in `deliver` (classic-kernels.ts), others not; so do plans with DynapSim
 * populations (dynapsim-kernels.ts: a branch in `neuron`, their rows in `deliver`).
 */
import { classicDeliverRow, classicNeuronBranches, classicNoV } from './classic-kernels.ts';
import { dynapsimDeliverRows, dynapsimNeuronBranch } from './dynapsim-kernels.ts';
import { KIND, MID, NEURON, POP, ROW, STEP_IN, type DeviceLayout } from './layout.ts';
import { loihiDeliverBranch, loihiInputSource, loihiNeuronBranch } from './loihi-kernels.ts';
import { plasticDeliverRows, plasticEntry } from './plasticity-kernels.ts';
import { scDeliverRows, scNeuronBranch } from './sc-kernels.ts';

/** How the generated kernels read their tables. */
export interface SourceOptions {
  /** Synapses per iteration of the delay-0 gather loop (default `DEFAULT_UNROLL`). */
  unroll?: number | undefined;
  /**
   * Read the gather's `sourceWeight` entries from a per-call argument `W` instead of a
   * compile-time constant (live weights, runner.ts); `params` is always the argument `P`.
   */
  weightsArgument?: boolean | undefined;
}

export interface StepSources {
  neuron: string;
  deliver: string;
  /** Plans with Loihi populations: the kernel between them (loihi-kernels.ts); else null. */
  loihi: string | null;
}

/** The two kernels of a step for a layout's strides. */
export function stepSources(
  layout: DeviceLayout,
  populations: number,
  options: SourceOptions = {},
): StepSources {
  const unroll = options.unroll ?? DEFAULT_UNROLL;
  if (!Number.isInteger(Math.log2(unroll))) {
    throw new RangeError(`gpu backend: gather unroll ${unroll} is not a power of two`);
  }
  const { popStride, neuronStride, gaussBase, slots, historyRow, total: n } = layout;
  // Arrays are flat, row after row of n neurons (1D outputs: gpu.js runs them in 64-wide
  // workgroups, so a GPU warp holds 32 neurons of one row and never mixes rows' code paths).
  const flat = layout.flat;
  const st = (row: number | string, at: string): string =>
    flat ? `S[(${row}) * ${n} + ${at}]` : `S[${row}][${at}]`;
  const mid = (row: number, at: string): string =>
    flat ? `M[${row * n} + ${at}]` : `M[${row}][${at}]`;
  const flagOf = (at: string): string => mid(MID.flag, at);
  const pop = (field: number | string): string => `P[p * ${popStride} + ${field}]`;
  // The gather's entries: a compile-time constant, or the argument W while weights are live.
  const sw = options.weightsArgument ? 'W' : 'this.constants.sourceWeight';
  const tables = options.weightsArgument ? 'P, W' : 'P';
  const neuron = (field: number | string): string =>
    `this.constants.neurons[j * ${neuronStride} + ${field}]`;
  // Without SC layers a step's block is exactly `populations` records (the text kernels had
  // before SC layers existed).
  const stepIn = (field: number): string =>
    layout.sc
      ? `stepIn[s * ${layout.stepBlock} + p * ${layout.stepStride} + ${field}]`
      : `stepIn[(s * ${populations} + p) * ${layout.stepStride} + ${field}]`;
  const draw = `draw24(${stepIn(STEP_IN.keyHi)}, ${stepIn(STEP_IN.keyLo)}, ${neuron(NEURON.localIndex)})`;
  // Thread x is neuron j of row y; the row is counted with exact integer steps in float32
  // (min(1, max(0, x - k*n + 1)) is 1 from x = k*n on), never by a division that may round.
  // Plastic plans' deliver kernel has too many rows for rowOf's sum (see rowByDivision).
  const head = (rows: number, byDivision = false): string => `${
    flat
      ? `const x = this.thread.x;
  ${byDivision ? rowByDivision(n) : `const y = ${rowOf(rows, n)};`}
  const j = x - y * ${n};`
      : `const j = this.thread.x;
  const y = this.thread.y;`
  }
  const p = ${neuron(NEURON.population)};`;
  // What a thread of `neuron` returns once the step's flag is known: its row's value.
  const emit = (vint: string, flag: '0' | '1'): string =>
    `if (y === ${MID.vint}) { return ${vint}; }
    return ${flag};`;
  // Walks list `list` of neuron j and adds, in list order, the weights whose source spiked
  // `delay` steps ago. With every delay 0 (Brian2's CUBA, for one) only the flag row is tested:
  // one read and a compare per synapse in the hottest loop.
  const add = (acc: string): string => `${acc} = Math.fround(${acc} + ${sw}[2 * e + 1]);`;
  const test = (acc: string): string =>
    layout.plastic ? plasticEntry(st, sw, plasticTest(acc)) : fixedTest(acc);
  // Plastic plans read each entry's source and weight into plSrc and plQ first.
  const plasticTest = (acc: string): string =>
    layout.maxDelay === 0
      ? `if (${flagOf('plSrc')} > 0.5) { ${acc} = Math.fround(${acc} + plQ); }`
      : `const word = this.constants.wordScale[2 * e];
      if (word < 0) {
        if (${flagOf('plSrc')} > 0.5) { ${acc} = Math.fround(${acc} + plQ); }
      } else {
        const bit = ${st(`${historyRow} + word`, 'plSrc')} * this.constants.wordScale[2 * e + 1];
        if (bit - Math.floor(bit) >= 0.5) { ${acc} = Math.fround(${acc} + plQ); }
      }`;
  const fixedTest = (acc: string): string =>
    layout.maxDelay === 0
      ? `if (${flagOf(`${sw}[2 * e]`)} > 0.5) { ${add(acc)} }`
      : `const word = this.constants.wordScale[2 * e];
      const src = ${sw}[2 * e];
      if (word < 0) {
        if (${flagOf('src')} > 0.5) { ${add(acc)} }
      } else {
        const bit = ${st(`${historyRow} + word`, 'src')} * this.constants.wordScale[2 * e + 1];
        if (bit - Math.floor(bit) >= 0.5) { ${add(acc)} }
      }`;
  // The loop counts from an integer literal: WGSL only increments integers, and gpu.js types a
  // loop variable by its initial value. Plastic plans do not unroll (their entries decode first).
  const unrolls = layout.maxDelay === 0 && unroll > 1 && !layout.plastic;
  const gather = (list: string, acc: string): string => `
    const start = ${neuron(`${NEURON.lists} + 2 * ${list}`)};
    const count = ${neuron(`${NEURON.lists + 1} + 2 * ${list}`)};${
      unrolls ? unrolled(acc, unroll, flagOf, layout.listStride, sw) : ''
    }
    for (let k = 0; k < count${unrolls ? ' - done' : ''}; k++) {
      const e = start + (${unrolls ? 'done + ' : ''}k) * ${layout.listStride};
      ${test(acc)}
    }`;
  // Noise on the integrated `nv`, the threshold test and the thread's return (step 2).
  const spikeTest = `const sd = ${pop(POP.noiseStd)};
    if (sd !== 0) {
      const bits = ${draw};
      const hi12 = Math.floor(bits * 0.000244140625);
      const f = Math.fround((bits - hi12 * 4096) * 0.000244140625);
      const lo = P[${gaussBase} + hi12];
      const up = P[${gaussBase} + hi12 + 1];
      const z = Math.fround(lo + Math.fround(f * Math.fround(up - lo)));
      nv = Math.fround(nv + Math.fround(sd * z));
    }
    if (nv >= ${pop(POP.vThreshold)}) {
      ${emit('nv', '1')}
    }
    ${emit('nv', '0')}`;
  // Step 2 for a neuron that is not held, from its input current `cur`.
  const integrate = `const a = Math.fround(v - ${pop(POP.vRest)});
    const b = Math.fround(a * ${pop(POP.leak)});
    const e = Math.fround(v - b);
    const d = Math.fround(${pop(POP.rdt)} * cur);
    let nv = Math.fround(e + d);
    ${spikeTest}`;
  // Step 1 for a LIF-like neuron: the external current, then the channels in order.
  const current = `let cur = ${stepIn(STEP_IN.ext)};
    for (let c = 0; c < ${slots}; c++) {
      if (c < ${pop(POP.channelCount)}) { cur = Math.fround(cur + ${st(`${ROW.current(0)} + c`, 'j')}); }
    }`;
  const hold = `const v = ${st(ROW.v, 'j')};
    if (${st(ROW.refr, 'j')} > 0) {
      ${emit('v', '0')}
    }`;
  const rates = (layout.sc?.ratesLayers ?? 0) > 0;
  const scRows = scDeliverRows(layout, { st, mid, neuron, pop });
  return {
    neuron: `function (S, stepIn, gen, s${rates ? ', R' : ''}, P) {
  ${head(layout.midRows)}
  const kind = ${pop(POP.kind)};
  if (kind === ${KIND.lif}) {
    ${hold}
    ${current}
    ${integrate}
  }${classicNeuronBranches(layout, { hold, current, spikeTest }, { st, pop })}${dynapsimNeuronBranch(layout, { st, pop, neuron })}${loihiNeuronBranch(layout)}${layout.sc ? scNeuronBranch(layout, { hold, integrate, pop, stepIn }) : ''}
  if (kind === ${KIND.poisson}) {
    if (${draw} < ${stepIn(STEP_IN.ext)}) {
      ${emit('0', '1')}
    }
    ${emit('0', '0')}
  }
  if (y === ${MID.vint}) { return 0; }
  return gen[s * ${layout.genSpan} + j - ${layout.genLo}];
}`,
    deliver: `function (S, M${layout.loihi ? ', L' : ''}, ${tables}) {
  ${head(layout.stateRows, layout.plastic !== null)}
  ${layout.loihi ? 'let' : 'const'} flag = ${flagOf('j')};${loihiDeliverBranch(layout, { st, pop })}${plasticDeliverRows(layout, { st, flagOf, neuron, sw })}
  if (y >= ${historyRow}) {
    // History words: shift by one step; word 0 takes the step's flag, word w the top bit of w-1.
    let w = ${st('y', 'j')} * 2;
    if (w >= 65536) { w = w - 65536; }
    if (y === ${historyRow}) { return w + flag; }
    if (${st('y - 1', 'j')} >= 32768) { return w + 1; }
    return w;
  }${layout.sc ? scRows.traces : ''}${classicDeliverRow(layout, { st, pop })}${dynapsimDeliverRows(layout, { st, mid, neuron, pop }, gather)}
  if (y === ${ROW.refr}) {
    const r = ${st(ROW.refr, 'j')};
    if (r > 0) { return r - 1; }
    if (flag > 0) { return Math.max(${pop(POP.refractorySteps)} - 1, 0); }
    return 0;
  }
  if (y === ${ROW.v}) {
    if (${classicNoV(layout, layout.sc ? scRows.integrates : `${pop(POP.kind)} !== ${KIND.lif}`, pop)}) { return 0; }
    if (flag > 0) { return ${pop(POP.vReset)}; }
    let v = ${mid(MID.vint, 'j')};${gather('0', 'v')}
    return v;
  }
  const c = y - ${ROW.current(0)};${layout.sc ? scRows.current : ''}
  if (c >= ${pop(POP.channelCount)}) { return 0; }
  let cur = Math.fround(${st('y', 'j')} * ${pop(`${POP.decay} + c`)});${gather('(1 + c)', 'cur')}
  return cur;
}`,
    loihi: layout.loihi
      ? loihiInputSource({ neuron, pop }, NEURON.population, gather('0', 'sw'), tables)
      : null,
  };
}

/**
 * The delay-0 gather's main loop, `unroll` entries an iteration: every entry's source, weight and
 * flag are loaded before the first add, so a GPU thread waits for one round of memory latency
 * per `unroll` synapses instead of one per synapse (the loop is latency-bound: a few hundred ns
 * per dependent load). The adds stay in list order, so the sums are unchanged. Leaves `done`,
 * the entries handled, for the remainder loop.
 */
function unrolled(
  acc: string,
  unroll: number,
  flagOf: (at: string) => string,
  stride: number,
  sw: string,
): string {
  const ids = Array.from({ length: unroll }, (_, i) => i);
  return `
    const groups = Math.floor(count * ${1 / unroll});
    for (let g = 0; g < groups; g++) {
      const base = start + g * ${unroll * stride};
      ${ids.map((i) => `const u${i} = ${sw}[2 * (base + ${i * stride})];`).join('\n      ')}
      ${ids.map((i) => `const q${i} = ${sw}[2 * (base + ${i * stride}) + 1];`).join('\n      ')}
      ${ids.map((i) => `const h${i} = ${flagOf(`u${i}`)};`).join('\n      ')}
      ${ids.map((i) => `if (h${i} > 0.5) { ${acc} = Math.fround(${acc} + q${i}); }`).join('\n      ')}
    }
    const done = groups * ${unroll};`;
}

/**
 * Synapses per iteration of the unrolled gather, a power of two (so that count / unroll is
 * exact); 1 turns the unrolling off.
 */
export const DEFAULT_UNROLL = 8;

/**
 * The row of flat thread x in plans with plastic rows (too many for `rowOf`'s sum): a product
 * by 1/n, then one exact correction each way. The product is within 2/n of x/n (two float32
 * roundings below 2^24), so the floor is off by at most one; y * n and the comparisons are
 * exact integers.
 */
function rowByDivision(n: number): string {
  return `let y = Math.floor(x * ${1 / n});
  if (x - y * ${n} >= ${n}) { y = y + 1; }
  if (x - y * ${n} < 0) { y = y - 1; }`;
}

/** The row of flat thread x among `rows` rows of n: a sum of exact 0/1 steps at k * n. */
function rowOf(rows: number, n: number): string {
  const steps = Array.from(
    { length: rows - 1 },
    (_, k) => `Math.min(1, Math.max(0, x - ${(k + 1) * n - 1}))`,
  );
  return steps.length === 0 ? '0' : steps.join(' + ');
}

/**
 * Reads the state values the state probes sample after a step: entry q of the output is the
 * state at row `probe[2q]`, neuron `probe[2q + 1]` (constant table of pairs).
 */
export function probeSource(layout: DeviceLayout): string {
  const row = 'this.constants.probe[2 * this.thread.x]';
  const at = 'this.constants.probe[2 * this.thread.x + 1]';
  return `function (S) {
  return ${layout.flat ? `S[${row} * ${layout.total} + ${at}]` : `S[${row}][${at}]`};
}`;
}
