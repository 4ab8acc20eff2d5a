/**
 * Host side of Loihi learning in the wasm kernel (`assembly/loihi-learning.ts`, CONTEXT.md step
 * 5d): per-synapse state in the state block (f64 mantissa w, f32 actual weight wAct, which is
 * also the weight array step 5 delivers, one u8 array per trace that is on), the rule as a table
 * of instructions, the synapse probe entries, and one descriptor per learning projection.
 */
import type { Plan, ProjectionPlan } from '../../plan.ts';
import { LOIHI_TRACE_ORDER, type LoihiLearningPlan } from '../../plan-loihi.ts';
import { RULE_VARIABLES, encodeRule, quietSteps } from './learning-rule.ts';
import type { Arena } from './arena.ts';
import { ENTRY, LR, PROBE_ENTRY_BYTES, PROJ_BYTES, SYN_KIND } from './layout.ts';
import { CLASSIC_KIND, hasPlasticWeights } from './plasticity-image.ts';

/** H_ERRVAR of a non-finite dw (assembly/loihi-learning.ts `ERR_DW`). */
export const ERR_DW = -6;

/** Ends a probe entry table: no synapse has this index. */
const END_OF_ENTRIES = 0xffffffff;

/** Per-synapse state of one learning projection (inside the state block). */
export interface LearningState {
  w: number;
  wAct: number;
  /** One address per trace of LOIHI_TRACE_ORDER, 0 when the trace is off. */
  traces: number[];
}

/** Everything else of one learning projection (outside the state block). */
export interface LearningTables {
  /** Its descriptor, in the table of learning descriptors (contiguous, projection order). */
  descriptor: number;
  code: number;
  stack: number;
  vars: number;
  probes: number;
}

/** One sample of a synapse probe: which synapse, what, and where in the step's samples. */
export interface SynapseSample {
  synapse: number;
  kind: number;
  slot: number;
}

/** Allocates a learning projection's state (call while the arena is inside the state block). */
export function allocateLearningState(arena: Arena, pr: ProjectionPlan): LearningState {
  const count = pr.csr.targets.length;
  const impulse = pr.learning?.impulse;
  return {
    w: arena.alloc(8 * count),
    wAct: arena.alloc(4 * count),
    traces: LOIHI_TRACE_ORDER.map((_, k) => ((impulse?.[k] ?? 0) > 0 ? arena.alloc(count) : 0)),
  };
}

/**
 * Allocates the rule, stack, variables and probe entries of one projection whose descriptor is
 * at `descriptor`.
 */
export function allocateLearningTables(
  arena: Arena,
  learning: LoihiLearningPlan,
  entries: number,
  descriptor: number,
): LearningTables {
  const encoded = learning.rule ? encodeRule(learning.rule) : undefined;
  return {
    descriptor,
    code: arena.alloc(4 * (encoded?.code.length ?? 0)),
    stack: arena.alloc(8 * (encoded?.stackSlots ?? 1)),
    // The variables, then the rule's constants, which its instructions load alike.
    vars: arena.alloc(8 * (RULE_VARIABLES + (encoded?.constants.length ?? 0))),
    probes: arena.alloc(PROBE_ENTRY_BYTES * (entries + 1)),
  };
}

/** Entry kind of a synapse probe variable. */
function kindOf(variable: string): number {
  if (variable === 'w') return SYN_KIND.w;
  if (variable === 'w_act') return SYN_KIND.wAct;
  const k = (LOIHI_TRACE_ORDER as readonly string[]).indexOf(variable);
  if (k < 0) throw new Error(`wasm: unknown synapse probe variable '${variable}'`);
  return SYN_KIND.trace + k;
}

/** Entry kind of a synapse probe variable of a classic projection with a weight rule. */
function classicKindOf(variable: string): number {
  const kind = (CLASSIC_KIND as Record<string, number>)[variable];
  if (kind === undefined) throw new Error(`wasm: unknown synapse probe variable '${variable}'`);
  return kind;
}

/**
 * The synapse probe samples of every projection, in the order a step records them (probes in
 * plan order, synapses as listed), each projection's sorted by synapse for the kernel's walk.
 * A Loihi learning projection's kinds are SYN_KIND's, a classic plastic one's CLASSIC_KIND's.
 */
export function synapseSamples(plan: Plan): { perProjection: SynapseSample[][]; total: number } {
  const perProjection = plan.projections.map((): SynapseSample[] => []);
  let slot = 0;
  for (const probe of plan.probes) {
    if (probe.kind !== 'synapse') continue;
    const pr = plan.projections[probe.projection];
    const list = perProjection[probe.projection];
    if (!pr || !(pr.learning || hasPlasticWeights(pr.plasticity)) || !list) {
      throw new Error(
        `wasm: synapse probe '${probe.id}' names no learning Loihi projection and no classic ` +
          'projection whose weights change',
      );
    }
    const count = pr.csr.targets.length;
    for (const synapse of probe.synapses) {
      if (synapse >= count) {
        throw new RangeError(
          `wasm: synapse probe '${probe.id}' asks for synapse ${synapse} of projection ` +
            `'${pr.id}', which has ${count}`,
        );
      }
      const kind = pr.learning ? kindOf(probe.variable) : classicKindOf(probe.variable);
      list.push({ synapse, kind, slot: slot++ });
    }
  }
  // Stable: two samples of one synapse keep their order.
  for (const list of perProjection) list.sort((a, b) => a.synapse - b.synapse);
  return { perProjection, total: slot };
}

/** Writes descriptor, rule and probe entries of learning projection `index`. */
export function writeLearning(
  view: DataView,
  projectionTable: number,
  index: number,
  pr: ProjectionPlan,
  state: LearningState,
  tables: LearningTables,
  samples: readonly SynapseSample[],
): void {
  const learning = pr.learning;
  if (!learning) return;
  const d = tables.descriptor;
  const i32 = (at: number, v: number): void => view.setInt32(at, v, true);
  const u32 = (at: number, v: number): void => view.setUint32(at, v >>> 0, true);
  const f64 = (at: number, v: number): void => view.setFloat64(at, v, true);
  i32(d + LR.projection, projectionTable + index * PROJ_BYTES);
  i32(d + LR.target, pr.target);
  i32(d + LR.index, index);
  i32(d + LR.w, state.w);
  i32(d + LR.wAct, state.wAct);
  LOIHI_TRACE_ORDER.forEach((_, k) => {
    i32(d + LR.traces + 4 * k, state.traces[k] ?? 0);
    i32(d + LR.impulse + 4 * k, learning.impulse[k] ?? 0);
    const tau = learning.tau[k] ?? 0;
    f64(d + LR.decay + 8 * k, tau > 0 ? 1 - 1 / tau : 0);
  });
  const rule = learning.rule;
  const encoded = rule ? encodeRule(rule) : undefined;
  i32(d + LR.code, tables.code);
  i32(d + LR.ncode, encoded?.code.length ?? 0);
  i32(d + LR.stack, tables.stack);
  i32(d + LR.vars, tables.vars);
  i32(d + LR.probes, tables.probes);
  f64(d + LR.scale, 2 ** (6 + learning.wExp));
  f64(d + LR.precision, learning.precision);
  f64(d + LR.wLow, learning.wLow);
  f64(d + LR.wHigh, learning.wHigh);
  for (let k = 0; k < 6; k++) u32(d + LR.keys + 4 * k, learning.randomKeys[k] ?? 0);
  const wMax = Math.max(Math.abs(learning.wLow), Math.abs(learning.wHigh));
  i32(d + LR.quiet, rule ? quietSteps(rule, wMax) : 0);
  if (encoded) {
    encoded.code.forEach((word, i) => i32(tables.code + 4 * i, word));
    encoded.constants.forEach((c, i) => f64(tables.vars + 8 * (RULE_VARIABLES + i), c));
  }
  samples.forEach((s, n) => {
    const e = tables.probes + n * PROBE_ENTRY_BYTES;
    u32(e + ENTRY.synapse, s.synapse);
    i32(e + ENTRY.kind, s.kind);
    i32(e + ENTRY.slot, s.slot);
  });
  u32(tables.probes + samples.length * PROBE_ENTRY_BYTES + ENTRY.synapse, END_OF_ENTRIES);
}

/** Step 0 of a learning projection: w the given mantissas, wAct the compile's actual weights. */
export function writeLearningInitial(
  pr: ProjectionPlan,
  state: LearningState,
  buffer: ArrayBuffer,
): void {
  const learning = pr.learning;
  if (!learning) return;
  const count = pr.csr.targets.length;
  new Float64Array(buffer, state.w, count).set(learning.mantissas.subarray(0, count));
  const wAct = new Float32Array(buffer, state.wAct, count);
  const { weights } = pr.csr;
  if (weights instanceof Float32Array) wAct.set(weights);
  else wAct.fill(weights.constant);
}

/** Bytes of learning state per synapse: w (8), wAct (4), one per trace that is on. */
export function learningBytesPerSynapse(learning: LoihiLearningPlan): number {
  return 12 + Array.from(learning.impulse).filter((i) => i > 0).length;
}
