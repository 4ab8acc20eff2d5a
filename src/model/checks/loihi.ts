/**
 * Checks of Loihi populations and Loihi synapses (brian2-loihi's rules): the run steps at 1 ms,
 * Loihi targets take Loihi synapses only and Loihi synapses reach Loihi targets only, weight
 * mantissas are integers in the sign mode's range, delays are 0..62 steps, the learning rule
 * (`loihi-learning.ts`).
 */
import type { LoihiSignMode, Population, Projection } from '../document.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';
import { checkPerSynapseList } from './per-synapse-list.ts';
import { checkChipSynapse, forEachProjectionEnds } from './chip-synapse.ts';
import { checkLoihiLearning } from './loihi-learning.ts';

/** brian2-loihi's `LoihiSynapses.w` ranges of the weight mantissa, per sign mode. */
export const LOIHI_MANTISSA_RANGE: Readonly<Record<LoihiSignMode, readonly [number, number]>> = {
  mixed: [-256, 254],
  excitatory: [0, 255],
  inhibitory: [-256, 0],
};

/** brian2-loihi's delay range, steps. */
export const LOIHI_MAX_DELAY = 62;

/** Every Loihi rule of the document. */
export function checkLoihi(ctx: CheckContext): void {
  const loihi = ctx.doc.populations.findIndex((p) => p.model === 'loihi');
  if (loihi >= 0 && ctx.doc.run.dt !== 1) {
    const id = JSON.stringify(ctx.doc.populations[loihi]?.id);
    flag(
      ctx,
      'run.dt',
      `must be 1 ms: population ${id} is a loihi population, and Loihi (as brian2-loihi) steps ` +
        `at 1 ms; got ${ctx.doc.run.dt}`,
    );
  }
  forEachProjectionEnds(ctx, (at, projection, source, target) =>
    checkProjection(ctx, at, projection, source, target),
  );
}

function checkProjection(
  ctx: CheckContext,
  at: string,
  projection: Projection,
  source: Population | undefined,
  target: Population | undefined,
): void {
  checkChipSynapse(ctx, at, projection, target, 'loihi', 'loihi');
  const synapse = projection.synapse;
  if (synapse.kind !== 'loihi') return;
  checkLoihiLearning(ctx, at, synapse);
  const delay = projection.delay;
  const delays =
    delay.kind === 'constant'
      ? [['steps', delay.steps]]
      : delay.kind === 'explicit'
        ? delay.steps.map((steps, k) => [`steps[${k}]`, steps])
        : [
            ['low', delay.low],
            ['high', delay.high],
          ];
  for (const [field, value] of delays as [string, number][]) {
    if (value > LOIHI_MAX_DELAY) {
      flag(
        ctx,
        `${at}.delay.${field}`,
        `delay has to be between 0 and ${LOIHI_MAX_DELAY} with a loihi synapse, got ${value}`,
      );
    }
  }
  const [low, high] = LOIHI_MANTISSA_RANGE[synapse.sign_mode];
  const rangeMessage = (value: number): string =>
    `weights have to be between ${low} and ${high} in sign mode ${synapse.sign_mode}, got ${value}`;
  if (synapse.mantissas === undefined) {
    const weight = projection.weight;
    if (weight.kind !== 'constant') {
      flag(
        ctx,
        `${at}.weight.kind`,
        `a loihi synapse takes a constant weight mantissa (or synapse.mantissas), got ${weight.kind}`,
      );
    } else if (!Number.isInteger(weight.value)) {
      flag(ctx, `${at}.weight.value`, `weights have to be integer values, got ${weight.value}`);
    } else if (weight.value < low || weight.value > high) {
      flag(ctx, `${at}.weight.value`, rangeMessage(weight.value));
    }
    return;
  }
  synapse.mantissas.forEach((value, k) => {
    if (value < low || value > high)
      flag(ctx, `${at}.synapse.mantissas[${k}]`, rangeMessage(value));
  });
  if (source === undefined || target === undefined) return;
  checkPerSynapseList(
    ctx,
    `${at}.synapse.mantissas`,
    projection,
    source,
    target,
    synapse.mantissas.length,
  );
}
