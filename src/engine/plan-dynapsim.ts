/**
 * The compiled form of a `dynapsim` population (re-exported by `plan.ts`): per-neuron float32
 * constants after mismatch, derived as Rockpool's DynapSim `evolve` derives them. The step is
 * CONTEXT.md's step 2e; times here are in seconds, as in Rockpool.
 */
export interface DynapsimPlan {
  model: 'dynapsim';
  /** The step, s (float32 of the run's dt / 1000). */
  dt: number;
  /** Nominal dark current, A: the initial Imem, Isyn and Iahp (Rockpool's states start at Io). */
  io0: number;
  /** Per-neuron constants, each a Float32Array of the population's size. */
  io: Float32Array;
  /** exp(-dt / tau_syn) */
  synDecay: Float32Array;
  /** 1 - exp(-t_pulse / tau_syn) */
  synCharge: Float32Array;
  /** max(Igain_syn, Io) / max(Itau_syn, Io) * Iscale: steady-state current per unit weight. */
  synGain: Float32Array;
  /** exp(-dt / tau_ahp) */
  ahpDecay: Float32Array;
  /** (1 - exp(-t_pulse_ahp / tau_ahp)) * max(Igain_ahp, Io) / max(Itau_ahp, Io) * Iw_ahp */
  ahpKick: Float32Array;
  /** max(Itau_mem, Io) */
  itauMem: Float32Array;
  /** max(Igain_mem, Io) */
  igainMem: Float32Array;
  /** max(Igain_mem, Io) / max(Itau_mem, Io) */
  memGain: Float32Array;
  idc: Float32Array;
  /** kappa^2 / (kappa + 1) / Ut: positive feedback exponent per volt of Vmem. */
  fbSlope: Float32Array;
  /** Ut / kappa * C_mem: tau_mem = memTauFactor / Ileak. */
  memTauFactor: Float32Array;
  /** Ut / kappa */
  utk: Float32Array;
  ispkthr: Float32Array;
  /** Vth * C_ref / Iref, s. */
  tRef: Float32Array;
}
