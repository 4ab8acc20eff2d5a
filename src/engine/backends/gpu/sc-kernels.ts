/**
 * Kernel text for `sc_dense` layers (CONTEXT.md steps 1b and 5b; the layout in sc-layout.ts),
 * generated only for plans that have such layers, so other plans' kernels do not change:
 *
 * - `count(S, stepIn, s)`: `lanes` threads per rates layer. For each of its channels c the
 *   threshold from the trace `r_c` (as it stood after the previous step), compared with the
 *   host's gate (the input draw where the weight bit is 1, 2^24 where it is 0); each lane
 *   returns its count. A third kernel of the step, for plans with rates layers only.
 * - the neuron kernel's SC branch: `Isc` from the host (constant inputs) or `currentByCount[k]`,
 *   k the sum of the layer's lanes in `R` (rates), written to the step's `MID.isc` row; then the
 *   LIF update with `I = ext + Isc`.
 * - the deliver kernel's SC rows: the trace rows (`r = r * decay`, `+ gain` when the column's
 *   neuron spiked), and `Isc` copied into the layer's current slot 0 for `i_syn` probes.
 */
import { KIND, MID, POP, STEP_IN, type DeviceLayout } from './layout.ts';
import { SC_LAYER } from './sc-layout.ts';

/** Text helpers of kernels.ts that the SC parts reuse. */
export interface KernelText {
  /** A state value `S[row][at]` (flat or 2D). */
  st: (row: number | string, at: string) => string;
  /** An intermediate value `M[row][at]`. */
  mid: (row: number, at: string) => string;
  /** A field of neuron j's row of the `neurons` table. */
  neuron: (field: number | string) => string;
  /** A field of population p's row of the `params` table. */
  pop: (field: number | string) => string;
}

/** The neuron kernel's branch for SC neurons (kind `sc`). */
export function scNeuronBranch(
  layout: DeviceLayout,
  parts: {
    /** Reads V and returns when the neuron is held (refractory). */
    hold: string;
    /** Step 2 from `v` and `cur`, returning the thread's row value. */
    integrate: string;
    pop: KernelText['pop'];
    stepIn: (field: number) => string;
  },
): string {
  const lanes = layout.sc?.lanes ?? 1;
  // The lanes' counts are loaded side by side (one round of memory latency), then added.
  const counts = Array.from({ length: lanes }, (_, l) => `R[slot * ${lanes} + ${l}]`);
  const fromCount =
    (layout.sc?.ratesLayers ?? 0) > 0
      ? `
    const slot = ${parts.pop(layout.scRatesField)};
    if (slot >= 0) {
      const k = ${counts.join(' + ')};
      isc = P[${parts.pop(layout.scRatesField + 1)} + k];
    }`
      : '';
  return `
  if (kind === ${KIND.sc}) {
    let isc = ${parts.stepIn(STEP_IN.isc)};${fromCount}
    if (y === ${MID.isc}) { return isc; }
    ${parts.hold}
    const cur = Math.fround(${parts.stepIn(STEP_IN.ext)} + isc);
    ${parts.integrate}
  }`;
}

/** The deliver kernel's SC parts, for a layout with SC layers. */
export function scDeliverRows(
  layout: DeviceLayout,
  text: KernelText,
): { traces: string; integrates: string; current: string } {
  const { traceRow, traceRows, traceField } = layout;
  const kind = text.pop(POP.kind);
  // Rows traceRow .. historyRow - 1 (the caller has handled the history rows above them).
  const traces =
    traceRows === 0
      ? ''
      : `
  if (y >= ${traceRow}) {
    const tf = ${traceField} + 2 * (y - ${traceRow});
    const decay = ${text.neuron('tf')};
    if (decay < 0) { return 0; }
    const r = Math.fround(${text.st('y', 'j')} * decay);
    if (flag > 0) { return Math.fround(r + ${text.neuron('tf + 1')}); }
    return r;
  }`;
  return {
    traces,
    // The V row's test "this population has no V".
    integrates: `${kind} !== ${KIND.lif} && ${kind} !== ${KIND.sc}`,
    // An SC layer has no channels; its slot 0 keeps the step's Isc for i_syn probes.
    current: `
  if (${kind} === ${KIND.sc}) {
    if (c === 0) { return ${text.mid(MID.isc, 'j')}; }
    return 0;
  }`,
  };
}

/**
 * The count kernel, `lanes` threads per rates layer: thread x counts, for layer
 * floor(x / lanes) and step s of the call, the channels c = lane + i * lanes with
 * `gate < thr(r_c)`. The threshold is CONTEXT.md's float32 formula; `q + 0.5` is exact below
 * 2^23 and `q` an integer above.
 */
export function scCountSource(layout: DeviceLayout, populations: number): string {
  const n = layout.total;
  const lanes = layout.sc?.lanes ?? 1;
  const at = (row: string, col: string): string =>
    layout.flat ? `S[${row} * ${n} + ${col}]` : `S[${row}][${col}]`;
  const field = (f: number): string => `this.constants.sc[b + ${f}]`;
  // x / lanes is exact (a power of two), so floor gives the layer.
  return `function (S, stepIn, s) {
  const x = this.thread.x;
  const layer = Math.floor(x * ${1 / lanes});
  const lane = x - layer * ${lanes};
  const b = layer * ${SC_LAYER.stride};
  const m = ${field(SC_LAYER.channels)};
  const rounds = ${field(SC_LAYER.rounds)};
  const row = ${field(SC_LAYER.traceRow)};
  const src = ${field(SC_LAYER.sourceBase)};
  const xMin = ${field(SC_LAYER.xMin)};
  const inv = ${field(SC_LAYER.invRange)};
  const g = s * ${layout.stepBlock} + ${populations * layout.stepStride} + ${field(SC_LAYER.gateAt)};
  let k = 0;
  for (let i = 0; i < rounds; i++) {
    const c = lane + i * ${lanes};
    if (c < m) {
      const u = Math.fround(Math.fround(${at('row', 'src + c')} - xMin) * inv);
      const p = Math.min(1, Math.max(0, u));
      const q = Math.fround(p * 16777216);
      let thr = q;
      if (q < 8388608) { thr = Math.floor(Math.fround(q + 0.5)); }
      if (stepIn[g + c] < thr) { k = k + 1; }
    }
  }
  return k;
}`;
}
