/**
 * Rockpool's DynapSim defaults (`rockpool/devices/dynapse/lookup/defaults.py`) and the time
 * constants its `evolve` derives from the bias currents.
 */
import type { DynapsimParams } from './document-dynapsim.ts';

/** Rockpool's `default_layout` (the values its `DynapSim` takes: C_syn = C_ampa). */
export const DYNAPSIM_LAYOUT = {
  C_ahp: 40e-12,
  C_syn: 24.5e-12,
  C_pulse_ahp: 0.5e-12,
  C_pulse: 0.5e-12,
  C_ref: 1.5e-12,
  C_mem: 3e-12,
  Io: 5e-13,
  kappa_n: 0.75,
  kappa_p: 0.66,
  Ut: 25e-3,
  Vth: 0.7,
} as const;

/** Rockpool's `default_time_constants`, seconds (the synapse uses AMPA's). */
const TIMES = {
  t_pulse_ahp: 1e-6,
  t_pulse: 10e-6,
  t_ref: 1e-3,
  tau_ahp: 50e-3,
  tau_syn: 10e-3,
  tau_mem: 20e-3,
} as const;

/** Rockpool's `default_gain_ratios` (Igain = ratio * Itau). */
const GAIN_RATIO = { ahp: 1, syn: 100, mem: 4 } as const;

const L = DYNAPSIM_LAYOUT;
const KAPPA = (L.kappa_n + L.kappa_p) / 2;
/** Rockpool's `Itau_lambda`: the leakage current giving a time constant. */
const itauFor = (c: number, tau: number): number => ((L.Ut / KAPPA) * c) / tau;
/** Rockpool's `Ipw_lambda`: the pulse current giving a pulse width. */
const ipwFor = (c: number, t: number): number => (L.Vth * c) / t;

/** `createPopulation('dynapsim')`'s parameters: Rockpool's `default_currents` and layout. */
export function dynapsimDefaults(): DynapsimParams {
  const itauAhp = itauFor(L.C_ahp, TIMES.tau_ahp);
  const itauSyn = itauFor(L.C_syn, TIMES.tau_syn);
  const itauMem = itauFor(L.C_mem, TIMES.tau_mem);
  return {
    Idc: L.Io,
    If_nmda: L.Io,
    Igain_ahp: itauAhp * GAIN_RATIO.ahp,
    Igain_mem: itauMem * GAIN_RATIO.mem,
    Igain_syn: itauSyn * GAIN_RATIO.syn,
    Ipulse_ahp: ipwFor(L.C_pulse_ahp, TIMES.t_pulse_ahp),
    Ipulse: ipwFor(L.C_pulse, TIMES.t_pulse),
    Iref: ipwFor(L.C_ref, TIMES.t_ref),
    Ispkthr: 1e-7,
    Itau_ahp: itauAhp,
    Itau_mem: itauMem,
    Itau_syn: itauSyn,
    Iw_ahp: 5e-13,
    Iscale: 1e-8,
    ...L,
    percent_mismatch: 0,
    mismatch_seed: 0,
  };
}

/** The time constants and pulse widths a parameter set implies, seconds (Rockpool's `evolve`). */
export interface DynapsimTimes {
  tau_mem: number;
  tau_syn: number;
  tau_ahp: number;
  t_pulse: number;
  t_pulse_ahp: number;
  t_ref: number;
}

/**
 * `tau = (Ut / kappa) * C / max(Itau, Io)` with `kappa = (kappa_n + kappa_p) / 2` and
 * `t = Vth * C / Ipulse`, as Rockpool's `evolve` computes them. `tau_mem` is the membrane's
 * time constant at rest (leak `Itau_mem`; with adaptation the leak is `Itau_mem + Iahp`).
 *
 * @example dynapsimTimeConstants(dynapsimDefaults()).tau_mem // 0.02 (20 ms)
 */
export function dynapsimTimeConstants(p: DynapsimParams): DynapsimTimes {
  const kappa = (p.kappa_n + p.kappa_p) / 2;
  const tau = (itau: number, c: number): number => ((p.Ut / kappa) * c) / Math.max(itau, p.Io);
  return {
    tau_mem: tau(p.Itau_mem, p.C_mem),
    tau_syn: tau(p.Itau_syn, p.C_syn),
    tau_ahp: tau(p.Itau_ahp, p.C_ahp),
    t_pulse: (p.Vth * p.C_pulse) / p.Ipulse,
    t_pulse_ahp: (p.Vth * p.C_pulse_ahp) / p.Ipulse_ahp,
    t_ref: (p.Vth * p.C_ref) / p.Iref,
  };
}
