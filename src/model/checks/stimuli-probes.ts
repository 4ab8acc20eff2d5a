/**
 * Checks of stimuli and probes: their populations exist and have what they inject into or
 * record from.
 */
import type { Population, PopulationProbe } from '../document.ts';
import { isPopulationProbe } from '../document.ts';
import type { CheckContext } from './context.ts';
import { flag, modelPhrase, resolvePopulation } from './context.ts';
import { checkAdaptationProbe } from './classic-models.ts';

/** Checks every current stimulus: a LIF target and a non-empty time window. */
export function checkStimuli(ctx: CheckContext): void {
  ctx.doc.stimuli.forEach((stimulus, i) => {
    const at = `stimuli[${i}]`;
    const target = resolvePopulation(ctx, `${at}.target`, stimulus.target);
    if (target !== undefined && !hasMembrane(target)) {
      flag(
        ctx,
        `${at}.target`,
        `${modelPhrase(target)}; a current needs a stochastic_lif, sc_dense, izhikevich or adex target`,
      );
    }
    if (stimulus.kind === 'current_step' && !(stimulus.stop > stimulus.start)) {
      flag(ctx, `${at}.stop`, `must be > start (${stimulus.start} ms), got ${stimulus.stop}`);
    }
  });
}

/**
 * Populations with a membrane: they integrate a current (stimuli add to it) and have V and a
 * synaptic current to record (an sc_dense layer's `i_syn` is its SC current).
 */
function hasMembrane(population: Population): boolean {
  return (
    population.model === 'stochastic_lif' ||
    population.model === 'sc_dense' ||
    population.model === 'izhikevich' ||
    population.model === 'adex' ||
    population.model === 'fixed_point_lif' ||
    population.model === 'nir_neuron'
  );
}

/** Checks every probe: population, recordable variable, neuron indices, bin width. */
export function checkProbes(ctx: CheckContext): void {
  // One spikes probe per population: the engine keys recorded spikes by population id.
  const spikeProbes = new Map<string, string>();
  ctx.doc.probes.forEach((probe, i) => {
    const at = `probes[${i}]`;
    // Synapse probes name a projection: checkSynapseProbes (synapse-probes.ts) checks them.
    if (!isPopulationProbe(probe)) return;
    const population = resolvePopulation(ctx, `${at}.population`, probe.population);
    if (population === undefined) return;
    checkProbe(ctx, at, probe, population.size, spikeProbes);
    if (probe.kind === 'state') checkAdaptationProbe(ctx, at, probe.variable, population);
    // A loihi population records v and i_syn (its I) but takes no current stimuli.
    // A dynapsim population records v (Imem) and i_syn (Isyn), and takes no current stimuli.
    const recordsState = population.model === 'loihi' || population.model === 'dynapsim';
    if (probe.kind === 'state' && !hasMembrane(population) && !recordsState) {
      flag(
        ctx,
        `${at}.population`,
        `${modelPhrase(population)}; only stochastic_lif, sc_dense, izhikevich and adex have state to record`,
      );
    }
  });
}

function checkProbe(
  ctx: CheckContext,
  at: string,
  probe: PopulationProbe,
  size: number,
  spikeProbes: Map<string, string>,
): void {
  switch (probe.kind) {
    case 'spikes': {
      const first = spikeProbes.get(probe.population);
      if (first !== undefined) {
        flag(
          ctx,
          `${at}.population`,
          `population ${JSON.stringify(probe.population)} already has a spikes probe (${first})`,
        );
      } else spikeProbes.set(probe.population, at);
      return;
    }
    case 'state': {
      const seen = new Set<number>();
      probe.neurons.forEach((neuron, k) => {
        if (neuron >= size)
          flag(ctx, `${at}.neurons[${k}]`, `must be < size (${size}), got ${neuron}`);
        else if (seen.has(neuron)) flag(ctx, `${at}.neurons[${k}]`, `duplicate neuron ${neuron}`);
        seen.add(neuron);
      });
      return;
    }
    case 'rate':
      if (probe.bin < ctx.doc.run.dt) {
        flag(ctx, `${at}.bin`, `must be >= run.dt (${ctx.doc.run.dt} ms), got ${probe.bin}`);
      }
      return;
  }
}
