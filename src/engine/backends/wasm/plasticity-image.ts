/**
 * Host side of classic plasticity in the wasm kernel (CONTEXT.md steps 3b, 5e, 5f): per-synapse
 * weights and rule state in the state block (so snapshots and `reset` cover them), short-term
 * plasticity's per-source x, u and release ring, one rule descriptor per projection with a weight
 * rule (`assembly/plasticity-rules.ts`), and the classic synapse probe table.
 */
import type { Plan, ProjectionPlan } from '../../plan.ts';
import type { PlasticityPlan } from '../../plan-plasticity.ts';
import { onlineO1Bounds } from '../../learning/online-o1-config.ts';
import { padded, type Arena } from './arena.ts';
import { CS, CSAMP_BYTES, J, PL, RULE_CODE } from './layout.ts';
import type { SynapseSample } from './learning-image.ts';

/** Addresses of one plastic projection's state (0 where it has none). */
export interface PlasticState {
  /** The weights step 5 delivers, when a rule or structural plasticity changes them. */
  weights: number;
  /** stdp/rstdp apre, apost, c (f32); online_o1 pre, post, elig (i32); per synapse. */
  a: number;
  b: number;
  c: number;
  /** online_o1's integer weights (i32 per synapse). */
  iw: number;
  /** rstdp's reward trace (one f32). */
  r: number;
  /** homeostatic: spike count (i32) and rate estimate (f32) per target neuron. */
  counts: number;
  estimates: number;
  /** Short-term plasticity: x, u per source and the release ring. */
  x: number;
  u: number;
  release: number;
  /** Event-driven stdp's dirty flag (`PL_DIRTY`). */
  dirty: number;
  /** apost per target (and apre per source, or a ring of them: `isRingStdp`). */
  perNeuronTraces: boolean;
}

/** Constant tables of an event-driven stdp projection (outside the state block). */
export interface EventTables {
  /** The targets' apost after this step's decay (scratch, f32 per target). */
  bdec: number;
  /** The synapses by target: column pointers, synapse index and source of each. */
  colPtr: number;
  cscE: number;
  cscS: number;
  /** PL_FAST: 1 shared traces (one delay), 2 ring stdp (per-synapse delays); PL_RING. */
  mode: number;
  ring: number;
  /** online_o1: the sources' pre traces of the step before (scratch). */
  aold: number;
}

/**
 * Whether stdp, rstdp or online_o1 keeps one pre trace per source and one post trace per
 * target: with one delay for every synapse, all synapses of a source share the first and all
 * into a target the second (assembly/plasticity-stdp-events.ts, plasticity-o1-shared.ts).
 */
export function sharesTraces(pr: ProjectionPlan): boolean {
  const rule = pr.plasticity?.rule?.rule;
  const paired = rule === 'stdp' || rule === 'rstdp' || rule === 'online_o1';
  return paired && !(pr.csr.delays instanceof Uint8Array);
}

/** Whether stdp runs event-driven: shared traces, synapses by target, a dirty flag. */
export function isEventStdp(pr: ProjectionPlan): boolean {
  return sharesTraces(pr) && pr.plasticity?.rule?.rule === 'stdp';
}

/**
 * Whether stdp with per-synapse delays runs event-driven on a ring of delay-0 apre per source
 * (assembly/plasticity-stdp-delays.ts). A `pre_trace` probe on it keeps the per-synapse
 * traces, since a synapse's apre then lives at a different address every step.
 */
export function isRingStdp(plan: Plan, pr: ProjectionPlan): boolean {
  if (pr.plasticity?.rule?.rule !== 'stdp' || !(pr.csr.delays instanceof Uint8Array)) return false;
  const k = plan.projections.indexOf(pr);
  return !plan.probes.some(
    (p) => p.kind === 'synapse' && p.projection === k && p.variable === 'pre_trace',
  );
}

/** Whether the projection's weights change while it runs (so they are state). */
export function hasPlasticWeights(p: PlasticityPlan | undefined): boolean {
  return p?.rule !== undefined || p?.structural !== undefined;
}

/** Allocates a plastic projection's state (call while the arena is inside the state block). */
export function allocatePlasticState(arena: Arena, plan: Plan, pr: ProjectionPlan): PlasticState {
  const p = pr.plasticity;
  const count = pr.csr.targets.length;
  const rule = p?.rule?.rule;
  const sources = padded(plan.populations[pr.source]?.size ?? 0);
  const targets = padded(plan.populations[pr.target]?.size ?? 0);
  const perSynapse = (on: boolean): number => (on ? arena.alloc(4 * count) : 0);
  const traced = rule === 'stdp' || rule === 'rstdp' || rule === 'online_o1';
  const events = isEventStdp(pr);
  const shared = sharesTraces(pr);
  const ring = isRingStdp(plan, pr);
  const perNeuron = shared || ring;
  return {
    weights: perSynapse(hasPlasticWeights(p)),
    a: ring
      ? arena.alloc(4 * sources * (pr.maxDelay + 1))
      : shared
        ? arena.alloc(4 * sources)
        : perSynapse(traced),
    b: perNeuron ? arena.alloc(4 * targets) : perSynapse(traced),
    // online_o1 with shared traces decays its eligibility four synapses at a time.
    c:
      rule === 'online_o1' && shared
        ? arena.alloc(4 * Math.ceil(count / 4) * 4)
        : perSynapse(rule === 'rstdp' || rule === 'online_o1'),
    iw: perSynapse(rule === 'online_o1'),
    r: rule === 'rstdp' ? arena.alloc(16) : 0,
    counts: rule === 'homeostatic' ? arena.alloc(4 * targets) : 0,
    estimates: rule === 'homeostatic' ? arena.alloc(4 * targets) : 0,
    x: p?.stp ? arena.alloc(4 * sources) : 0,
    u: p?.stp ? arena.alloc(4 * sources) : 0,
    release: p?.stp ? arena.alloc(4 * sources * (pr.maxDelay + 1)) : 0,
    dirty: events || ring ? arena.alloc(16) : 0,
    perNeuronTraces: perNeuron,
  };
}

/**
 * Allocates the tables of a projection with shared traces: the decayed apost, and for
 * event-driven stdp the synapses by target (undefined for other projections).
 */
export function allocateEventTables(
  arena: Arena,
  plan: Plan,
  pr: ProjectionPlan,
): EventTables | undefined {
  const ring = isRingStdp(plan, pr);
  if (!sharesTraces(pr) && !ring) return undefined;
  const targets = plan.populations[pr.target]?.size ?? 0;
  const online = pr.plasticity?.rule?.rule === 'online_o1';
  // Every rule with per-neuron traces finds its post events by target.
  const count = pr.csr.targets.length;
  const sources = plan.populations[pr.source]?.size ?? 0;
  return {
    aold: online ? arena.alloc(4 * padded(sources)) : 0,
    bdec: arena.alloc(4 * padded(targets)),
    colPtr: arena.alloc(4 * (targets + 1)),
    cscE: arena.alloc(4 * count),
    cscS: arena.alloc(4 * count),
    mode: ring ? 2 : 1,
    ring: pr.maxDelay + 1,
  };
}

/** Writes the synapses of `pr` by target (a counting sort, synapses ascending per target). */
export function writeEventTables(
  plan: Plan,
  pr: ProjectionPlan,
  t: EventTables,
  buffer: ArrayBuffer,
): void {
  if (t.colPtr === 0) return;
  const n = plan.populations[pr.target]?.size ?? 0;
  const { rowPtr, targets } = pr.csr;
  const colPtr = new Uint32Array(buffer, t.colPtr, n + 1);
  const cscE = new Uint32Array(buffer, t.cscE, targets.length);
  const cscS = new Uint32Array(buffer, t.cscS, targets.length);
  colPtr.fill(0);
  for (const j of targets) colPtr[j + 1] = (colPtr[j + 1] ?? 0) + 1;
  for (let j = 0; j < n; j++) colPtr[j + 1] = (colPtr[j + 1] ?? 0) + (colPtr[j] ?? 0);
  const next = colPtr.slice(0, n);
  for (let s = 0; s + 1 < rowPtr.length; s++) {
    for (let e = rowPtr[s] ?? 0; e < (rowPtr[s + 1] ?? 0); e++) {
      const j = targets[e] ?? 0;
      const k = next[j] ?? 0;
      next[j] = k + 1;
      cscE[k] = e;
      cscS[k] = s;
    }
  }
}

/**
 * Bytes per synapse of a plastic projection besides its connectivity: the weights, then apre and
 * apost per synapse (stdp, rstdp with per-synapse delays) or, with traces per neuron, the
 * synapses by target (index and source: the same 8 bytes), c (rstdp), and online_o1's four
 * integers (its weight, eligibility and, shared or not, 8 more).
 */
export function plasticBytesPerSynapse(pr: ProjectionPlan): number {
  const p = pr.plasticity;
  const rule = p?.rule?.rule;
  // Per-synapse traces, or with shared traces the synapses by target (index and source).
  const traces = rule === 'stdp' || rule === 'rstdp' ? 2 : 0;
  const words =
    (hasPlasticWeights(p) ? 1 : 0) + traces + (rule === 'rstdp' ? 1 : rule === 'online_o1' ? 4 : 0);
  return 4 * words;
}

/** Step 0: the compile's weights, traces 0, x = 1, u = U, estimates -1 (none yet). */
export function writePlasticInitial(
  plan: Plan,
  pr: ProjectionPlan,
  state: PlasticState,
  buffer: ArrayBuffer,
): void {
  const p = pr.plasticity;
  if (!p) return;
  const count = pr.csr.targets.length;
  const { weights } = pr.csr;
  if (state.weights !== 0) {
    const w = new Float32Array(buffer, state.weights, count);
    if (weights instanceof Float32Array) w.set(weights);
    else w.fill(weights.constant);
  }
  if (p.rule?.rule === 'online_o1') {
    new Int32Array(buffer, state.iw, count).set(p.rule.initialWeights.subarray(0, count));
  }
  if (state.estimates !== 0) {
    new Float32Array(buffer, state.estimates, sizeOf(plan, pr.target)).fill(-1);
  }
  // The first step of event-driven stdp clips every weight, as the reference's loop does.
  if (state.dirty !== 0) new Int32Array(buffer, state.dirty, 1)[0] = 1;
  if (p.stp) {
    const n = sizeOf(plan, pr.source);
    new Float32Array(buffer, state.x, n).fill(1);
    new Float32Array(buffer, state.u, n).fill(p.stp.U);
  }
}

function sizeOf(plan: Plan, population: number): number {
  return plan.populations[population]?.size ?? 0;
}

/** Writes the short-term plasticity fields of projection descriptor `d` (J_REL etc.). */
export function writeStpFields(view: DataView, d: number, pr: ProjectionPlan, s: PlasticState) {
  const stp = pr.plasticity?.stp;
  if (!stp) return;
  view.setInt32(d + J.release, s.release, true);
  view.setInt32(d + J.releaseSlots, pr.maxDelay + 1, true);
  view.setInt32(d + J.x, s.x, true);
  view.setInt32(d + J.u, s.u, true);
  view.setFloat32(d + J.U, stp.U, true);
  view.setFloat32(d + J.kd, stp.kd, true);
  view.setFloat32(d + J.kf, stp.kf, true);
}

/** Writes the rule descriptor at `d` of projection `index` (descriptor `jd`). */
export function writeRuleDescriptor(
  view: DataView,
  d: number,
  jd: number,
  index: number,
  pr: ProjectionPlan,
  s: PlasticState,
  events: EventTables | undefined,
): void {
  const rule = pr.plasticity?.rule;
  if (!rule) return;
  const i32 = (at: number, v: number): void => view.setInt32(at, v, true);
  const f32 = (at: number, v: number): void => view.setFloat32(at, v, true);
  i32(d + PL.projection, jd);
  i32(d + PL.index, index);
  i32(d + PL.target, pr.target);
  i32(d + PL.rule, RULE_CODE[rule.rule]);
  i32(d + PL.w, s.weights);
  i32(d + PL.a, s.a);
  i32(d + PL.b, s.b);
  i32(d + PL.c, s.c);
  // homeostatic counts its spikes where online_o1 keeps its integer weights.
  i32(d + PL.iw, rule.rule === 'homeostatic' ? s.counts : s.iw);
  i32(d + PL.r, s.r);
  if (events) {
    // stdp: event-driven; rstdp: per-synapse c and w with the shared traces.
    i32(d + PL.fast, events.mode);
    i32(d + PL.ring, events.ring);
    i32(d + PL.aold, events.aold);
    i32(d + PL.colPtr, events.colPtr);
    i32(d + PL.cscE, events.cscE);
    i32(d + PL.cscS, events.cscS);
    i32(d + PL.dirty, s.dirty);
    i32(d + PL.bdec, events.bdec);
  }
  switch (rule.rule) {
    case 'stdp':
    case 'rstdp':
      f32(d + PL.decayPre, rule.decayPre);
      f32(d + PL.decayPost, rule.decayPost);
      f32(d + PL.aPlus, rule.aPlus);
      f32(d + PL.aMinus, rule.aMinus);
      f32(d + PL.wMin, rule.wMin);
      f32(d + PL.wMax, rule.wMax);
      if (rule.rule === 'rstdp') {
        f32(d + PL.decayEligibility, rule.decayEligibility);
        f32(d + PL.decayReward, rule.decayReward);
        f32(d + PL.dt, rule.dt);
        i32(d + PL.reward, rule.reward.population);
        view.setFloat64(d + PL.amount, rule.reward.amount, true);
      }
      break;
    case 'online_o1': {
      const b = onlineO1Bounds({
        weight_bits: rule.weightBits,
        trace_bits: rule.traceBits,
        reward_bits: rule.rewardBits,
        learning_shift: rule.learningShift,
        trace_decay_shift: rule.traceDecayShift,
      });
      i32(d + PL.reward, rule.reward.population);
      view.setFloat64(d + PL.amount, rule.reward.amount, true);
      i32(d + PL.maxWeight, b.maxWeight);
      i32(d + PL.maxTrace, b.maxTrace);
      i32(d + PL.minEligibility, b.minEligibility);
      i32(d + PL.maxEligibility, b.maxEligibility);
      i32(d + PL.minReward, b.minReward);
      i32(d + PL.maxReward, b.maxReward);
      i32(d + PL.decayShift, rule.traceDecayShift);
      i32(d + PL.learningShift, rule.learningShift);
      f32(d + PL.weightScale, rule.weightScale);
      break;
    }
    case 'homeostatic':
      break;
  }
}

/** Kinds of classic synapse samples (learning-image.ts numbers them per projection). */
export const CLASSIC_KIND = { w: 0, pre_trace: 1, post_trace: 2, eligibility: 3 } as const;

/**
 * Where sample kind `kind` of synapse e lives (0: the rule keeps no such value, which samples
 * read as 0, as the reference's do), and whether it is an i32.
 */
export function sampleAddress(
  pr: ProjectionPlan,
  s: PlasticState,
  kind: number,
  e: number,
): { address: number; isInt: boolean } {
  const integer = pr.plasticity?.rule?.rule === 'online_o1';
  const base = [s.weights, s.a, s.b, s.c][kind] ?? 0;
  // Shared traces: apre per source, apost per target (a ring stdp has no pre_trace probe).
  let index = e;
  if (s.perNeuronTraces && kind === CLASSIC_KIND.pre_trace) index = sourceOf(pr.csr.rowPtr, e);
  if (s.perNeuronTraces && kind === CLASSIC_KIND.post_trace) index = pr.csr.targets[e] ?? 0;
  return { address: base === 0 ? 0 : base + 4 * index, isInt: integer && kind !== CLASSIC_KIND.w };
}

/** The row (source) of synapse e: the last s with rowPtr[s] <= e. */
function sourceOf(rowPtr: Uint32Array, e: number): number {
  let lo = 0;
  let hi = rowPtr.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((rowPtr[mid] ?? 0) <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Writes the classic synapse sample table at `table` (CS_* entries). */
export function writeClassicSamples(
  view: DataView,
  table: number,
  plan: Plan,
  states: readonly (PlasticState | undefined)[],
  samples: readonly (readonly SynapseSample[])[],
): void {
  let n = 0;
  plan.projections.forEach((pr, k) => {
    const s = states[k];
    if (!s || !hasPlasticWeights(pr.plasticity)) return;
    for (const sample of samples[k] ?? []) {
      const { address, isInt } = sampleAddress(pr, s, sample.kind, sample.synapse);
      const at = table + n++ * CSAMP_BYTES;
      view.setInt32(at + CS.address, address, true);
      view.setInt32(at + CS.isInt, isInt ? 1 : 0, true);
      view.setInt32(at + CS.slot, sample.slot, true);
    }
  });
}
