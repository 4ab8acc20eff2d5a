/** The reference backend's state: plain typed arrays built from a plan. */
import type { LifPlan, Plan, PopulationPlan, ScDensePlan } from '../../plan.ts';
import { allocateSc, type ScState } from './sc-step.ts';
import { allocateClassic, resetClassicState, type ClassicState } from './classic-step.ts';
import { SpikeHistory } from './spike-history.ts';
import { allocateFixedLif, resetFixedLif, type FixedLifState } from './fixed-lif.ts';
import { allocateNir, resetNir, type NirState } from './nir-step.ts';

export interface LifState {
  /** A `stochastic_lif` population, or the LIF neurons of an `sc_dense` layer. */
  plan: LifPlan | ScDensePlan;
  v: Float32Array;
  refr: Int32Array;
  /** Input current of the step (scratch). */
  current: Float32Array;
}

export interface PopulationState {
  plan: PopulationPlan;
  /** Present for populations that integrate: `stochastic_lif` and `sc_dense`. */
  lif: LifState | undefined;
  /** Present for `sc_dense` layers only. */
  sc: ScState | undefined;
  /** Present for `izhikevich` and `adex` populations. */
  classic: ClassicState | undefined;
  /** Present for `fixed_point_lif` populations (step 2f). */
  fixed: FixedLifState | undefined;
  /** Present for `nir_neuron` populations (step 2g). */
  nir: NirState | undefined;
  history: SpikeHistory;
}

export interface ReferenceState {
  populations: PopulationState[];
  /** `Plan.channels[c]` current per target neuron. */
  currents: Float32Array[];
}

/** Allocates the state of every population and channel, already at step 0. */
export function allocateState(plan: Plan): ReferenceState {
  const depth = new Array<number>(plan.populations.length).fill(1);
  const flagged = new Array<boolean>(plan.populations.length).fill(false);
  for (const pr of plan.projections) {
    depth[pr.source] = Math.max(depth[pr.source] ?? 1, pr.maxDelay + 1);
    if (pr.csr.delays instanceof Uint8Array) flagged[pr.source] = true;
  }
  // Step 5b reads a Loihi source's spikes of step t-1 (sc-step.ts `updateRatesFrom`).
  for (const p of plan.populations) {
    const m = p.model;
    if (m.model !== 'sc_dense' || m.inputs.kind !== 'rates') continue;
    const s = m.inputs.source;
    if (plan.populations[s]?.model.model === 'loihi') depth[s] = Math.max(depth[s] ?? 1, 2);
  }
  const populations = plan.populations.map((p, i): PopulationState => {
    const m = p.model;
    const integrates = m.model === 'stochastic_lif' || m.model === 'sc_dense';
    return {
      plan: p,
      lif: integrates ? allocateLif(m, p.size) : undefined,
      // A fixed-point SC layer (step 1b integer) keeps its SC state beside its integer LIF.
      sc:
        m.model === 'sc_dense'
          ? allocateSc(m)
          : m.model === 'fixed_point_lif' && m.sc
            ? allocateSc(m.sc)
            : undefined,
      classic:
        m.model === 'izhikevich' || m.model === 'adex' ? allocateClassic(m, p.size) : undefined,
      fixed: m.model === 'fixed_point_lif' ? allocateFixedLif(m) : undefined,
      nir: m.model === 'nir_neuron' ? allocateNir(m) : undefined,
      history: new SpikeHistory(p.size, depth[i] ?? 1, flagged[i] ?? false),
    };
  });
  const currents = plan.channels.map(
    (c) => new Float32Array(plan.populations[c.target]?.size ?? 0),
  );
  return { populations, currents };
}

function allocateLif(plan: LifPlan | ScDensePlan, size: number): LifState {
  return {
    plan,
    v: Float32Array.from(plan.vInit),
    refr: new Int32Array(size),
    current: new Float32Array(size),
  };
}

/** Back to step 0: initial V, no refractory neurons, no current, no rates, no spike history. */
export function resetState(state: ReferenceState): void {
  for (const p of state.populations) {
    if (p.lif) {
      p.lif.v.set(p.lif.plan.vInit);
      p.lif.refr.fill(0);
    }
    if (p.classic) resetClassicState(p.classic);
    if (p.fixed) resetFixedLif(p.fixed);
    if (p.nir) resetNir(p.nir);
    if (p.sc) {
      p.sc.rates.fill(0);
      p.sc.current = 0;
    }
    p.history.clear();
  }
  for (const c of state.currents) c.fill(0);
}
