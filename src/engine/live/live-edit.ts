/**
 * A live change as the backends see it: a parameter of the plan, already converted the way
 * `compile` converts the document's value (float32 rounding, Poisson's 24-bit threshold), with
 * the indices that locate it. `resolveLive` (resolve.ts) builds one from a document path.
 */
export type LiveEdit =
  /** Amplitude of stimulus `stimulus` (its position in `PopulationPlan.stimuli`). */
  | { kind: 'stimulus'; population: number; stimulus: number; amplitude: number }
  /** Constant input current of a LIF, Izhikevich or AdEx population. */
  | { kind: 'bias'; population: number; value: number }
  /** Membrane noise (`noiseStd`) of a LIF, Izhikevich or AdEx population. */
  | { kind: 'noise'; population: number; value: number }
  /** `vThreshold` of a `stochastic_lif` population. */
  | { kind: 'threshold'; population: number; value: number }
  /** A Poisson population's per-step spike threshold (`PoissonPlan.threshold24`). */
  | { kind: 'rate'; population: number; threshold24: number }
  /** The constant weight of a projection with shared weights and no plasticity. */
  | { kind: 'weight'; projection: number; value: number };

/** Whether a backend can apply the edit through its per-step host inputs alone. */
export function changesHostInputOnly(edit: LiveEdit): boolean {
  return edit.kind === 'stimulus' || edit.kind === 'bias';
}
