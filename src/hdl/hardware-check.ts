/**
 * Which parts of a network document have no exact hardware form (issue 8). The Verilog core
 * runs only what the engine runs in integers, so that "bit-exact" means something: fixed-point
 * LIF, SC dense layers in fixed point (`fixed_point`), Loihi neurons and synapses (without
 * learning rules), spike generators, Poisson sources
 * (the engine's Poisson is a counter-based integer hash that the RTL reproduces) and OnlineO1
 * learning. Everything else is refused here, one message per population or projection, naming
 * it by id and label and saying what to convert it to. Pure: no engine, no DOM.
 */
import type { NetworkDocument, Population, Projection } from '../model/document.ts';

/** One reason a document cannot go to hardware, at a validation-style path. */
export interface HardwareRefusal {
  /** `populations[i]` or `projections[i]` (with a field where one field is at fault). */
  path: string;
  message: string;
  /** What to select on the canvas to show it. */
  subject: { kind: 'population' | 'projection'; id: string };
}

/** `'exc' (Excitatory)`, or `'exc'` when the label is absent or equal to the id. */
export function nameOf(item: { id: string; label?: string }): string {
  const label = item.label?.trim();
  return label === undefined || label === '' || label === item.id
    ? `'${item.id}'`
    : `'${item.id}' (${label})`;
}

/** Why a population's model cannot go to hardware, or null when it can. */
function populationReason(population: Population): string | null {
  switch (population.model) {
    case 'fixed_point_lif':
    case 'loihi':
    case 'spike_generator':
    case 'poisson':
      return null;
    case 'stochastic_lif':
      return (
        'is a float LIF, which has no exact hardware form: convert it to fixed_point_lif ' +
        '(Quantise for hardware)'
      );
    case 'izhikevich':
    case 'adex':
    case 'dynapsim':
    case 'nir_neuron':
      return (
        `is a ${population.model} population, which has no hardware form (the core runs ` +
        'integer models only): remove it or replace it with a fixed_point_lif or loihi population'
      );
    case 'sc_dense':
      // Step 1b integer: with `fixed_point` (constant inputs, no noise: validation) the layer
      // is integer throughout (mix32 draws, AND gates, a count, fixed_point_lif's step 2f).
      if (population.params.fixed_point !== undefined) return null;
      // Otherwise its LIF integrates V in float32 with Gaussian noise: no exact RTL form.
      return (
        'is an SC dense layer, which cannot go to hardware yet: its LIF integrates in float32 ' +
        '(with noise), so the RTL could not match the engine exactly; give it a fixed_point ' +
        'block (constant inputs, no noise), or replace it with a fixed_point_lif population'
      );
  }
}

/** Why a projection cannot go to hardware (one message per fault), by field. */
function projectionReasons(projection: Projection): { field: string; reason: string }[] {
  const reasons: { field: string; reason: string }[] = [];
  const synapse = projection.synapse;
  if (synapse.kind === 'loihi') {
    const learns = (synapse.dw ?? '').trim() !== '';
    const traces = synapse.traces !== undefined && Object.keys(synapse.traces).length > 0;
    if (learns || traces) {
      reasons.push({
        field: 'synapse.dw',
        reason:
          'has a Loihi learning rule (dw or traces), which the core does not run: remove the ' +
          'rule to keep fixed weights, or learn with online_o1 on a classic projection',
      });
    }
  }
  const rule = projection.plasticity?.rule;
  if (rule !== undefined && rule !== 'online_o1') {
    reasons.push({
      field: 'plasticity',
      reason:
        `has ${rule} plasticity, which runs in float: only online_o1 learns on hardware; ` +
        'remove it or convert it to online_o1',
    });
  }
  const plasticity = projection.plasticity;
  if (plasticity?.rule === 'online_o1') {
    // The engine delivers fround(weight * weight_scale) into the target's integer currents
    // (onto a fixed_point_lif target the compile quantised the weights to units of 2^-F before
    // dividing by the scale): a fraction there has no integer form.
    const scale = Math.fround(plasticity.weight_scale);
    if (!Number.isInteger(scale)) {
      reasons.push({
        field: 'plasticity.weight_scale',
        reason:
          `learns with online_o1 at weight_scale ${plasticity.weight_scale}, so it would deliver ` +
          "fractions of the integer target's unit (the weights onto a fixed_point_lif " +
          'population are in units of 2^-fraction_bits): use a whole-number weight_scale',
      });
    }
  }
  if (projection.stp !== undefined) {
    reasons.push({
      field: 'stp',
      reason: 'has short-term plasticity, which runs in float and has no hardware form: remove it',
    });
  }
  if (projection.structural !== undefined) {
    reasons.push({
      field: 'structural',
      reason: 'has structural plasticity, which runs in float and has no hardware form: remove it',
    });
  }
  return reasons;
}

/**
 * Every refusal of `doc`, populations first (document order), then projections; empty when
 * the network can go to hardware.
 *
 * @example hardwareRefusals(cuba) // [{ path: 'populations[0]', message: "population 'exc' ..." }, ...]
 */
export function hardwareRefusals(doc: NetworkDocument): HardwareRefusal[] {
  const refusals: HardwareRefusal[] = [];
  doc.populations.forEach((population, i) => {
    const reason = populationReason(population);
    if (reason === null) return;
    refusals.push({
      path: `populations[${i}]`,
      message: `population ${nameOf(population)} ${reason}`,
      subject: { kind: 'population', id: population.id },
    });
  });
  doc.projections.forEach((projection, i) => {
    for (const { field, reason } of projectionReasons(projection)) {
      refusals.push({
        path: `projections[${i}].${field}`,
        message: `projection ${nameOf(projection)} ${reason}`,
        subject: { kind: 'projection', id: projection.id },
      });
    }
  });
  return refusals;
}
