/**
 * Checks of a projection's plasticity (`plasticity`, `stp`, `structural`) and of explicit
 * per-synapse weights that span fields or items: where plasticity may be used (classic synapses
 * between spiking classic populations), ranges between fields, the reward population, the
 * OnlineO1 configuration, and one explicit weight per synapse.
 */
import type { Population, Projection, RewardSource } from '../document.ts';
// The one check of an OnlineO1 configuration, so the document and `spikelab online-o1` stream
// files give the same messages; it is a pure, import-free file of the engine's learning folder.
import {
  ONLINE_O1_FIELD_RANGES,
  validateOnlineO1Config,
} from '../../engine/learning/online-o1-config.ts';
import type { CheckContext } from './context.ts';
import { flag, modelPhrase } from './context.ts';
import { forEachProjectionEnds } from './chip-synapse.ts';
import { checkPerSynapseList } from './per-synapse-list.ts';

/** The parts of a projection that make it plastic, as named in the document. */
const PARTS = ['plasticity', 'stp', 'structural'] as const;

/** Populations whose spikes of step t are known by step 5 (the reward rule reads them there). */
const LATE_SPIKING = new Set<Population['model']>(['loihi', 'dynapsim']);

/** Every plasticity and explicit-weight rule of the document. */
export function checkPlasticity(ctx: CheckContext): void {
  forEachProjectionEnds(ctx, (at, projection, source, target) => {
    if (projection.weight.kind === 'explicit' && source !== undefined && target !== undefined) {
      checkPerSynapseList(
        ctx,
        `${at}.weight.values`,
        projection,
        source,
        target,
        projection.weight.values.length,
      );
    }
    for (const part of PARTS) {
      if (projection[part] !== undefined)
        checkPlace(ctx, `${at}.${part}`, projection, source, target);
    }
    checkRule(ctx, at, projection);
    checkStructural(ctx, at, projection);
  });
}

/** Plasticity needs a classic synapse from a classic source into a classic membrane. */
function checkPlace(
  ctx: CheckContext,
  at: string,
  projection: Projection,
  source: Population | undefined,
  target: Population | undefined,
): void {
  const kind = projection.synapse.kind;
  if (kind !== 'delta' && kind !== 'exponential') {
    flag(ctx, at, `needs a delta or exponential synapse, got ${kind}`);
    return;
  }
  if (source !== undefined && LATE_SPIKING.has(source.model)) {
    flag(ctx, at, `needs a classic source; ${modelPhrase(source)}`);
  }
  if (target?.model === 'fixed_point_lif' && at.endsWith('.plasticity')) {
    checkFixedPointRule(ctx, at, projection);
    return;
  }
  if (
    target !== undefined &&
    target.model !== 'stochastic_lif' &&
    target.model !== 'izhikevich' &&
    target.model !== 'adex'
  ) {
    flag(ctx, at, `needs a stochastic_lif, izhikevich or adex target; ${modelPhrase(target)}`);
  }
}

/**
 * Onto a fixed_point_lif target (integer currents, step 2f) only online_o1 learns: its weights
 * are integers, and the compile quantises the drawn weights to units of 2^-fraction_bits before
 * dividing them by `weight_scale`, so a whole-number scale delivers whole numbers (the integer
 * weight times the scale). Every other rule, or a fractional scale, would put fractions into
 * the integer neuron.
 */
function checkFixedPointRule(ctx: CheckContext, at: string, projection: Projection): void {
  const rule = projection.plasticity;
  if (rule === undefined) return;
  if (rule.rule !== 'online_o1') {
    flag(
      ctx,
      at,
      `onto a fixed_point_lif target only online_o1 learns (its weights are integers), got ${rule.rule}`,
    );
  } else if (!Number.isInteger(Math.fround(rule.weight_scale))) {
    flag(
      ctx,
      `${at}.weight_scale`,
      'must be a whole number onto a fixed_point_lif target (in units of 2^-fraction_bits, ' +
        `so the delivered weight stays an integer), got ${rule.weight_scale}`,
    );
  }
}

function checkRule(ctx: CheckContext, at: string, projection: Projection): void {
  const rule = projection.plasticity;
  if (rule === undefined) return;
  const path = `${at}.plasticity`;
  switch (rule.rule) {
    case 'stdp':
    case 'rstdp':
      if (!(rule.w_min <= rule.w_max)) {
        flag(ctx, `${path}.w_max`, `must be >= w_min (${rule.w_min}), got ${rule.w_max}`);
      }
      if (rule.rule === 'rstdp') checkReward(ctx, `${path}.reward`, rule.reward);
      return;
    case 'online_o1': {
      const fields = Object.keys(ONLINE_O1_FIELD_RANGES) as (keyof typeof ONLINE_O1_FIELD_RANGES)[];
      const config = Object.fromEntries(fields.map((f) => [f, rule[f]]));
      const result = validateOnlineO1Config(config);
      if (!result.ok) {
        for (const issue of result.issues) flag(ctx, `${path}.${issue.field}`, issue.message);
      }
      checkReward(ctx, `${path}.reward`, rule.reward);
      if (!Number.isInteger(rule.reward.amount)) {
        flag(
          ctx,
          `${path}.reward.amount`,
          `must be an integer with online_o1 (its rewards are integers), got ${rule.reward.amount}`,
        );
      }
      if (projection.structural !== undefined) {
        flag(
          ctx,
          `${at}.structural`,
          'cannot be used with the online_o1 rule, whose weights are bounded integers',
        );
      }
      return;
    }
    case 'homeostatic':
      checkInterval(ctx, `${path}.interval`, rule.interval);
      return;
  }
}

/** The reward population exists and spikes by step 5 of each step. */
function checkReward(ctx: CheckContext, at: string, reward: RewardSource): void {
  const found = ctx.populations.get(reward.population)?.population;
  if (found === undefined) {
    flag(ctx, `${at}.population`, `no population has the id ${JSON.stringify(reward.population)}`);
  } else if (LATE_SPIKING.has(found.model)) {
    flag(
      ctx,
      `${at}.population`,
      `${modelPhrase(found)}; rewards come from a classic population or a spike source`,
    );
  }
}

function checkStructural(ctx: CheckContext, at: string, projection: Projection): void {
  const s = projection.structural;
  if (s === undefined) return;
  checkInterval(ctx, `${at}.structural.interval`, s.interval);
  if (!(s.grow_low <= s.grow_high)) {
    flag(
      ctx,
      `${at}.structural.grow_high`,
      `must be >= grow_low (${s.grow_low}), got ${s.grow_high}`,
    );
  }
}

/** An interval of less than one step would round to no step at all. */
function checkInterval(ctx: CheckContext, at: string, interval: number): void {
  const dt = ctx.doc.run.dt;
  if (!(interval >= dt)) flag(ctx, at, `must be >= run.dt (${dt} ms), got ${interval}`);
}
