/**
 * Kernel text of weight rules (CONTEXT.md step 5e) for plans with plastic projections
 * (plasticity-layout.ts); other plans get none of it.
 *
 * - The gather: an entry whose source slot is negative is plastic; its weight is read from the
 *   state row its weight slot names, at the thread's own column (the target's).
 * - The deliver kernel's plastic rows: one thread per (field, slot, target column) recomputes
 *   its synapse's whole update from the state before the step (S) and the step's flags (M)
 *   and returns its own field: a few flops per field, cheaper than another kernel and buffer.
 *   `pre` is delivery's condition (the flag of the step for delay 0, the history bit of t - d
 *   otherwise), `post` the flag of the column. Delivery in the same kernel reads the weight of
 *   S, i.e. before this step's update, as step 5e says.
 *
 * stdp and rstdp are the reference's float32 operations in its order (`Math.fround` on each,
 * for gpu.js' cpu mode). online_o1 is `stepMany`'s integer arithmetic written as float
 * arithmetic on integers: `v >> s` is `floor(v * 2^-s)`, the product `reward * eligibility` one
 * float multiply, all exact while values stay within 2^24 (`onlineO1FloatProblems` refuses
 * configurations that could leave it). So it is exact on every mode, GPUs included, and needs no
 * bit operation (gpu.js emulates GLSL's with float loops that are wrong for negative operands).
 */
import { onlineO1Bounds } from '../../learning/online-o1-config.ts';
import { NEURON, type DeviceLayout } from './layout.ts';
import {
  FIELD,
  RULE_PARAM,
  type PlasticBand,
  type PlasticProjection,
} from './plasticity-layout.ts';

/** Accessors of the kernel being generated (kernels.ts). */
export interface PlasticText {
  st: (row: number | string, at: string) => string;
  flagOf: (at: string) => string;
  neuron: (field: number | string) => string;
  /** The gather's entry table: a constant, or the argument `W` (kernels.ts). */
  sw: string;
}

/**
 * The gather's read of entry `e` of table `sw` in plastic plans: `plSrc` (the source) and `plQ`
 * (its weight), then `body` (the flag or history test that adds `plQ`).
 */
export function plasticEntry(st: PlasticText['st'], sw: string, body: string): string {
  return `const plS0 = ${sw}[2 * e];
      const plQ0 = ${sw}[2 * e + 1];
      let plSrc = plS0;
      let plQ = plQ0;
      if (plS0 < 0) {
        plSrc = -1 - plS0;
        plQ = ${st('plQ0', 'j')};
      }
      ${body}`;
}

/** The deliver kernel's branches for the plastic rows: one per band, highest rows first. */
export function plasticDeliverRows(layout: DeviceLayout, text: PlasticText): string {
  const plastic = layout.plastic;
  if (!plastic) return '';
  return [...plastic.bands]
    .reverse()
    .map((b) => {
      const members = b.members.flatMap((m) => plastic.projections[m] ?? []);
      return bandRows(layout, text, b, members);
    })
    .join('');
}

/**
 * A band's rows: the field and slot of the thread's row, then the member whose target
 * population holds the thread's column (`p`, its population); other columns are padding.
 */
function bandRows(
  layout: DeviceLayout,
  text: PlasticText,
  b: PlasticBand,
  members: PlasticProjection[],
): string {
  const R = b.rowsPerField;
  const fieldOf = Array.from(
    { length: b.fields - 1 },
    (_, f) => `if (y >= ${b.firstRow + (f + 1) * R}) { plF = ${f + 1}; }`,
  ).join('\n    ');
  const rewardRows =
    b.rewardRow < 0
      ? ''
      : `
    if (y >= ${b.rewardRow}) {${members
      .filter((p) => p.rule.rule === 'rstdp')
      .map(
        (p) => `
      if (p === ${p.target}) {
        if (j !== ${p.rewardColumn}) { return 0; }
        ${rewardCount(text, p)}
        const plRo = Math.fround(${text.st(p.rewardRow, String(p.rewardColumn))} * ${param(p, RULE_PARAM.decayReward)});
        return Math.fround(plRo + Math.fround(${param(p, RULE_PARAM.amount)} * plK));
      }`,
      )
      .join('')}
      return 0;
    }`;
  return `
  if (y >= ${b.firstRow}) {${rewardRows}
    let plF = 0;
    ${fieldOf}
    const plR = y - ${b.firstRow} - plF * ${R};${members.map((p) => memberRows(layout, text, b, p)).join('')}
    return 0;
  }`;
}

function param(p: PlasticProjection, i: number): string {
  return `P[${p.paramAt + i}]`;
}

/** The reward population's spikes of the step, counted from its flags into `plK`. */
function rewardCount(text: PlasticText, p: PlasticProjection): string {
  return p.rewardSize > 0
    ? `let plK = 0;
    for (let plI = 0; plI < ${p.rewardSize}; plI++) {
      if (${text.flagOf(`${p.rewardBase} + plI`)} > 0.5) { plK = plK + 1; }
    }`
    : '';
}

/** One member's synapse threads: its entry, pre and post, then its rule's update. */
function memberRows(
  layout: DeviceLayout,
  text: PlasticText,
  b: PlasticBand,
  p: PlasticProjection,
): string {
  const { st, flagOf, neuron } = text;
  const R = p.rowsPerField;
  const prm = (i: number): string => param(p, i);
  const field = (f: number): string => st(`${p.firstRow + f * R} + plR`, 'j');
  const pre =
    layout.maxDelay === 0
      ? `if (${flagOf('plSrc')} > 0.5) { plPre = 1; }`
      : `const plWord = this.constants.wordScale[2 * plAt];
      if (plWord < 0) {
        if (${flagOf('plSrc')} > 0.5) { plPre = 1; }
      } else {
        const plBit = ${st(`${layout.historyRow} + plWord`, 'plSrc')} * this.constants.wordScale[2 * plAt + 1];
        if (plBit - Math.floor(plBit) >= 0.5) { plPre = 1; }
      }`;
  return `
    if (p === ${p.target}) {${p.fields < b.fields ? `\n      if (plF >= ${p.fields}) { return 0; }` : ''}
      if (plR >= ${neuron(p.neuronField + 1)}) { return 0; }
      const plAt = ${neuron(`${NEURON.lists + 2 * p.list}`)} + (${neuron(p.neuronField)} + plR) * ${layout.listStride};
      const plSrc = -1 - ${text.sw}[2 * plAt];
      let plPre = 0;
      ${pre}
      let plPost = 0;
      if (${flagOf('j')} > 0.5) { plPost = 1; }
      ${ruleBody(p, field, prm, rewardCount(text, p), st)}
    }`;
}

function ruleBody(
  p: PlasticProjection,
  field: (f: number) => string,
  prm: (i: number) => string,
  reward: string,
  st: PlasticText['st'],
): string {
  const rule = p.rule;
  const clip = (w: string): string =>
    `return Math.min(Math.max(${w}, ${prm(RULE_PARAM.wMin)}), ${prm(RULE_PARAM.wMax)});`;
  if (rule.rule === 'stdp' || rule.rule === 'rstdp') {
    const r = rule.rule === 'rstdp';
    return `let plA = Math.fround(${field(FIELD.apre)} * ${prm(RULE_PARAM.decayPre)});
    let plB = Math.fround(${field(FIELD.apost)} * ${prm(RULE_PARAM.decayPost)});
    let plW = ${r ? `Math.fround(${field(FIELD.c)} * ${prm(RULE_PARAM.decayEligibility)})` : field(FIELD.w)};
    if (plPre > 0.5) {
      plA = Math.fround(plA + ${prm(RULE_PARAM.aPlus)});
      plW = Math.fround(plW - plB);
    }
    if (plPost > 0.5) {
      plB = Math.fround(plB + ${prm(RULE_PARAM.aMinus)});
      plW = Math.fround(plW + plA);
    }
    if (plF === ${FIELD.apre}) { return plA; }
    if (plF === ${FIELD.apost}) { return plB; }${
      r
        ? `
    if (plF === ${FIELD.c}) { return plW; }
    ${reward}
    const plRo = Math.fround(${st(p.rewardRow, String(p.rewardColumn))} * ${prm(RULE_PARAM.decayReward)});
    const plRn = Math.fround(plRo + Math.fround(${prm(RULE_PARAM.amount)} * plK));
    const plG = Math.fround(${prm(RULE_PARAM.dt)} * plRn);
    const plWe = Math.fround(${field(FIELD.w)} + Math.fround(plG * plW));
    ${clip('plWe')}`
        : `
    ${clip('plW')}`
    }`;
  }
  // online_o1 (stepMany, online-o1-many.ts), in float arithmetic on integers.
  const b = onlineO1Bounds({
    weight_bits: rule.weightBits,
    trace_bits: rule.traceBits,
    reward_bits: rule.rewardBits,
    learning_shift: rule.learningShift,
    trace_decay_shift: rule.traceDecayShift,
  });
  // Shift 0 is "no decay" (online-o1-many.ts): `v >> 0` would zero the trace.
  const decays = rule.traceDecayShift !== 0;
  const decay = (v: string): string =>
    decays ? `${v} - Math.floor(${v} * ${prm(RULE_PARAM.decayScale)})` : v;
  return `const plW1 = ${field(FIELD.weight)};
    const plP0 = ${field(FIELD.pre)};
    const plO0 = ${field(FIELD.post)};
    const plE0 = ${field(FIELD.elig)};
    let plPt = ${decay('plP0')};
    if (plPre > 0.5) { plPt = ${b.maxTrace}; }
    let plOt = ${decay('plO0')};
    if (plPost > 0.5) { plOt = ${b.maxTrace}; }
    if (plF === ${FIELD.pre}) { return plPt; }
    if (plF === ${FIELD.post}) { return plOt; }
    const plMag = Math.abs(plE0);
    let plE = ${decay('plMag')};
    if (plE0 < 0) { plE = 0 - plE; }
    if (plPost > 0.5) {
      if (plPre > 0.5) { plE = plE + ${b.maxTrace}; } else { plE = plE + plP0; }
    }
    if (plPre > 0.5) { plE = plE - plO0; }
    if (plE < ${b.minEligibility}) { plE = ${b.minEligibility}; }
    if (plE > ${b.maxEligibility}) { plE = ${b.maxEligibility}; }
    if (plF === ${FIELD.elig}) { return plE; }
    ${reward}
    let plRw = ${prm(RULE_PARAM.o1Amount)} * plK;
    if (plRw < ${b.minReward}) { plRw = ${b.minReward}; }
    if (plRw > ${b.maxReward}) { plRw = ${b.maxReward}; }
    const plD = Math.floor(plRw * plE * ${prm(RULE_PARAM.learnScale)});
    let plNw = plW1 + plD;
    if (plNw > ${b.maxWeight}) { plNw = ${b.maxWeight}; }
    if (plNw < 0) { plNw = 0; }
    if (plF === ${FIELD.weight}) { return plNw; }
    return Math.fround(plNw * ${prm(RULE_PARAM.weightScale)});`;
}
