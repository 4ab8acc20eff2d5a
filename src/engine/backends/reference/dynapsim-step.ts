/**
 * Step 2e of CONTEXT.md for `dynapsim` populations: Rockpool's DynapSim forward-Euler step
 * (DPI synapse, AHP adaptation, DPI membrane with positive feedback, threshold, reset,
 * refractory timer), every operation rounded to float32. The weighted input `ws` is filled by
 * the dpi projections in step 5 of the previous step and consumed (zeroed) here.
 */
import { NumericalError } from '../../errors.ts';
import { exp32 } from '../../exp32.ts';
import { log32 } from '../../log32.ts';
import type { Plan } from '../../plan.ts';
import type { DynapsimPlan } from '../../plan-dynapsim.ts';

const f = Math.fround;

export interface DynapsimState {
  plan: DynapsimPlan;
  id: string;
  imem: Float32Array;
  isyn: Float32Array;
  iahp: Float32Array;
  vmem: Float32Array;
  /** Refractory timer, s. */
  timer: Float32Array;
  /** 1 where the neuron spiked at the previous step (it charges the AHP this step). */
  spiked: Uint8Array;
  /** Sum of the weights of the spikes arriving for the next step (dimensionless). */
  ws: Float32Array;
}

/** The state of each population that is a DynapSim population (undefined for the others). */
export function allocateDynapsim(plan: Plan): (DynapsimState | undefined)[] {
  return plan.populations.map((p) => {
    if (p.model.model !== 'dynapsim') return undefined;
    const state: DynapsimState = {
      plan: p.model,
      id: p.id,
      imem: new Float32Array(p.size),
      isyn: new Float32Array(p.size),
      iahp: new Float32Array(p.size),
      vmem: new Float32Array(p.size),
      timer: new Float32Array(p.size),
      spiked: new Uint8Array(p.size),
      ws: new Float32Array(p.size),
    };
    resetOne(state);
    return state;
  });
}

/** Back to step 0: Imem = Isyn = Iahp = Io (nominal), Vmem = 0, no timer, no input. */
export function resetDynapsim(states: readonly (DynapsimState | undefined)[]): void {
  for (const s of states) if (s) resetOne(s);
}

function resetOne(s: DynapsimState): void {
  s.imem.fill(s.plan.io0);
  s.isyn.fill(s.plan.io0);
  s.iahp.fill(s.plan.io0);
  s.vmem.fill(0);
  s.timer.fill(0);
  s.spiked.fill(0);
  s.ws.fill(0);
}

/**
 * Integrates every neuron for step t and writes the indices of those that spike into `spikes`;
 * returns their count. A non-finite Imem stops the run with NumericalError.
 */
export function integrateDynapsim(s: DynapsimState, t: number, spikes: Uint32Array): number {
  const p = s.plan;
  const dt = p.dt;
  let count = 0;
  for (let j = 0; j < s.imem.length; j++) {
    const io = p.io[j] as number;
    // DPI synapse: discharge, then charge towards the steady state of this step's input.
    const ws = s.ws[j] as number;
    s.ws[j] = 0;
    const synInf = Math.max(io, f((p.synGain[j] as number) * ws));
    let isyn = f((p.synDecay[j] as number) * (s.isyn[j] as number));
    isyn = f(isyn + f((p.synCharge[j] as number) * synInf));
    // AHP: discharge, charge by the previous step's spike, floor at Io.
    let iahp = f((p.ahpDecay[j] as number) * (s.iahp[j] as number));
    if (s.spiked[j]) iahp = f(iahp + (p.ahpKick[j] as number));
    iahp = Math.max(iahp, io);
    // Membrane.
    const imem = s.imem[j] as number;
    const itauMem = p.itauMem[j] as number;
    const igainMem = p.igainMem[j] as number;
    const feedback = exp32(f((p.fbSlope[j] as number) * (s.vmem[j] as number)));
    const ileak = f(itauMem + iahp);
    let iin = f(f(isyn - ileak) + (p.idc[j] as number));
    if ((s.timer[j] as number) > 0) iin = 0;
    iin = Math.max(iin, io);
    const iinf = f((p.memGain[j] as number) * f(iin - ileak));
    const fImem = f(f(f(io * feedback) / ileak) * f(imem + igainMem));
    const tau = f((p.memTauFactor[j] as number) / ileak);
    const drive = f(f(iinf + fImem) - f(imem * f(1 + f(iahp / itauMem))));
    const rate = f(imem / f(tau * f(imem + igainMem)));
    let next = Math.max(f(imem + f(f(rate * drive) * dt)), io);
    if (!Number.isFinite(next)) throw new NumericalError(s.id, t, j, 'Imem', next);
    // The engine's float32 log, not Math.log: the wasm port must give the same last bits.
    s.vmem[j] = f((p.utk[j] as number) * log32(f(next / io)));
    let timer = Math.max(f((s.timer[j] as number) - dt), 0);
    const spiked = next > (p.ispkthr[j] as number);
    if (spiked) {
      next = io;
      timer = p.tRef[j] as number;
      spikes[count++] = j;
    }
    s.spiked[j] = spiked ? 1 : 0;
    s.timer[j] = timer;
    s.imem[j] = next;
    s.isyn[j] = isyn;
    s.iahp[j] = iahp;
  }
  return count;
}
