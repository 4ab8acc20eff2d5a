/**
 * The reference backend: CONTEXT.md's step, operation by operation, on plain typed arrays.
 * It is the oracle of the other backends and the fallback where nothing faster runs.
 */
import type { Chunk } from '../../api.ts';
import type { Plan } from '../../plan.ts';
import type { StateVariable } from '../../../model/document.ts';
import { ChunkBuilder } from '../../record/chunk-builder.ts';
import type { BackendRunner } from '../backend.ts';
import { checkFinite } from './check.ts';
import { deliverProjection } from './deliver.ts';
import { externalCurrent, gatherAndDecay, integrateLif, resetLif } from './lif-step.ts';
import { advanceLoihi, allocateLoihi, resetLoihi, type LoihiState } from './loihi-step.ts';
import {
  allocateLearning,
  readSynapse,
  resetLearning,
  type LearningState,
} from './loihi-learning.ts';
import {
  allocateDynapsim,
  integrateDynapsim,
  resetDynapsim,
  type DynapsimState,
} from './dynapsim-step.ts';
import { scCurrent, updateRatesFrom } from './sc-step.ts';
import { integrateClassic, resetClassic } from './classic-step.ts';
import { generatorSpikes, poissonSpikes } from './source-step.ts';
import {
  allocatePlasticity,
  readPlasticSynapse,
  resetPlasticity,
  type PlasticState,
} from './plasticity-state.ts';
import { applyPlasticity } from './plasticity-rules.ts';
import { advanceStp, deliverWithRelease } from './plasticity-stp.ts';
import { allocateState, resetState, type ReferenceState } from './state.ts';
import { advanceFixedLif, deliverFixed, fixedExternal } from './fixed-lif.ts';
import { integrateNir, resetNirSpikers } from './nir-step.ts';

const f = Math.fround;

export class ReferenceRunner implements BackendRunner {
  readonly name = 'reference' as const;
  private step = 0;
  private readonly state: ReferenceState;
  /** Channel arrays of each population, in the population's channel order. */
  private readonly channelsOf: Float32Array[][];
  /** Their decay factors, same order. */
  private readonly decaysOf: number[][];
  /** Channels into populations that do not integrate (no LIF state), decayed on their own. */
  private readonly idleChannels: number[];
  /** Spikes of each population in the step being advanced. */
  private readonly counts: Int32Array;
  /** Destination array of each projection: target V (delta) or channel current. */
  private readonly destinations: (Float32Array | undefined)[];
  /** Loihi populations' state (step 5c), by population index. */
  private readonly loihi: (LoihiState | undefined)[];
  /** DynapSim populations' state (step 2e), by population index. */
  private readonly dynapsim: (DynapsimState | undefined)[];
  /** Loihi learning state (step 5d), by projection index. */
  private readonly learning: (LearningState | undefined)[];
  /** Classic plasticity state (steps 3b, 5e, 5f), by projection index. */
  private readonly plastic: (PlasticState | undefined)[];

  constructor(private readonly plan: Plan) {
    this.state = allocateState(plan);
    this.loihi = allocateLoihi(plan);
    this.dynapsim = allocateDynapsim(plan);
    this.learning = allocateLearning(plan);
    this.plastic = allocatePlasticity(plan);
    this.counts = new Int32Array(plan.populations.length);
    this.channelsOf = plan.populations.map((p) =>
      p.channels.flatMap((c) => this.state.currents[c] ?? []),
    );
    // A fixed-point population's channels decay by their integer multipliers (step 2f).
    this.decaysOf = plan.populations.map((p) =>
      p.channels.map((c) => {
        const channel = plan.channels[c];
        return (p.model.model === 'fixed_point_lif' ? channel?.fixedDecay : channel?.decay) ?? 0;
      }),
    );
    this.idleChannels = plan.channels.flatMap((c, i) => {
      const target = this.state.populations[c.target];
      return target?.lif || target?.classic || target?.fixed || target?.nir ? [] : [i];
    });
    this.destinations = plan.projections.map((pr) =>
      pr.destination.kind === 'delta'
        ? (this.state.populations[pr.target]?.lif?.v ??
          this.state.populations[pr.target]?.classic?.v ??
          this.dynapsim[pr.target]?.ws)
        : this.state.currents[pr.destination.channel],
    );
  }

  get currentStep(): number {
    return this.step;
  }

  run(n: number): Promise<Chunk> {
    try {
      return Promise.resolve(this.runSync(n));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** `run` without the promise, for Node callers that want the exception directly. */
  runSync(n: number): Chunk {
    const builder = new ChunkBuilder(this.plan, this.step, n);
    let recordMs = 0;
    const start = performance.now();
    for (let k = 0; k < n; k++) {
      const t = this.step;
      this.advance(t);
      this.step = t + 1;
      const r0 = performance.now();
      this.record(builder, t);
      recordMs += performance.now() - r0;
    }
    return builder.finish(performance.now() - start - recordMs, n);
  }

  reset(): Promise<void> {
    resetState(this.state);
    resetLoihi(this.loihi);
    resetDynapsim(this.dynapsim);
    resetLearning(this.learning);
    resetPlasticity(this.plastic);
    this.step = 0;
    return Promise.resolve();
  }

  learnedWeights(projection: number): Promise<Float32Array> {
    const weights = this.plastic[projection]?.weights;
    if (weights === undefined) {
      const id = this.plan.projections[projection]?.id ?? String(projection);
      return Promise.reject(
        new Error(`projection '${id}' has no weight rule or structural plasticity`),
      );
    }
    return Promise.resolve(Float32Array.from(weights));
  }

  /** Nothing to copy: every step reads its constants from the plan (live/apply-plan.ts). */
  applyLive(): Promise<void> {
    return Promise.resolve();
  }

  dispose(): void {
    // Plain typed arrays: the garbage collector frees them once the runner is dropped.
  }

  /**
   * Steps 1-7 of CONTEXT.md for absolute step t. Step 4 (decay) is fused into step 1's read of
   * the currents; the full scan of step 7 runs only when a new value came out non-finite.
   * SC layers take their current from step 1b and update their rates traces in step 5b.
   */
  private advance(t: number): void {
    const { plan, state, counts } = this;
    let suspect = false;
    // Steps 1-4: integrate LIF populations (decaying their currents) and draw source spikes
    // into the history slot of t.
    for (let i = 0; i < state.populations.length; i++) {
      const p = state.populations[i];
      if (!p) continue;
      const spikes = p.history.begin(t);
      const model = p.plan.model;
      let count = 0;
      switch (model.model) {
        case 'stochastic_lif':
        case 'sc_dense': {
          const lif = p.lif;
          if (!lif) break;
          let ext = externalCurrent(p.plan, model.bias, t);
          // Step 1b: I = ext + Isc (validation leaves an SC layer no channels to add).
          if (p.sc) ext = f(ext + scCurrent(p.sc, t));
          gatherAndDecay(lif, ext, this.channelsOf[i] ?? [], this.decaysOf[i] ?? []);
          count = integrateLif(lif, t, plan.gaussTable, spikes);
          if (count < 0) {
            suspect = true;
            count = -count - 1;
          }
          break;
        }
        case 'izhikevich':
        case 'adex': {
          // Steps 1, 2c/2d: the LIF's input current, then the model's own integration.
          const classic = p.classic;
          if (!classic) break;
          const ext = externalCurrent(p.plan, model.bias, t);
          gatherAndDecay(classic, ext, this.channelsOf[i] ?? [], this.decaysOf[i] ?? []);
          count = integrateClassic(classic, t, plan.gaussTable, spikes);
          if (count < 0) {
            suspect = true;
            count = -count - 1;
          }
          break;
        }
        case 'fixed_point_lif': {
          // Steps 1, 2f, 4 and 6 in integers (fixed-lif.ts).
          const fixed = p.fixed;
          if (!fixed) break;
          // Step 1b integer: an SC layer's integer current joins ext (it has no channels).
          let ext = fixedExternal(p.plan, model.bias, t);
          if (p.sc) ext += scCurrent(p.sc, t);
          const channels = this.channelsOf[i] ?? [];
          count = advanceFixedLif(fixed, ext, channels, this.decaysOf[i] ?? [], spikes);
          break;
        }
        case 'nir_neuron': {
          // Steps 1, 2g and 4 (nir-step.ts); the reset is step 6 below.
          const nir = p.nir;
          if (!nir) break;
          const ext = externalCurrent(p.plan, 0, t);
          count = integrateNir(nir, ext, this.channelsOf[i] ?? [], this.decaysOf[i] ?? [], spikes);
          if (count < 0) {
            suspect = true;
            count = -count - 1;
          }
          break;
        }
        case 'poisson':
          count = poissonSpikes(model, p.plan.size, t, spikes);
          break;
        case 'spike_generator':
          count = generatorSpikes(model, t, spikes);
          break;
        case 'loihi':
          // Steps after delivery (5c), which commits its spikes of step t.
          break;
        case 'dynapsim': {
          // Step 2e: consumes the weighted input delivered during the previous step.
          const dyn = this.dynapsim[i];
          if (dyn) count = integrateDynapsim(dyn, t, spikes);
          break;
        }
        default: {
          const unknown: never = model;
          throw new Error(`reference backend: unknown model ${JSON.stringify(unknown)}`);
        }
      }
      p.history.commit(t, count);
      counts[i] = count;
    }
    for (const c of this.idleChannels) {
      const current = state.currents[c];
      const decay = plan.channels[c]?.decay ?? 0;
      if (current)
        for (let j = 0; j < current.length; j++) current[j] = f((current[j] as number) * decay);
    }
    // Step 3b: STP release of this step's source spikes.
    for (let k = 0; k < plan.projections.length; k++) {
      const stp = this.plastic[k]?.stp;
      const source = stp && state.populations[plan.projections[k]?.source ?? -1];
      if (stp && source) advanceStp(stp, source.history, t);
    }
    // Step 5: deliver, projections in document order.
    for (let k = 0; k < plan.projections.length; k++) {
      const pr = plan.projections[k];
      const source = pr && state.populations[pr.source];
      const dest = this.destinations[k];
      if (!pr || !source || !dest) continue;
      const fixedTarget = state.populations[pr.target]?.fixed;
      if (fixedTarget) {
        // Saturating integer delivery (step 2f); online_o1 (the one rule validation allows onto
        // a fixed-point target) delivers its current integer weights.
        const learned = this.plastic[k]?.weights;
        deliverFixed(pr, source.history, t, dest, fixedTarget.plan.totalBits, learned);
        continue;
      }
      const plastic = this.plastic[k];
      const weights = plastic?.weights ?? pr.csr.weights;
      const ok = plastic?.stp
        ? deliverWithRelease(pr, weights, plastic.stp.release, source.history, t, dest)
        : deliverProjection(pr, source.history, t, dest, weights);
      if (!ok) suspect = true;
    }
    // Step 5b: SC rates traces read the spikes of step t of their source population (of step
    // t-1 for a Loihi source, whose spikes of step t come in step 5c).
    for (const p of state.populations) {
      if (p.sc?.plan.inputs.kind !== 'rates') continue;
      const index = p.sc.plan.inputs.source;
      const source = state.populations[index];
      if (source) updateRatesFrom(p.sc, source.history, t, this.loihi[index] !== undefined);
    }
    // Step 5c: Loihi populations take this step's input, integrate, threshold and reset.
    advanceLoihi(plan, this.loihi, state.populations, this.learning, t);
    // Steps 5e and 5f: weight rules and structural plasticity of classic projections.
    applyPlasticity(this.plastic, (i) => state.populations[i]?.history, t);
    // Step 6: reset the LIF neurons that spiked at t.
    for (let i = 0; i < state.populations.length; i++) {
      const p = state.populations[i];
      if (p?.lif) resetLif(p.lif, p.history.list(t), counts[i] ?? 0);
      if (p?.classic) resetClassic(p.classic, p.history.list(t), counts[i] ?? 0);
      if (p?.nir) resetNirSpikers(p.nir, p.history.list(t), counts[i] ?? 0);
    }
    // Step 7: decay and reset cannot create a non-finite value from finite ones.
    if (suspect) checkFinite(plan, state, t);
  }

  /** Step 8: spikes, counts, state and synapse samples of step t. */
  private record(builder: ChunkBuilder, t: number): void {
    const { state } = this;
    for (let i = 0; i < state.populations.length; i++) {
      const p = state.populations[i];
      if (p && builder.wantsSpikes(i))
        builder.addSpikes(i, t, p.history.list(t), p.history.count(t));
    }
    if (builder.stateProbes.length > 0)
      builder.sampleState(t, (pop, variable, j) => this.read(pop, variable, j));
    if (builder.synapseProbes.length > 0) {
      builder.sampleSynapses(t, (projection, variable, e) => {
        const s = this.learning[projection];
        if (s) return readSynapse(s, variable, e);
        const p = this.plastic[projection];
        return p ? readPlasticSynapse(p, variable, e) : 0;
      });
    }
  }

  private read(population: number, variable: StateVariable, j: number): number {
    const p = this.state.populations[population];
    if (!p) return 0;
    const loihi = this.loihi[population];
    if (loihi) return variable === 'v' ? (loihi.v[j] ?? 0) : (loihi.iSampled[j] ?? 0);
    // DynapSim: v records Imem (A), i_syn the DPI synapse current Isyn (A).
    const dyn = this.dynapsim[population];
    if (dyn) return variable === 'v' ? (dyn.imem[j] ?? 0) : (dyn.isyn[j] ?? 0);
    // nir_neuron: v is V, i_syn is S (Cuba types) or the step's input u (step 2g).
    if (p.nir) return variable === 'v' ? (p.nir.v[j] ?? 0) : (p.nir.s[j] ?? 0);
    if (p.fixed) {
      if (variable === 'v') return p.fixed.v[j] ?? 0;
      // A fixed-point SC layer's i_syn is its integer SC current of the step.
      return p.sc ? p.sc.current : this.fixedCurrent(population, j);
    }
    switch (variable) {
      case 'v':
        return p.lif?.v[j] ?? p.classic?.v[j] ?? 0;
      case 'u':
      case 'w':
        // Validation allows these on izhikevich (u) and adex (w) populations only.
        return p.classic?.w[j] ?? 0;
      case 'i_syn': {
        // An SC layer's synaptic current is the SC current of the step (step 8).
        if (p.sc) return p.sc.current;
        let sum = 0;
        for (const ic of this.channelsOf[population] ?? []) sum = f(sum + (ic[j] ?? 0));
        return sum;
      }
    }
  }

  /** A fixed-point population's `i_syn`: the exact integer sum of its channels (step 2f). */
  private fixedCurrent(population: number, j: number): number {
    let sum = 0;
    for (const ic of this.channelsOf[population] ?? []) sum += ic[j] ?? 0;
    return sum;
  }
}
