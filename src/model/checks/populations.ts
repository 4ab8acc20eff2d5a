/**
 * Checks of each population's parameters against each other and against the run settings.
 */
import type { Population, SpikeGeneratorParams, StochasticLifParams } from '../document.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';
import { checkScDense } from './sc-dense.ts';
import { checkAdex, checkIzhikevich } from './classic-models.ts';
import { checkFixedPointLif } from './fixed-point-lif.ts';
import { checkNirNeuron } from './nir-neuron.ts';

/** Checks every population for parameter combinations the schema cannot see one field at a time. */
export function checkPopulations(ctx: CheckContext): void {
  ctx.doc.populations.forEach((population, i) => {
    const at = `populations[${i}].params`;
    checkPopulation(ctx, at, population);
  });
}

function checkPopulation(ctx: CheckContext, at: string, population: Population): void {
  switch (population.model) {
    case 'stochastic_lif':
      checkLif(ctx, at, population.params);
      return;
    case 'poisson': {
      // At most one spike per step: the engine draws one Bernoulli trial with p = rate*dt/1000.
      const dt = ctx.doc.run.dt;
      const maxRate = 1000 / dt;
      if (population.params.rate > maxRate) {
        flag(
          ctx,
          `${at}.rate`,
          `must be <= ${formatNumber(maxRate)} Hz at run.dt = ${dt} ms (one spike per step), ` +
            `got ${population.params.rate}`,
        );
      }
      return;
    }
    case 'spike_generator':
      checkSpikeGenerator(ctx, at, population.size, population.params);
      return;
    case 'sc_dense':
      checkScDense(ctx, at, population.id, population.params);
      return;
    case 'izhikevich':
      checkIzhikevich(ctx, at, population.params);
      return;
    case 'adex':
      checkAdex(ctx, at, population.params);
      return;
    case 'fixed_point_lif':
      checkFixedPointLif(ctx, at, population.params);
      return;
    case 'nir_neuron':
      checkNirNeuron(ctx, at, population.size, population.params);
      return;
    case 'loihi':
    case 'dynapsim':
      // Their rules involve their synapses too: checks/loihi.ts and checks/dynapsim.ts.
      return;
  }
}

function checkLif(ctx: CheckContext, at: string, params: StochasticLifParams): void {
  if (!(params.v_reset < params.v_threshold)) {
    flag(
      ctx,
      `${at}.v_reset`,
      `must be < v_threshold (${params.v_threshold}), got ${params.v_reset}`,
    );
  }
  const init = params.v_init;
  if (init.kind === 'uniform' && !(init.low <= init.high)) {
    flag(ctx, `${at}.v_init.high`, `must be >= low (${init.low}), got ${init.high}`);
  }
}

function checkSpikeGenerator(
  ctx: CheckContext,
  at: string,
  size: number,
  params: SpikeGeneratorParams,
): void {
  if (params.indices.length !== params.times.length) {
    flag(
      ctx,
      `${at}.times`,
      `must have as many entries as indices (${params.indices.length}), got ${params.times.length}`,
    );
  }
  params.indices.forEach((index, k) => {
    if (index >= size) flag(ctx, `${at}.indices[${k}]`, `must be < size (${size}), got ${index}`);
  });
  if (params.period > 0) {
    params.times.forEach((time, k) => {
      if (time >= params.period) {
        flag(ctx, `${at}.times[${k}]`, `must be < period (${params.period} ms), got ${time}`);
      }
    });
  }
}

/** A rate limit like 1000/0.3 printed without a wall of digits. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
