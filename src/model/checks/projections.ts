/**
 * Checks of each projection: its endpoints exist and can take part, and its connectivity,
 * weights and delays make sense for their sizes.
 */
import type { Population, Projection } from '../document.ts';
import type { CheckContext } from './context.ts';
import { flag, modelPhrase, resolvePopulation } from './context.ts';

/** Checks every projection's references and size-dependent parameters. */
export function checkProjections(ctx: CheckContext): void {
  ctx.doc.projections.forEach((projection, i) => {
    const at = `projections[${i}]`;
    const source = resolvePopulation(ctx, `${at}.source`, projection.source);
    const target = resolvePopulation(ctx, `${at}.target`, projection.target);
    if (target !== undefined) checkTarget(ctx, `${at}.target`, target);
    if (source !== undefined && target !== undefined) {
      checkConnectivity(ctx, at, projection, source, target);
    }
    const weight = projection.weight;
    if (weight.kind === 'uniform' && !(weight.low <= weight.high)) {
      flag(ctx, `${at}.weight.high`, `must be >= low (${weight.low}), got ${weight.high}`);
    }
    const delay = projection.delay;
    if (delay.kind === 'uniform_int' && !(delay.low <= delay.high)) {
      flag(ctx, `${at}.delay.high`, `must be >= low (${delay.low}), got ${delay.high}`);
    }
  });
}

/**
 * Populations with a membrane (`stochastic_lif`, `izhikevich`, `adex`, `fixed_point_lif`) take
 * projections.
 */
function checkTarget(ctx: CheckContext, at: string, target: Population): void {
  switch (target.model) {
    case 'stochastic_lif':
    case 'izhikevich':
    case 'adex':
    case 'fixed_point_lif':
      return;
    case 'nir_neuron':
      // Delta synapses only: checks/nir-neuron.ts.
      return;
    case 'sc_dense':
      // Its current is the SC count of its channels (CONTEXT.md step 1b), nothing else.
      flag(
        ctx,
        at,
        `${modelPhrase(target)}; an sc_dense layer takes its inputs from params.inputs, ` +
          'not from projections',
      );
      return;
    case 'loihi':
    case 'dynapsim':
      // Chip models take only their own synapse kind: checks/loihi.ts and checks/dynapsim.ts.
      return;
    case 'poisson':
    case 'spike_generator':
      // Sources have no membrane to receive input.
      flag(ctx, at, `${modelPhrase(target)}; spike sources cannot receive projections`);
      return;
  }
}

function checkConnectivity(
  ctx: CheckContext,
  at: string,
  projection: Projection,
  source: Population,
  target: Population,
): void {
  const connectivity = projection.connectivity;
  switch (connectivity.rule) {
    case 'all_to_all':
    case 'fixed_probability':
      return;
    case 'one_to_one':
      if (source.size !== target.size) {
        flag(
          ctx,
          `${at}.connectivity.rule`,
          `one_to_one needs equal sizes, got source ${JSON.stringify(source.id)} (${source.size}) ` +
            `and target ${JSON.stringify(target.id)} (${target.size})`,
        );
      }
      return;
    case 'fixed_fan_in': {
      const excludeSelf = source.id === target.id && !connectivity.allow_self;
      const most = excludeSelf ? source.size - 1 : source.size;
      if (connectivity.k > most) {
        const why = excludeSelf
          ? `source size ${source.size} without self-connections`
          : `source size ${source.size}`;
        flag(ctx, `${at}.connectivity.k`, `must be <= ${most} (${why}), got ${connectivity.k}`);
      }
      return;
    }
    case 'conv2d':
    case 'conv1d':
    case 'sum_pool2d':
    case 'avg_pool2d':
    case 'explicit':
      // Shapes, kernels and pairs: checks/conv.ts.
      return;
  }
}
