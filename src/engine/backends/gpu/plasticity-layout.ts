/**
 * Where the gpu backend keeps the state of weight rules (CONTEXT.md step 5e: stdp, rstdp,
 * online_o1): in rows of the state array `S` itself, after the history words, so that the
 * learned weights cross to the host per call with the rest of the state (the fused executors
 * take plain arrays only), a replay restarts from them, and no kernel binds another storage
 * buffer.
 *
 * Each plastic projection P gets `fields` blocks of `rowsPerField` rows (R, the most synapses
 * of P onto one target; projections onto different populations share them, `placeBands`).
 * Synapse e of P onto target j with slot r (its position among P's synapses onto j, CSR order)
 * keeps field f at row `firstRow + f * R + r`, column j: a thread of the deliver kernel at that
 * row and column owns the synapse, and its target is its own column, so the post spike is the
 * flag of column j. Fields: `FIELD` (stdp: w, apre, apost; rstdp adds c; online_o1: the
 * delivered float weight, then its integer weight, pre trace, post trace, eligibility). rstdp's
 * reward trace r sits in its band's reward row, at its first target's column.
 *
 * The gather reaches a plastic synapse's weight through its entry (gather.ts): the source slot
 * holds `-(source + 1)` (negative: plastic) and the weight slot the state row of its `w`. The
 * synapse thread finds its entry back from `neurons` (two fields per plastic projection and
 * neuron: where P's entries start in the neuron's list, and how many there are), reads its
 * source and delay there and tests the pre spike exactly as delivery does.
 */
import type { OnlineO1Plan, Plan, RstdpPlan, StdpPlan } from '../../plan.ts';
import type { SynapseVariable } from '../../../model/document.ts';

/** A weight rule the kernels step. */
export type GpuRulePlan = StdpPlan | RstdpPlan | OnlineO1Plan;

/** Field blocks per rule (`PlasticProjection.fields`). */
export const FIELD = {
  /** The delivered weight (float32), every rule. */
  w: 0,
  /** stdp/rstdp apre, apost and (rstdp) c. */
  apre: 1,
  apost: 2,
  c: 3,
  /** online_o1: integer weight, traces and eligibility (the float weight is field 0). */
  weight: 1,
  pre: 2,
  post: 3,
  elig: 4,
} as const;

/** Rule constants in the projection's block of `params` (float32, as the plan rounds them). */
export const RULE_PARAM = {
  decayPre: 0,
  decayPost: 1,
  aPlus: 2,
  aMinus: 3,
  wMin: 4,
  wMax: 5,
  decayEligibility: 6,
  decayReward: 7,
  dt: 8,
  amount: 9,
  /** online_o1: the weight scale, the reward amount, 2^-trace_decay_shift, 2^-learning_shift. */
  weightScale: 0,
  o1Amount: 1,
  decayScale: 2,
  learnScale: 3,
} as const;

export interface PlasticProjection {
  /** Index in `plan.projections`. */
  projection: number;
  id: string;
  rule: GpuRulePlan;
  /** Its target population (projections onto different ones share a band of rows). */
  target: number;
  /** Field blocks (3 stdp, 4 rstdp, 5 online_o1). */
  fields: number;
  /** Index of its band in `PlasticLayout.bands`. */
  band: number;
  /** Rows per field of its band: the most synapses of a member onto one target (at least 1). */
  rowsPerField: number;
  /** State row of field 0, slot 0 (its band's first row). */
  firstRow: number;
  /** rstdp: the row whose column `rewardColumn` holds the reward trace r; -1 otherwise. */
  rewardRow: number;
  /** Its first target's global column. */
  rewardColumn: number;
  /** Its gather list in every target (0: delta, 1 + c: channel slot c). */
  list: number;
  /** First of its two fields (entries' start in the list, count) in a neuron's `neurons` row. */
  neuronField: number;
  /** First of its rule constants (`RULE_PARAM`) in `params`. */
  paramAt: number;
  /** Reward population's first global neuron and size (rstdp, online_o1; else 0, 0). */
  rewardBase: number;
  rewardSize: number;
  /** CSR synapse e -> its slot r and its global target column. */
  slot: Uint32Array;
  column: Uint32Array;
}

/** Rows shared by plastic projections onto different target populations (`placeBands`). */
export interface PlasticBand {
  /** Indices into `PlasticLayout.projections`. */
  members: number[];
  fields: number;
  rowsPerField: number;
  firstRow: number;
  /** The reward traces' row, with an rstdp member; else -1. */
  rewardRow: number;
  rows: number;
}

export interface PlasticLayout {
  projections: PlasticProjection[];
  bands: PlasticBand[];
  /** State rows of all plastic projections (after the history words). */
  rows: number;
  /** Fields they add to each neuron's row of `neurons`. */
  neuronFields: number;
  /**
   * Per plastic projection, per global neuron: where its entries start in the neuron's list
   * (counted in entries) and how many there are (`writeNeuronFields`).
   */
  entryFields: Float32Array[];
  /** Their rule constants, appended to `params` at `paramBase`. */
  table: Float32Array;
}

/** Where the plastic state starts, from the layout being built (layout.ts). */
export interface PlasticPlacement {
  total: number;
  offsets: number[];
  /** Gather list of each projection (gather.ts `destinationList`). */
  listOf: readonly number[];
  firstRow: number;
  neuronField: number;
  paramBase: number;
}

/**
 * Why the gpu backend cannot step projection `index`'s plasticity, naming the feature, or null
 * when it can (stdp, rstdp and online_o1 whose integers stay exact in float32, without STP or
 * structural plasticity).
 */
export function gpuPlasticityGap(plan: Plan, index: number): string | null {
  const p = plan.projections[index]?.plasticity;
  if (p === undefined) return null;
  if (p.stp) return 'short-term plasticity (STP)';
  if (p.structural) return 'structural plasticity';
  const rule = p.rule;
  if (rule?.rule === 'homeostatic') return 'homeostatic scaling';
  if (rule?.rule === 'online_o1') {
    const problems = onlineO1FloatProblems(rule);
    if (problems.length > 0) return `OnlineO1 with ${problems.join(', ')}`;
  }
  return null;
}

/**
 * OnlineO1 is stepped in float arithmetic on integers (plasticity-kernels.ts: no bit operations,
 * which gpu.js emulates wrongly in GLSL for negative operands), exact while every value stays
 * at most 2^24 in magnitude: weights below 2^24, the eligibility's sum (at most 3 *
 * 2^(trace_bits-1)), and the product reward * eligibility (at most 2^(reward_bits+trace_bits-2)).
 */
export function onlineO1FloatProblems(rule: OnlineO1Plan): string[] {
  const out: string[] = [];
  if (rule.weightBits > 24) out.push(`weight_bits ${rule.weightBits} > 24`);
  if (rule.traceBits > 23) out.push(`trace_bits ${rule.traceBits} > 23`);
  if (rule.rewardBits + rule.traceBits > 26) {
    out.push(`reward_bits + trace_bits ${rule.rewardBits + rule.traceBits} > 26`);
  }
  return out;
}

/** The plastic layout of a plan whose plasticity the gpu backend steps; null without any. */
export function buildPlasticLayout(plan: Plan, at: PlasticPlacement): PlasticLayout | null {
  const projections: PlasticProjection[] = [];
  const entryFields: Float32Array[] = [];
  const params: number[] = [];
  // Entries already in each (neuron, list) from earlier projections: where P's entries start.
  const lists = Math.max(1, ...at.listOf) + 1;
  const filled = new Uint32Array(at.total * lists);
  plan.projections.forEach((pr, k) => {
    const list = at.listOf[k] ?? 0;
    const tgtBase = at.offsets[pr.target] ?? 0;
    const targets = pr.csr.targets;
    const rule = pr.plasticity?.rule;
    if (rule === undefined || rule.rule === 'homeostatic') {
      for (const t of targets) {
        const i = (tgtBase + t) * lists + list;
        filled[i] = (filled[i] ?? 0) + 1;
      }
      return;
    }
    const slot = new Uint32Array(targets.length);
    const column = new Uint32Array(targets.length);
    const perTarget = new Map<number, number>();
    targets.forEach((t, e) => {
      const j = tgtBase + t;
      const r = perTarget.get(j) ?? 0;
      perTarget.set(j, r + 1);
      slot[e] = r;
      column[e] = j;
    });
    let rowsPerField = 1;
    for (const n of perTarget.values()) rowsPerField = Math.max(rowsPerField, n);
    const fields = rule.rule === 'stdp' ? 3 : rule.rule === 'rstdp' ? 4 : 5;
    const reward = rule.rule === 'stdp' ? undefined : rule.reward.population;
    projections.push({
      projection: k,
      id: pr.id,
      rule,
      target: pr.target,
      fields,
      band: -1,
      // Placed with its band below.
      rowsPerField,
      firstRow: -1,
      rewardRow: -1,
      rewardColumn: tgtBase,
      list,
      neuronField: at.neuronField + 2 * projections.length,
      paramAt: at.paramBase + params.length,
      rewardBase: reward === undefined ? 0 : (at.offsets[reward] ?? 0),
      rewardSize: reward === undefined ? 0 : (plan.populations[reward]?.size ?? 0),
      slot,
      column,
    });
    params.push(...ruleParams(rule));
    // P's entries in a target's list start after the earlier projections' entries there.
    const entries = new Float32Array(2 * at.total);
    for (const [j, n] of perTarget) {
      entries[2 * j] = filled[j * lists + list] ?? 0;
      entries[2 * j + 1] = n;
      filled[j * lists + list] = (filled[j * lists + list] ?? 0) + n;
    }
    entryFields.push(entries);
  });
  if (projections.length === 0) return null;
  const bands = placeBands(projections, at.firstRow);
  const last = bands[bands.length - 1];
  return {
    projections,
    bands,
    rows: last ? last.firstRow + last.rows - at.firstRow : 0,
    neuronFields: 2 * projections.length,
    entryFields,
    table: Float32Array.from(params),
  };
}

/**
 * Puts plastic projections with different target populations into shared bands of rows (their
 * columns differ, so they cannot collide), document order, first fit: an E/I network's plastic
 * projections from E onto E and onto I share one band, which halves the deliver threads they
 * add. A band has `fields` blocks of `rowsPerField` rows (its members' largest), then, with an
 * rstdp member, one row for the reward traces (each at its projection's first target column).
 */
function placeBands(projections: PlasticProjection[], firstRow: number): PlasticBand[] {
  const bands: PlasticBand[] = [];
  for (const p of projections) {
    let band = bands.findIndex((b) => b.members.every((m) => projections[m]?.target !== p.target));
    if (band < 0) {
      band = bands.length;
      bands.push({ members: [], fields: 0, rowsPerField: 0, firstRow: 0, rewardRow: -1, rows: 0 });
    }
    const b = bands[band];
    if (!b) continue;
    b.members.push(projections.indexOf(p));
    b.fields = Math.max(b.fields, p.fields);
    b.rowsPerField = Math.max(b.rowsPerField, p.rowsPerField);
    p.band = band;
  }
  let row = firstRow;
  for (const b of bands) {
    const reward = b.members.some((m) => projections[m]?.rule.rule === 'rstdp');
    b.firstRow = row;
    b.rewardRow = reward ? row + b.fields * b.rowsPerField : -1;
    b.rows = b.fields * b.rowsPerField + (reward ? 1 : 0);
    row += b.rows;
    for (const m of b.members) {
      const p = projections[m];
      if (!p) continue;
      p.firstRow = b.firstRow;
      p.rowsPerField = b.rowsPerField;
      p.rewardRow = p.rule.rule === 'rstdp' ? b.rewardRow : -1;
    }
  }
  return bands;
}

/** Writes every plastic projection's (entry start, count) into each neuron's `neurons` row. */
export function writeNeuronFields(
  plastic: PlasticLayout,
  neurons: Float32Array,
  neuronStride: number,
): void {
  plastic.projections.forEach((p, i) => {
    const entries = plastic.entryFields[i];
    if (!entries) return;
    for (let j = 0; 2 * j < entries.length; j++) {
      neurons[j * neuronStride + p.neuronField] = entries[2 * j] ?? 0;
      neurons[j * neuronStride + p.neuronField + 1] = entries[2 * j + 1] ?? 0;
    }
  });
}

function ruleParams(rule: GpuRulePlan): number[] {
  switch (rule.rule) {
    case 'stdp':
      return [rule.decayPre, rule.decayPost, rule.aPlus, rule.aMinus, rule.wMin, rule.wMax];
    case 'rstdp':
      return [
        rule.decayPre,
        rule.decayPost,
        rule.aPlus,
        rule.aMinus,
        rule.wMin,
        rule.wMax,
        rule.decayEligibility,
        rule.decayReward,
        rule.dt,
        rule.reward.amount,
      ];
    case 'online_o1':
      return [
        rule.weightScale,
        rule.reward.amount,
        2 ** -rule.traceDecayShift,
        2 ** -rule.learningShift,
      ];
  }
}

/** The plastic rows of the initial state: the plan's weights, OnlineO1's integers, traces 0. */
export function writeInitialPlasticState(
  plan: Plan,
  plastic: PlasticLayout,
  state: Float32Array,
  total: number,
): void {
  for (const p of plastic.projections) {
    const w = plan.projections[p.projection]?.csr.weights;
    const at = (field: number, e: number): number =>
      (p.firstRow + field * p.rowsPerField + (p.slot[e] ?? 0)) * total + (p.column[e] ?? 0);
    for (let e = 0; e < p.slot.length; e++) {
      state[at(FIELD.w, e)] = w instanceof Float32Array ? (w[e] ?? 0) : (w?.constant ?? 0);
      if (p.rule.rule === 'online_o1') state[at(FIELD.weight, e)] = p.rule.initialWeights[e] ?? 0;
    }
  }
}

/** The weights of plastic projection `p` in CSR order, read from a state array. */
export function readLearnedWeights(
  p: PlasticProjection,
  state: Float32Array,
  total: number,
): Float32Array {
  return Float32Array.from(
    p.slot,
    (r, e) => state[(p.firstRow + r) * total + (p.column[e] ?? 0)] ?? 0,
  );
}

/**
 * The state row (column: `p.column[e]`) a synapse probe of `variable` reads, or -1 for a
 * variable the rule does not keep (stdp's eligibility: the reference records 0 there).
 */
export function probeRow(p: PlasticProjection, variable: SynapseVariable, e: number): number {
  const o1 = p.rule.rule === 'online_o1';
  let field: number;
  switch (variable) {
    case 'w':
      field = FIELD.w;
      break;
    case 'pre_trace':
      field = o1 ? FIELD.pre : FIELD.apre;
      break;
    case 'post_trace':
      field = o1 ? FIELD.post : FIELD.apost;
      break;
    case 'eligibility':
      field = o1 ? FIELD.elig : p.rule.rule === 'rstdp' ? FIELD.c : -1;
      break;
    case 'w_act':
    case 'x1':
    case 'x2':
    case 'y1':
    case 'y2':
    case 'y3':
      // Loihi variables: validation refuses them on a classic projection.
      field = -1;
  }
  return field < 0 ? -1 : p.firstRow + field * p.rowsPerField + (p.slot[e] ?? 0);
}
