/** Exponential synaptic currents: one channel per distinct (target population, tau). */
import type { NetworkDocument } from '../../model/document.ts';
import type { ChannelPlan } from '../plan.ts';

export interface ChannelAssignment {
  channels: ChannelPlan[];
  /** Channel of each projection (by document index), or -1 for a `delta` projection. */
  byProjection: number[];
}

/**
 * Channels in order of first appearance among the projections, so that projections with the
 * same target and tau share one current (Brian2's `ge` of CUBA is fed by every excitatory
 * synapse). `decay = fround(exp(-dt/tau))`. Into a `fixed_point_lif` target every projection
 * feeds a channel (step 2f): a delta one gets the channel of tau 0 (decay 0, a current that
 * lasts one step), and each channel also has `fixedDecay = round(exp(-dt/tau) * 2^S)`. Into a
 * `nir_neuron` target (delta only) the same channel of tau 0 is its input of the next step (2g).
 *
 * @example assignChannels(cuba, index, 0.1).channels.length // 2 (ge, gi)
 */
export function assignChannels(
  doc: NetworkDocument,
  populationIndex: ReadonlyMap<string, number>,
  dt: number,
): ChannelAssignment {
  const channels: ChannelPlan[] = [];
  const seen = new Map<string, number>();
  const byProjection = doc.projections.map((pr) => {
    const target = populationIndex.get(pr.target) ?? -1;
    const fixed = doc.populations[target];
    const scaleBits = fixed?.model === 'fixed_point_lif' ? fixed.params.scale_bits : undefined;
    // A nir_neuron's input channel (step 2g): delta weights summed for the next step's input.
    const nir = fixed?.model === 'nir_neuron';
    const kind = pr.synapse.kind;
    // Delta and Loihi synapses add to V or to the Loihi current I, not to a channel; into a
    // fixed-point population a delta synapse feeds its one-step channel.
    if (kind !== 'exponential' && !(kind === 'delta' && (scaleBits !== undefined || nir)))
      return -1;
    const tau = pr.synapse.kind === 'exponential' ? pr.synapse.tau : 0;
    const key = `${target}:${tau}`;
    let channel = seen.get(key);
    if (channel === undefined) {
      channel = channels.length;
      seen.set(key, channel);
      const decay = tau === 0 ? 0 : Math.exp(-dt / tau);
      channels.push({
        target,
        tau,
        decay: Math.fround(decay),
        ...(scaleBits === undefined ? {} : { fixedDecay: Math.round(decay * 2 ** scaleBits) }),
      });
    }
    return channel;
  });
  return { channels, byProjection };
}
