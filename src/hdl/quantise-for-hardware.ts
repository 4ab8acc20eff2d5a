/**
 * "Quantise for hardware" (issue 8): every float LIF (`stochastic_lif`) population becomes a
 * `fixed_point_lif` with the same potentials, tau_mem, resistance, refractory period, bias and
 * v_init, at a width W the user chooses, F and S chosen per population (`quantise-choice.ts`);
 * every float SC dense layer with constant inputs gains a `fixed_point` block
 * (`quantise-sc-dense.ts`).
 * Pure: document in, document and report out; the result passes `validateDocument`.
 *
 * One semantic difference is compensated: a float LIF's delta projection adds w to V after the
 * step's integration, so the next step leaks it with the rest of V and V moves by
 * w * (1 - dt/tau_mem); a fixed-point population takes every projection as a current (a delta
 * one lasts one step, engine step 2f), which the next step adds unleaked as w * resistance * dt.
 * So a delta projection onto a converted population has its weights multiplied by
 * (1 - dt/tau_mem) / (resistance * dt): the same jump of V, in exact arithmetic. What remains:
 * a delta spike that arrives at the step its target fires is erased by the float reset (step 6
 * follows delivery) but reaches the fixed-point neuron a step later, and one that arrives
 * while the target is refractory waits in the float V but is lost in the fixed-point one. So a
 * fast-firing network with delta projections fires more once quantised (`classifier.json`:
 * hidden 750 -> 846 spikes at every W, measured), while one with exponential projections or
 * none matches closely (see the tests).
 */
import { fixedRange } from '../engine/fixed-point/fixed-lif-step.ts';
import type { NetworkDocument, Population, Projection } from '../model/document.ts';
import { formatIssue, validateDocument } from '../model/index.ts';
import { hardwareRefusals, nameOf, type HardwareRefusal } from './hardware-check.ts';
import { chooseFractionBits, chooseScaleBits } from './quantise-choice.ts';
import { planScLayer } from './quantise-sc-dense.ts';
import { heldValues, scaleDistribution } from './quantise-values.ts';

/** W when the user chooses none: 16 bits, a DSP48 operand with room to spare. */
export const DEFAULT_TOTAL_BITS = 16;
/** The schema's range of W (`total_bits`). */
export const MIN_TOTAL_BITS = 8;
export const MAX_TOTAL_BITS = 24;

export interface QuantiseOptions {
  /** W of every converted population, 8..24 (default 16). */
  totalBits?: number;
}

/** What became of one converted population. */
export interface PopulationQuantisation {
  id: string;
  name: string;
  totalBits: number;
  fractionBits: number;
  scaleBits: number;
  /** The quantisation step of V and of the currents, 2^-F in the model's units (mV). */
  vStep: number;
  /** The values a W-bit register holds at F: [-2^(W-1-F), 2^(W-1-F) - 2^-F]. */
  range: { min: number; max: number };
  /** What could not go to hardware, e.g. "noise_std 0.02 (the hardware has no noise)". */
  dropped: string[];
  /** Projections whose weights were rescaled, and why. */
  rescaled: string[];
  /** Present for an SC layer, which keeps its model and gains a `fixed_point` block. */
  model?: 'sc_dense';
}

export interface QuantiseReport {
  totalBits: number;
  converted: PopulationQuantisation[];
  /** Float LIF populations (and SC layers: `model`) left as they were, each with the reason. */
  kept: { id: string; name: string; reason: string; model?: 'sc_dense' }[];
  /** The refusals of the resulting document: what still cannot go to hardware. */
  refusals: HardwareRefusal[];
}

type LifPopulation = Extract<Population, { model: 'stochastic_lif' }>;

/**
 * Converts every float LIF population and float SC layer that can be converted.
 *
 * @example quantiseForHardware(singleNeuron).report.converted[0] // { id: 'neuron', fractionBits: 14, ... }
 */
export function quantiseForHardware(
  doc: NetworkDocument,
  options: QuantiseOptions = {},
): { document: NetworkDocument; report: QuantiseReport } {
  const totalBits = options.totalBits ?? DEFAULT_TOTAL_BITS;
  if (!Number.isInteger(totalBits) || totalBits < MIN_TOTAL_BITS || totalBits > MAX_TOTAL_BITS) {
    throw new RangeError(
      `total bits must be an integer from ${MIN_TOTAL_BITS} to ${MAX_TOTAL_BITS}, got ${totalBits}`,
    );
  }
  const report: QuantiseReport = { totalBits, converted: [], kept: [], refusals: [] };
  let populations = doc.populations;
  let projections = doc.projections;
  for (const population of doc.populations) {
    if (population.model === 'sc_dense' && population.params.fixed_point === undefined) {
      // An SC layer keeps its model and gains a fixed_point block (quantise-sc-dense.ts).
      const plan = planScLayer(doc, population, totalBits);
      if ('reason' in plan) {
        const { id } = population;
        report.kept.push({ id, name: nameOf(population), reason: plan.reason, model: 'sc_dense' });
        continue;
      }
      populations = populations.map((p) => (p === population ? plan.population : p));
      report.converted.push(plan.summary);
      continue;
    }
    if (population.model !== 'stochastic_lif') continue;
    const plan = planPopulation(doc, population, totalBits);
    if ('reason' in plan) {
      report.kept.push({ id: population.id, name: nameOf(population), reason: plan.reason });
      continue;
    }
    populations = populations.map((p) => (p === population ? plan.population : p));
    projections = projections.map((p) => plan.projections.get(p.id) ?? p);
    report.converted.push(plan.summary);
  }
  const result = validateDocument({ ...doc, populations, projections });
  if (!result.ok) {
    // A bug here, not the user's: the conversion must keep every document valid.
    throw new Error(
      `quantise for hardware made an invalid document: ${result.issues.map(formatIssue).join('; ')}`,
    );
  }
  report.refusals = hardwareRefusals(result.document);
  return { document: result.document, report };
}

interface PopulationPlan {
  population: Population;
  /** Replacement projections by id (the delta projections onto it, rescaled). */
  projections: Map<string, Projection>;
  summary: PopulationQuantisation;
}

function planPopulation(
  doc: NetworkDocument,
  population: LifPopulation,
  totalBits: number,
): PopulationPlan | { reason: string } {
  const p = population.params;
  const dt = doc.run.dt;
  const gain = p.resistance * dt;
  if (!(p.tau_mem >= dt)) {
    return { reason: `tau_mem ${p.tau_mem} ms is below dt ${dt} ms (the leak would exceed 1)` };
  }
  if (gain > 256) {
    return { reason: `resistance * dt = ${gain} exceeds 256 (the gain register)` };
  }
  const incoming = doc.projections.filter((proj) => proj.target === population.id);
  const plastic = incoming.find(
    (proj) =>
      proj.plasticity !== undefined || proj.stp !== undefined || proj.structural !== undefined,
  );
  if (plastic !== undefined) {
    return {
      reason:
        `projection ${nameOf(plastic)} onto it is plastic, and a fixed_point_lif takes no ` +
        'plasticity: remove the plasticity first',
    };
  }
  const hasDelta = incoming.some((proj) => proj.synapse.kind === 'delta');
  if (hasDelta && gain === 0) {
    return {
      reason: 'it has delta projections but resistance 0, so no current could replace them',
    };
  }
  const rescaled: string[] = [];
  const replaced = new Map<string, Projection>();
  const deltaFactor = (1 - dt / p.tau_mem) / gain;
  for (const proj of incoming) {
    if (proj.synapse.kind !== 'delta' || deltaFactor === 1) continue;
    replaced.set(proj.id, { ...proj, weight: scaleDistribution(proj.weight, deltaFactor) });
    rescaled.push(
      `projection ${nameOf(proj)} (delta): weights × ${formatFactor(deltaFactor)} = ` +
        '(1 - dt/tau_mem) / (resistance * dt), as a fixed-point neuron takes them as a one-step ' +
        'current',
    );
  }
  const weights = incoming.map((proj) => replaced.get(proj.id)?.weight ?? proj.weight);
  const values = heldValues(doc, population, weights, gain);
  const fractionBits = chooseFractionBits(values, totalBits);
  if (fractionBits === null) {
    return { reason: `its values do not fit ${totalBits} bits even with no fraction bits` };
  }
  const decays = incoming.flatMap((proj) =>
    proj.synapse.kind === 'exponential' ? [1 - Math.exp(-dt / proj.synapse.tau)] : [],
  );
  const scaleBits = chooseScaleBits([dt / p.tau_mem, gain, ...decays]);
  const step = 2 ** -fractionBits;
  const { min, max } = fixedRange(totalBits);
  return {
    population: {
      id: population.id,
      ...(population.label === undefined ? {} : { label: population.label }),
      size: population.size,
      position: population.position,
      model: 'fixed_point_lif',
      params: {
        total_bits: totalBits,
        fraction_bits: fractionBits,
        scale_bits: scaleBits,
        v_rest: p.v_rest,
        v_reset: p.v_reset,
        v_threshold: p.v_threshold,
        tau_mem: p.tau_mem,
        resistance: p.resistance,
        refractory_period: p.refractory_period,
        bias: p.bias,
        v_init: p.v_init,
      },
    },
    projections: replaced,
    summary: {
      id: population.id,
      name: nameOf(population),
      totalBits,
      fractionBits,
      scaleBits,
      vStep: step,
      range: { min: min * step, max: max * step },
      dropped:
        p.noise_std === 0 ? [] : [`noise_std ${p.noise_std} (the hardware has no noise source)`],
      rescaled,
    },
  };
}

/** A factor with 6 significant digits, e.g. 0.95. */
function formatFactor(x: number): string {
  return String(Number(x.toPrecision(6)));
}
