/**
 * The IEEE 1149.1 TAP controller: its 16 states, the transition on each TMS value, and the
 * shortest TMS path between two states. The host moves the chain with these paths; the virtual
 * board's TAPs step with the same table, so the two cannot disagree about the protocol.
 */

export const TAP_STATES = [
  'test-logic-reset',
  'run-test-idle',
  'select-dr',
  'capture-dr',
  'shift-dr',
  'exit1-dr',
  'pause-dr',
  'exit2-dr',
  'update-dr',
  'select-ir',
  'capture-ir',
  'shift-ir',
  'exit1-ir',
  'pause-ir',
  'exit2-ir',
  'update-ir',
] as const;

export type TapState = (typeof TAP_STATES)[number];

/** [next with TMS = 0, next with TMS = 1] for each state (IEEE 1149.1 figure 6-1). */
const NEXT: Record<TapState, readonly [TapState, TapState]> = {
  'test-logic-reset': ['run-test-idle', 'test-logic-reset'],
  'run-test-idle': ['run-test-idle', 'select-dr'],
  'select-dr': ['capture-dr', 'select-ir'],
  'capture-dr': ['shift-dr', 'exit1-dr'],
  'shift-dr': ['shift-dr', 'exit1-dr'],
  'exit1-dr': ['pause-dr', 'update-dr'],
  'pause-dr': ['pause-dr', 'exit2-dr'],
  'exit2-dr': ['shift-dr', 'update-dr'],
  'update-dr': ['run-test-idle', 'select-dr'],
  'select-ir': ['capture-ir', 'test-logic-reset'],
  'capture-ir': ['shift-ir', 'exit1-ir'],
  'shift-ir': ['shift-ir', 'exit1-ir'],
  'exit1-ir': ['pause-ir', 'update-ir'],
  'pause-ir': ['pause-ir', 'exit2-ir'],
  'exit2-ir': ['shift-ir', 'update-ir'],
  'update-ir': ['run-test-idle', 'select-dr'],
};

/** The state after one TCK with `tms`. */
export function nextTapState(state: TapState, tms: 0 | 1): TapState {
  return NEXT[state][tms];
}

/**
 * The shortest TMS sequence from `from` to `to` (empty when they are equal; breadth-first,
 * TMS = 0 tried first, so paths are the conventional ones).
 *
 * @example tmsPath('run-test-idle', 'shift-dr') // [1, 0, 0]
 */
export function tmsPath(from: TapState, to: TapState): (0 | 1)[] {
  if (from === to) return [];
  const seen = new Map<TapState, { prev: TapState; tms: 0 | 1 }>();
  const queue: TapState[] = [from];
  while (queue.length > 0) {
    const state = queue.shift() as TapState;
    for (const tms of [0, 1] as const) {
      const next = NEXT[state][tms];
      if (next === from || seen.has(next)) continue;
      seen.set(next, { prev: state, tms });
      if (next === to) {
        const path: (0 | 1)[] = [];
        for (let at: TapState = to; at !== from;) {
          const step = seen.get(at);
          if (step === undefined) break;
          path.unshift(step.tms);
          at = step.prev;
        }
        return path;
      }
      queue.push(next);
    }
  }
  // Every state reaches every other: the table is a strongly connected graph.
  throw new Error(`no TMS path from ${from} to ${to}`);
}

/** Five TMS ones reach Test-Logic-Reset from any state (HARDWARE.md uses six to be safe). */
export const RESET_TMS: readonly (0 | 1)[] = [1, 1, 1, 1, 1, 1];
