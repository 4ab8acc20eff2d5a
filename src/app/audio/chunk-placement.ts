/**
 * Where on the audio clock a chunk's clicks go (pure). Chunks arrive when the worker finishes
 * them, not at the simulated time they cover: at real-time speed a 50 ms chunk comes every
 * 50 ms, at full speed perhaps every 5 ms. Each chunk is played over the wall time since the
 * previous one arrived (never longer than the simulated time it covers, so a real-time run
 * sounds at its own pace), starting where the previous chunk's sound ended, a little ahead of
 * the audio clock so clicks are never scheduled in the past.
 */

export interface Placement {
  /** Audio time (s) of the chunk's first step. */
  startAt: number;
  /** Audio seconds the chunk is spread over. */
  span: number;
}

export interface PlacementInput {
  /** The audio clock now (s). */
  now: number;
  /** Where the previous chunk's sound ends (s); null for the first chunk of a run. */
  previousEnd: number | null;
  /** Wall seconds since the previous chunk arrived; null for the first chunk. */
  wallGap: number | null;
  /** Simulated seconds the chunk covers. */
  simSpan: number;
  /** Scheduling lead (s): the soonest a click may be placed after `now`. */
  lead?: number;
  /** The most sound queued ahead of `now` (s); beyond it the queue restarts at `now + lead`. */
  maxAhead?: number;
}

export const DEFAULT_LEAD_S = 0.03;
export const DEFAULT_MAX_AHEAD_S = 0.25;

/**
 * @example
 * placeChunk({ now: 10, previousEnd: 10.05, wallGap: 0.05, simSpan: 0.05 })
 * // { startAt: 10.05, span: 0.05 }
 */
export function placeChunk(input: PlacementInput): Placement {
  const lead = input.lead ?? DEFAULT_LEAD_S;
  const maxAhead = input.maxAhead ?? DEFAULT_MAX_AHEAD_S;
  const earliest = input.now + lead;
  const simSpan = Math.max(0, input.simSpan);
  const span = input.wallGap === null ? simSpan : Math.min(simSpan, Math.max(0, input.wallGap));
  let startAt = input.previousEnd === null ? earliest : Math.max(earliest, input.previousEnd);
  // A page that fell behind (a long frame, a hidden tab) would queue ever later clicks.
  if (startAt > input.now + maxAhead) startAt = earliest;
  return { startAt, span };
}
