/**
 * What the Brian2 export refuses, each as `path: reason`. A script that silently simulated a
 * different model would defeat the export's purpose (checking Spikelab against Brian2), so a
 * model Brian2 cannot run as Spikelab does is named here instead of approximated.
 *
 * Checks read kinds as strings and refuse whatever they do not know: a model or stimulus added
 * to the document later is refused until its export is written, never exported wrongly.
 */
import type { NetworkDocument } from '../../document.ts';

/** One thing the export cannot express. */
export interface Brian2Refusal {
  path: string;
  message: string;
}

/** Classic models with an exact Brian2 form (equations in `neurons.ts`, `sources.ts`). */
const CLASSIC_MODELS = new Set([
  'stochastic_lif',
  'izhikevich',
  'adex',
  'nir_neuron',
  'poisson',
  'spike_generator',
]);

/** Models of a brian2-loihi script (`loihi.ts`). */
const LOIHI_MODELS = new Set(['loihi', 'spike_generator']);

const WHY_NOT: Record<string, string> = {
  dynapsim:
    "DynapSim is Rockpool's analog DPI circuit (current-mode, mismatch drawn per neuron); Brian2 has no such model to name",
  sc_dense:
    "an SC layer's current is a count of counter-based bitstreams (sc-neurocore's streams), which Brian2 cannot draw",
  fixed_point_lif:
    'the fixed-point LIF saturates W-bit integers and shifts; Brian2 integrates floats',
};

/** Whether the document is exported for brian2-loihi (it has a Loihi population). */
export function isLoihiDocument(doc: NetworkDocument): boolean {
  return doc.populations.some((p) => p.model === 'loihi');
}

/**
 * Everything in `doc` (a validated document) the Brian2 export cannot express; empty when the
 * whole network exports.
 *
 * @example brian2Refusals(cuba) // []
 * @example brian2Refusals(dynapsimNet)[0].path // 'populations[0].model'
 */
export function brian2Refusals(doc: NetworkDocument): Brian2Refusal[] {
  const loihi = isLoihiDocument(doc);
  const out: Brian2Refusal[] = [];
  doc.populations.forEach((p, k) => {
    const model: string = p.model;
    const allowed = loihi ? LOIHI_MODELS : CLASSIC_MODELS;
    if (!allowed.has(model)) {
      const why =
        WHY_NOT[model] ??
        (loihi && CLASSIC_MODELS.has(model)
          ? 'a network with Loihi populations is exported for brian2-loihi, whose LoihiNetwork runs only loihi and spike_generator populations'
          : 'no Brian2 export is written for this model yet');
      out.push({
        path: `populations[${k}].model`,
        message: `'${model}' (population '${p.id}'): ${why}`,
      });
    }
    if (
      p.model === 'poisson' &&
      (p.params as { rate_series?: unknown }).rate_series !== undefined
    ) {
      out.push({
        path: `populations[${k}].params.rate_series`,
        message: 'a Poisson rate series is not exported to Brian2 yet (a constant rate is)',
      });
    }
  });
  doc.projections.forEach((pr, k) => refuseProjection(doc, pr, `projections[${k}]`, loihi, out));
  doc.stimuli.forEach((s, k) => {
    const kind: string = s.kind;
    if (kind !== 'current_step') {
      out.push({ path: `stimuli[${k}].kind`, message: `'${kind}' is not exported to Brian2 yet` });
    }
    const target = doc.populations.find((p) => p.id === s.target);
    if (kind === 'current_step' && target?.model === 'nir_neuron') {
      out.push({
        path: `stimuli[${k}].target`,
        message: `a current step into the nir_neuron population '${target.id}' is not exported to Brian2 yet`,
      });
    }
  });
  doc.probes.forEach((probe, k) => {
    if (probe.kind !== 'synapse' || loihi) return;
    const pr = doc.projections.find((x) => x.id === probe.projection);
    const stdp = pr?.plasticity?.rule === 'stdp';
    if (!stdp || probe.variable === 'eligibility' || probe.variable === 'w_act') {
      out.push({
        path: `probes[${k}].variable`,
        message: `'${probe.variable}' of projection '${probe.projection}': only STDP's w, pre_trace and post_trace are exported`,
      });
    }
  });
  return out;
}

function refuseProjection(
  doc: NetworkDocument,
  pr: NetworkDocument['projections'][number],
  at: string,
  loihi: boolean,
  out: Brian2Refusal[],
): void {
  const kind: string = pr.synapse.kind;
  const expected = loihi ? ['loihi'] : ['delta', 'exponential'];
  const targetModel = doc.populations.find((p) => p.id === pr.target)?.model;
  // Events into a Poisson or generator population are dropped by the engine: nothing to export.
  const dropped = targetModel === 'poisson' || targetModel === 'spike_generator';
  if (!expected.includes(kind) && !dropped) {
    out.push({
      path: `${at}.synapse.kind`,
      message: `'${kind}' synapses are not exported here (${expected.join(', ')} are)`,
    });
  }
  if (pr.plasticity !== undefined && pr.plasticity.rule !== 'stdp') {
    out.push({
      path: `${at}.plasticity.rule`,
      message: `'${pr.plasticity.rule}' is not exported: of the weight rules only STDP has an exact Brian2 form here`,
    });
  }
  if (pr.stp !== undefined) {
    out.push({ path: `${at}.stp`, message: 'short-term plasticity is not exported to Brian2 yet' });
  }
  if (pr.structural !== undefined) {
    out.push({
      path: `${at}.structural`,
      message:
        "structural plasticity (seeded pruning and growth) has no Brian2 form: Brian2's synapses are fixed once connected",
    });
  }
  if (loihi && pr.delay.kind !== 'constant') {
    out.push({
      path: `${at}.delay`,
      message: "brian2-loihi's LoihiSynapses take one delay for all synapses: use a constant delay",
    });
  }
}
