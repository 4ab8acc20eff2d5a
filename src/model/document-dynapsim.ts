/**
 * The DynapSim parts of the network document (see `document.ts`, which re-exports them): a
 * population of DYNAP-SE2 DPI neurons and the DPI synapse that feeds it, as Rockpool's
 * `DynapSim` (synsense/rockpool, `rockpool/devices/dynapse/simulation/dynapsim.py`) models them.
 * Names and units are Rockpool's: currents in amperes, capacitances in farads, volts; only the
 * run's `dt` stays in ms, as everywhere in the document.
 */

/**
 * Bias currents and circuit constants of a DynapSim population. Every neuron starts from these
 * values and, with `percent_mismatch > 0`, draws its own deviated copy of each (Rockpool's frozen
 * mismatch: `p' = p * (1 + percent_mismatch / 3 * N(0, 1))`, independently per neuron and
 * parameter, keyed by `mismatch_seed`).
 *
 * Time constants follow Rockpool: `tau = C * Ut / (kappa * Itau)` with `kappa = (kappa_n +
 * kappa_p) / 2`, and pulse widths `t = Vth * C / Ipulse` (`dynapsimTimeConstants`).
 */
export interface DynapsimParams {
  /** Constant DC current injected into the membrane, A. */
  Idc: number;
  /** NMDA gate soft cut-off current, A. Kept for Rockpool's interface; its DynapSim merges the synapses and does not use it. */
  If_nmda: number;
  /** Gain bias current of the spike-frequency adaptation (AHP) block, A. */
  Igain_ahp: number;
  /** Gain bias current of the membrane, A. */
  Igain_mem: number;
  /** Gain bias current of the (combined AMPA, GABA, NMDA, SHUNT) synapse, A. */
  Igain_syn: number;
  /** Sets the AHP pulse width `t_pulse_ahp = Vth * C_pulse_ahp / Ipulse_ahp`, A. */
  Ipulse_ahp: number;
  /** Sets the synaptic pulse width `t_pulse = Vth * C_pulse / Ipulse`, A. */
  Ipulse: number;
  /** Sets the refractory period `t_ref = Vth * C_ref / Iref`, A. */
  Iref: number;
  /** Spike threshold: a neuron spikes when `Imem > Ispkthr`, A. */
  Ispkthr: number;
  /** AHP leakage current, sets `tau_ahp`, A. */
  Itau_ahp: number;
  /** Membrane leakage current, sets `tau_mem`, A. */
  Itau_mem: number;
  /** Synaptic leakage current, sets `tau_syn`, A. */
  Itau_syn: number;
  /** AHP weight current: the adaptation kick of one spike, A. */
  Iw_ahp: number;
  /** Weight scaling current: a synapse of weight w injects `w * Iscale`, A. */
  Iscale: number;
  /** AHP capacitance, F. */
  C_ahp: number;
  /** Synaptic capacitance, F. */
  C_syn: number;
  /** AHP pulse-width capacitance, F. */
  C_pulse_ahp: number;
  /** Synaptic pulse-width capacitance, F. */
  C_pulse: number;
  /** Refractory-period capacitance, F. */
  C_ref: number;
  /** Membrane capacitance, F. */
  C_mem: number;
  /** Dark current: the floor of every current and the reset value of Imem, A. */
  Io: number;
  /** Subthreshold slope factor of the n-type transistors. */
  kappa_n: number;
  /** Subthreshold slope factor of the p-type transistors. */
  kappa_p: number;
  /** Thermal voltage, V. */
  Ut: number;
  /** Cut-off Vgs of the transistors, V (sets the pulse widths). */
  Vth: number;
  /**
   * Rockpool's `percent_mismatch` as its code uses it: a fraction (0.1 = 10 %), the deviation
   * that about 99.7 % of the draws stay within (sigma = percent_mismatch / 3). 0 = no mismatch.
   */
  percent_mismatch: number;
  /** Unsigned 32-bit seed of the mismatch draws (independent of the run's seed). */
  mismatch_seed: number;
}

/**
 * The DPI synapse into a `dynapsim` population. Rockpool's DynapSim merges AMPA, GABA, NMDA and
 * SHUNT into one DPI synapse current (`Igain_syn`, `Itau_syn`), so there is no type to choose:
 * a spike arriving through a synapse of weight `w` adds `w` to the target's weighted input of
 * the step, which becomes `Iws = sum(w) * Iscale` amperes. The weights are dimensionless
 * (Rockpool's quantized weights: sums of the weight-bit currents divided by Iscale). The
 * steady-state current is clipped below at Io, so a negative weight only cancels positive input
 * of the same step. `weights`, when present, gives one weight per synapse in connection order
 * (sources ascending, then targets ascending; `all_to_all` or `one_to_one` only) and replaces
 * the projection's `weight`.
 */
export interface DpiSynapse {
  kind: 'dpi';
  weights?: number[];
}
