/** The one parameter that says most about a population, for its node on the canvas. */
import type { Population, PopulationModel } from '../../model/index.ts';
import { formatNumber } from './projection-summary.ts';

export function populationSummary(p: Population): string {
  switch (p.model) {
    case 'stochastic_lif':
      return (
        `τ ${formatNumber(p.params.tau_mem)} ms · θ ${formatNumber(p.params.v_threshold)}` +
        (p.params.noise_std > 0 ? ' · noisy' : '')
      );
    case 'poisson':
      return `${formatNumber(p.params.rate)} Hz`;
    case 'spike_generator': {
      const n = p.params.times.length;
      const period = p.params.period > 0 ? ` every ${formatNumber(p.params.period)} ms` : '';
      return `${n} ${n === 1 ? 'spike' : 'spikes'}${period}`;
    }
    case 'sc_dense': {
      // Where the channels come from matters most; the stream length says how fine the values are.
      const inputs = p.params.inputs;
      const n = p.params.weights.length;
      const from =
        inputs.kind === 'rates'
          ? `rates of ${inputs.source}`
          : `${n} ${n === 1 ? 'input' : 'inputs'}`;
      return `${from} · L ${formatNumber(p.params.length)}`;
    }
    case 'loihi':
      return `θ ${formatNumber(p.params.threshold_v_mant)}·2⁶ · refr ${formatNumber(p.params.refractory)}`;
    case 'izhikevich':
      return `a ${formatNumber(p.params.a)} · b ${formatNumber(p.params.b)} · c ${formatNumber(p.params.c)} · d ${formatNumber(p.params.d)}`;
    case 'adex':
      return `a ${formatNumber(p.params.a)} nS · b ${formatNumber(p.params.b)} pA · τw ${formatNumber(p.params.tau_w)} ms`;
    case 'fixed_point_lif':
      return `${formatNumber(p.params.total_bits)} bits · Q${formatNumber(p.params.total_bits - p.params.fraction_bits)}.${formatNumber(p.params.fraction_bits)} · θ ${formatNumber(p.params.v_threshold)}`;
    case 'dynapsim':
      return `Idc ${formatNumber(p.params.Idc * 1e12)} pA · thr ${formatNumber(p.params.Ispkthr * 1e9)} nA`;
    case 'nir_neuron':
      return `${p.params.type} · ${p.params.discretisation}`;
  }
}

/** Spike sources (Poisson, generators) take no input, so their nodes have no target handle. */
export function isSource(model: PopulationModel): boolean {
  return model === 'poisson' || model === 'spike_generator';
}
