/**
 * The SC count of one step (CONTEXT.md step 1b) as pure integer functions: the one definition
 * that the reference backend, the integer SC layer and the Verilog unit `hdl/sc_lane.v` (and
 * its tests) share. A channel's bit `i` of a stream is `draw24(stepKey(key, i), 0) < threshold`
 * (the engine's mix32 hash); its synapse is the AND of its input bit and its weight bit, and k
 * counts the channels whose AND is one.
 */
import { draw24, stepKey } from '../random.ts';

/**
 * Bit `index` of the stream under `key`: one where the 24-bit draw is below `threshold`
 * (0..2^24; 2^24 gives all ones).
 *
 * @example scStreamBit(inputKey, t % length, threshold24(0.5))
 */
export function scStreamBit(key: number, index: number, threshold: number): boolean {
  return draw24(stepKey(key, index), 0) < threshold;
}

/** One channel's streams at one index: keys and thresholds. */
export interface ScChannel {
  inputKey: number;
  weightKey: number;
  inputThreshold: number;
  weightThreshold: number;
}

/**
 * A channel's pre bit, weight bit and their AND at stream index `index` (what one clock of
 * `hdl/sc_lane.v` computes).
 */
export function scGateBits(
  channel: ScChannel,
  index: number,
): { pre: boolean; weight: boolean; active: boolean } {
  const pre = scStreamBit(channel.inputKey, index, channel.inputThreshold);
  const weight = scStreamBit(channel.weightKey, index, channel.weightThreshold);
  return { pre, weight, active: pre && weight };
}

/** The per-channel arrays of a layer (as `ScSourcePlan` holds them). */
export interface ScStreams {
  channelCount: number;
  inputKeys: Uint32Array;
  weightKeys: Uint32Array;
  weightThresholds: Uint32Array;
}

/**
 * k at stream index `index`: the number of channels c with pre AND weight, where channel c's
 * input threshold is `inputThreshold(c)` (a constant, or computed from a rates trace). The
 * weight bit is only drawn where the pre bit is one: the AND does not depend on it otherwise.
 *
 * @example scActiveCount(plan, t % plan.length, (c) => thresholds[c])
 */
export function scActiveCount(
  streams: ScStreams,
  index: number,
  inputThreshold: (channel: number) => number,
): number {
  const { inputKeys, weightKeys, weightThresholds, channelCount } = streams;
  let k = 0;
  for (let c = 0; c < channelCount; c++) {
    if (!scStreamBit(inputKeys[c] as number, index, inputThreshold(c))) continue;
    if (scStreamBit(weightKeys[c] as number, index, weightThresholds[c] as number)) k++;
  }
  return k;
}
