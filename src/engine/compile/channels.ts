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
 * synapse). `decay = fround(exp(-dt/tau))`.
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
    // Delta and Loihi synapses add to V or to the Loihi current I, not to a channel.
    if (pr.synapse.kind !== 'exponential') return -1;
    const target = populationIndex.get(pr.target) ?? -1;
    const tau = pr.synapse.tau;
    const key = `${target}:${tau}`;
    let channel = seen.get(key);
    if (channel === undefined) {
      channel = channels.length;
      seen.set(key, channel);
      channels.push({ target, tau, decay: Math.fround(Math.exp(-dt / tau)) });
    }
    return channel;
  });
  return { channels, byProjection };
}
