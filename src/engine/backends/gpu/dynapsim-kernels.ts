/**
 * Kernel text for DynapSim populations (CONTEXT.md step 2e; the layout in dynapsim-layout.ts),
 * generated only for plans that have them, so other plans' kernels do not change:
 *
 * - the neuron kernel's branch: the whole step 2e from the state before the step, in the
 *   reference's operation order (backends/reference/dynapsim-step.ts), returning Imem before
 *   the reset (`MID.vint`) and the spike flag `Imem > Ispkthr`. It calls `exp32`.
 * - the deliver kernel's DynapSim rows: Imem after the reset, the timer, Isyn and Iahp (each
 *   recomputed from the state before the step with the same operations, a few flops, rather
 *   than an intermediate row each), Vmem from the pre-reset Imem (`log32`, only in this row's
 *   thread), and `ws`, the gather of the neuron's delta list from 0 (the reference zeroes ws in
 *   step 2e and adds the dpi weights in step 5, in list order).
 *
 * A non-finite Imem is kept rather than reset (the reference stops the run at it, so the value
 * after the step is never observed): +Infinity passes the threshold and would otherwise be
 * replaced by Io; NaN already persists (`Math.max` propagates it), so the host finds either in
 * the state and replays the call (runner.ts).
 */
import { DYN, DYN_POP } from './dynapsim-layout.ts';
import { KIND, MID, NEURON, POP, ROW, type DeviceLayout } from './layout.ts';
import type { KernelText } from './sc-kernels.ts';

/** The largest finite float32: `x <= FLT_MAX` is false for +Infinity and NaN. */
const FLT_MAX = '3.4028234663852886e38';

/** Text pieces of the DynapSim parts: constants and the shared Isyn/Iahp updates. */
function parts(layout: DeviceLayout, text: Pick<KernelText, 'st' | 'pop' | 'neuron'>) {
  const dyn = layout.dynapsim;
  if (!dyn) throw new Error('gpu backend: DynapSim kernel text for a layout without DynapSim');
  const c = (field: number): string => `P[b + ${field}]`;
  const word = text.st(layout.historyRow, 'j');
  return {
    dyn,
    c,
    // The neuron's record in the appended table (integers, exact in float32 below 2^24).
    record: `const b = ${text.pop(dyn.field + DYN_POP.base)} + ${text.neuron(NEURON.localIndex)} * ${DYN.count};`,
    // DPI synapse: discharge, then charge towards the steady state of the delivered input.
    isyn: `const synInf = Math.max(${c(DYN.io)}, Math.fround(${c(DYN.synGain)} * ${text.st(dyn.wsRow, 'j')}));
    let isyn = Math.fround(${c(DYN.synDecay)} * ${text.st(ROW.current(0), 'j')});
    isyn = Math.fround(isyn + Math.fround(${c(DYN.synCharge)} * synInf));`,
    // AHP: discharge, charge by the previous step's spike (bit 0 of history word 0), floor at Io.
    iahp: `let iahp = Math.fround(${c(DYN.ahpDecay)} * ${text.st(dyn.iahpRow, 'j')});
    const hw = ${word};
    if (hw - Math.floor(hw * 0.5) * 2 > 0.5) { iahp = Math.fround(iahp + ${c(DYN.ahpKick)}); }
    iahp = Math.max(iahp, ${c(DYN.io)});`,
  };
}

/** The neuron kernel's DynapSim branch ('' without DynapSim populations). */
export function dynapsimNeuronBranch(
  layout: DeviceLayout,
  text: Pick<KernelText, 'st' | 'pop' | 'neuron'>,
): string {
  if (!layout.dynapsim) return '';
  const { c, record, isyn, iahp, dyn } = parts(layout, text);
  return `
  if (kind === ${KIND.dynapsim}) {
    ${record}
    const io = ${c(DYN.io)};
    ${isyn}
    ${iahp}
    const imem = ${text.st(ROW.v, 'j')};
    const itauMem = ${c(DYN.itauMem)};
    const igainMem = ${c(DYN.igainMem)};
    const feedback = exp32(Math.fround(${c(DYN.fbSlope)} * ${text.st(dyn.vmemRow, 'j')}));
    const ileak = Math.fround(itauMem + iahp);
    let iin = Math.fround(Math.fround(isyn - ileak) + ${c(DYN.idc)});
    if (${text.st(ROW.refr, 'j')} > 0) { iin = 0; }
    iin = Math.max(iin, io);
    const iinf = Math.fround(${c(DYN.memGain)} * Math.fround(iin - ileak));
    const fImem = Math.fround(Math.fround(Math.fround(io * feedback) / ileak) * Math.fround(imem + igainMem));
    const tau = Math.fround(${c(DYN.memTauFactor)} / ileak);
    const drive = Math.fround(Math.fround(iinf + fImem) - Math.fround(imem * Math.fround(1 + Math.fround(iahp / itauMem))));
    const rate = Math.fround(imem / Math.fround(tau * Math.fround(imem + igainMem)));
    const next = Math.max(Math.fround(imem + Math.fround(Math.fround(rate * drive) * ${text.pop(dyn.field + DYN_POP.dt)})), io);
    if (y === ${MID.vint}) { return next; }
    if (next > ${c(DYN.ispkthr)}) { return 1; }
    return 0;
  }`;
}

/**
 * The deliver kernel's DynapSim rows ('' without DynapSim populations): a DynapSim neuron's V
 * (Imem), refractory (timer), current slot 0 (Isyn) and its own three rows; 0 in other slots,
 * and 0 in the three rows for other neurons. `gather(list, acc)` adds list `list`'s delivered
 * weights to `acc` in list order; `flag` is the step's spike flag.
 */
export function dynapsimDeliverRows(
  layout: DeviceLayout,
  text: KernelText,
  gather: (list: string, acc: string) => string,
): string {
  if (!layout.dynapsim) return '';
  const { c, record, isyn, iahp, dyn } = parts(layout, text);
  const next = text.mid(MID.vint, 'j');
  return `
  if (${text.pop(POP.kind)} === ${KIND.dynapsim}) {
    ${record}
    if (y === ${ROW.v}) {
      const imem = ${next};
      if (flag > 0 && imem <= ${FLT_MAX}) { return ${c(DYN.io)}; }
      return imem;
    }
    if (y === ${ROW.refr}) {
      if (flag > 0) { return ${c(DYN.tRef)}; }
      return Math.max(Math.fround(${text.st(ROW.refr, 'j')} - ${text.pop(dyn.field + DYN_POP.dt)}), 0);
    }
    if (y === ${ROW.current(0)}) {
      ${isyn}
      return isyn;
    }
    if (y === ${dyn.iahpRow}) {
      ${iahp}
      return iahp;
    }
    if (y === ${dyn.vmemRow}) {
      return Math.fround(${c(DYN.utk)} * log32(Math.fround(${next} / ${c(DYN.io)})));
    }
    if (y === ${dyn.wsRow}) {
      let ws = 0;${gather('0', 'ws')}
      return ws;
    }
    return 0;
  }
  if (y >= ${dyn.iahpRow} && y <= ${dyn.wsRow}) { return 0; }`;
}
