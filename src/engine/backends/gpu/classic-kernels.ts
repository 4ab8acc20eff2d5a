/**
 * Kernel text for Izhikevich and AdEx populations (CONTEXT.md steps 2c, 2d and 6; the layout in
 * classic-layout.ts), generated only for the models a plan has, so other plans' kernels do not
 * change:
 *
 * - the neuron kernel's branches: the model's forward-Euler V update from V, the adaptation
 *   variable and the input current (the LIF's: external current plus the channels), in the
 *   reference's operation order (backends/reference/classic-step.ts), then the LIF's noise and
 *   threshold test against the spike cut. An AdEx neuron in its refractory period is held as a
 *   LIF is; AdEx calls `exp32` (exp32-helper.ts).
 * - the deliver kernel's adaptation row: `w + wdt * (coupling * (V - eL) - w)` from the state
 *   before the step (so an AdEx w integrates while V is held), plus the jump at a spike.
 *
 * V's reset (`POP.vReset` holds Izhikevich's c), the refractory counter (0 steps for
 * Izhikevich) and the delta and current gathers are the LIF's rows of the deliver kernel.
 */
import { CLASSIC } from './classic-layout.ts';
import { KIND, POP, ROW, type DeviceLayout } from './layout.ts';
import type { KernelText } from './sc-kernels.ts';

/** fround(0.04), written as the double it is so that cpu mode multiplies by the same number. */
const K04 = '0.03999999910593033';

/** Text pieces of the LIF's neuron branch that the classic branches reuse. */
export interface NeuronParts {
  /** Reads V into `v` and returns when the neuron is held (refractory). */
  hold: string;
  /** Declares `cur`, the input current of step 1. */
  current: string;
  /** Noise on `nv`, the threshold test and the thread's return. */
  spikeTest: string;
}

/** The neuron kernel's branches for the classic models the layout has ('' for none). */
export function classicNeuronBranches(
  layout: DeviceLayout,
  parts: NeuronParts,
  text: Pick<KernelText, 'st' | 'pop'>,
): string {
  const models = layout.classic;
  if (!models) return '';
  const field = (f: number): string => text.pop(layout.classicField + f);
  const w = `const w = ${text.st(layout.adaptRow, 'j')};`;
  // Step 2c: ds = 0.04 V^2 + 5 V + 140 - u + I, left to right; Vn = V + dt * ds.
  const izhikevich = `
  if (kind === ${KIND.izhikevich}) {
    const v = ${text.st(ROW.v, 'j')};
    ${parts.current}
    ${w}
    let ds = Math.fround(Math.fround(${K04} * Math.fround(v * v)) + Math.fround(5.0 * v));
    ds = Math.fround(Math.fround(Math.fround(ds + 140.0) - w) + cur);
    let nv = Math.fround(v + Math.fround(${field(CLASSIC.vdt)} * ds));
    ${parts.spikeTest}
  }`;
  // Step 2d: the exponential's argument clamped at xMax keeps exp32 finite above the cut.
  const adex = `
  if (kind === ${KIND.adex}) {
    ${parts.hold}
    ${parts.current}
    ${w}
    const dev = Math.fround(v - ${field(CLASSIC.eL)});
    const ex = Math.min(Math.fround(Math.fround(v - ${field(CLASSIC.vT)}) * ${field(CLASSIC.invDeltaT)}), ${field(CLASSIC.xMax)});
    let ds = Math.fround(Math.fround(${field(CLASSIC.gLDeltaT)} * exp32(ex)) - Math.fround(${field(CLASSIC.gL)} * dev));
    ds = Math.fround(Math.fround(ds - w) + cur);
    let nv = Math.fround(v + Math.fround(${field(CLASSIC.vdt)} * ds));
    ${parts.spikeTest}
  }`;
  return `${models.izhikevich ? izhikevich : ''}${models.adex ? adex : ''}`;
}

/**
 * The deliver kernel's adaptation row ('' without classic populations): one formula for both
 * models (Izhikevich's eL is 0, see `CLASSIC`), from V and w before the step; `flag` is the
 * step's spike flag.
 */
export function classicDeliverRow(
  layout: DeviceLayout,
  text: Pick<KernelText, 'st' | 'pop'>,
): string {
  if (!layout.classic) return '';
  const field = (f: number): string => text.pop(layout.classicField + f);
  const kind = text.pop(POP.kind);
  return `
  if (y === ${layout.adaptRow}) {
    if (${kind} !== ${KIND.izhikevich} && ${kind} !== ${KIND.adex}) { return 0; }
    const w = ${text.st(layout.adaptRow, 'j')};
    const dev = Math.fround(${text.st(ROW.v, 'j')} - ${field(CLASSIC.eL)});
    const wn = Math.fround(w + Math.fround(${field(CLASSIC.wdt)} * Math.fround(Math.fround(${field(CLASSIC.coupling)} * dev) - w)));
    if (flag > 0) { return Math.fround(wn + ${field(CLASSIC.jump)}); }
    return wn;
  }`;
}

/** The V row's "this population has no V" test, extended by the classic kinds. */
export function classicNoV(layout: DeviceLayout, noV: string, pop: KernelText['pop']): string {
  if (!layout.classic) return noV;
  const kind = pop(POP.kind);
  return `${noV} && ${kind} !== ${KIND.izhikevich} && ${kind} !== ${KIND.adex}`;
}
