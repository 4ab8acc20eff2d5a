/**
 * Running a loaded network on the board's core (issue 9), against any register bridge: in
 * chunks of at most DMAX steps (the spike lists are a ring of DMAX slots), each chunk RUN,
 * STATUS polled until idle (with a time-out), then that chunk's `spike_count` words in one
 * batch and the `spike_list` entries they name in another, streamed to the caller as
 * `SpikeEvent`s (population = document index). `run_state` says where the core is (`t`) and
 * whether a Loihi neuron overflowed, which the engine would have stopped at.
 *
 * The other steps of a board run live beside this file and are re-exported here, so a caller
 * (the CLI, the page's worker) imports one module.
 */
import { BRIDGE_REGISTERS, type BridgeCommand } from '../../hdl/bridge-protocol.ts';
import type { CoreCapacity } from '../../hdl/core-capacity.ts';
import { POP_FIELDS, POP_KIND, type CoreLayout } from '../../hdl/core-images.ts';
import { coreAddress } from '../../hdl/core-memory-map.ts';
import type { SpikeEvent } from '../../hdl/spike-equivalence.ts';
import {
  BoardRunCancelled,
  BoardRunError,
  type BridgeLike,
  CountingBridge,
  executeBatched,
} from './core-run-bridge.ts';
import { RUN_STATE, RUN_STATE_REGION, regionWord } from './core-run-regions.ts';

export * from './core-run-bridge.ts';
export { describeShortfalls, readCapacity } from './core-run-capacity.ts';
export { loadNetwork, NetworkTooLargeError, type LoadProgress } from './core-run-load.ts';
export { prepareBoardRun, type BoardRunPlan } from './core-run-prepare.ts';
export { readCoreState, type PopulationState } from './core-run-state.ts';
export { readLearningSynapses, type LearningSynapses } from './core-run-synapses.ts';

export interface RunProgress {
  steps: number;
  totalSteps: number;
  spikes: number;
  secondsLeft: number;
}

export interface RunOptions {
  steps: number;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** One chunk's spikes, in the engine's order (step, population, list order). */
  onSpikes?: (spikes: readonly SpikeEvent[]) => void;
  /** Population ids in document order, for messages (default `population k`). */
  names?: readonly string[];
  /** How long one chunk may run before the host gives up (default 10 s). */
  timeoutMs?: number;
}

export interface CoreRun {
  spikes: SpikeEvent[];
  /** The step the run began at (`run_state.t` before it) and the steps run. */
  firstStep: number;
  steps: number;
  seconds: number;
  /** Bridge frames shifted, the flush NOPs included. */
  frames: number;
  /** Spikes read back per second of the whole run (running, polling and reading). */
  spikesPerSecond: number;
}

/** A Loihi neuron reached the engine's state limit: the engine stops there, the core cannot. */
export class BoardOverflowError extends BoardRunError {
  override name = 'BoardOverflowError';
  constructor(
    readonly populations: readonly string[],
    readonly fromStep: number,
    readonly toStep: number,
  ) {
    super(
      `${populations.map((p) => `population '${p}'`).join(' or ')}: a Loihi neuron's I or v ` +
        `reached 2^24 between steps ${fromStep} and ${toStep} on the board (its sticky overflow ` +
        'flag is set), where the engine stops with a NumericalError; check its parameters (a ' +
        'very large weight or current)',
    );
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Runs `steps` steps of the network loaded from `layout` (see `loadNetwork`), from wherever the
 * core's `run_state.t` stands, and returns every spike.
 *
 * @throws BoardRunCancelled between chunks when `signal` fires (the core is idle; the spikes
 *   so far went to `onSpikes`); BoardOverflowError; BoardRunError when the core does not
 *   finish a chunk in time or ran another number of steps; the bridge's own errors.
 */
export async function runOnCore(
  bridge: BridgeLike,
  layout: CoreLayout,
  capacity: CoreCapacity,
  options: RunOptions,
): Promise<CoreRun> {
  const counting = new CountingBridge(bridge);
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const chunk = (done: number): number => Math.min(capacity.DMAX, options.steps - done);
  const all: SpikeEvent[] = [];
  if (options.steps <= 0) return finish(all, 0, 0, started, counting);
  if (aborted(options.signal)) {
    throw new BoardRunCancelled('cancelled before the run started: the core is idle');
  }
  // Where the core stands rides in the first RUN's batch (read before the RUN executes).
  const [tRead, , first] = await counting.execute([
    { op: 'read', address: regionWord(RUN_STATE_REGION, RUN_STATE.t) },
    { op: 'run', steps: chunk(0) },
    STATUS,
  ]);
  const firstStep = tRead?.data ?? 0;
  let busy = first?.data ?? 0;
  let done = 0;
  for (;;) {
    const k = chunk(done);
    const t0 = firstStep + done;
    await waitIdle(counting, busy, timeoutMs, t0, k);
    // The next chunk starts in the batch that reads this one's entries (one round trip less
    // per chunk), unless this is the last one or the caller cancelled.
    const next = done + k < options.steps && !aborted(options.signal) ? chunk(done + k) : 0;
    const read = await readChunk(counting, layout, capacity, t0, k, next, options.names);
    busy = read.busy;
    all.push(...read.spikes);
    done += k;
    options.onSpikes?.(read.spikes);
    const elapsed = (performance.now() - started) / 1000;
    options.onProgress?.({
      steps: done,
      totalSteps: options.steps,
      spikes: all.length,
      secondsLeft: (elapsed * (options.steps - done)) / done,
    });
    if (done >= options.steps) return finish(all, firstStep, done, started, counting);
    if (next === 0) {
      throw new BoardRunCancelled(
        `cancelled after ${done} of ${options.steps} steps: the core is idle at step ${firstStep + done}`,
      );
    }
  }
}

const STATUS: BridgeCommand = { op: 'read', address: BRIDGE_REGISTERS.status };

/** Whether the caller cancelled (a function, so that no narrowing outlives an await). */
const aborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

function finish(
  spikes: SpikeEvent[],
  firstStep: number,
  steps: number,
  started: number,
  counting: CountingBridge,
): CoreRun {
  const seconds = (performance.now() - started) / 1000;
  return {
    spikes,
    firstStep,
    steps,
    seconds,
    frames: counting.frames,
    spikesPerSecond: spikes.length / Math.max(seconds, 1e-9),
  };
}

/** Polls STATUS (its last reading `status`) until the core is idle, or gives up. */
async function waitIdle(
  bridge: BridgeLike,
  status: number,
  timeoutMs: number,
  t0: number,
  k: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let busy = status;
  while ((busy & 1) !== 0) {
    if (performance.now() > deadline) {
      throw new BoardRunError(
        `the core did not finish steps ${t0}..${t0 + k - 1} within ${timeoutMs / 1000} s ` +
          '(STATUS still reads running): reset the board (upload the bitstream again)',
      );
    }
    const [reply] = await bridge.execute([STATUS]);
    busy = reply?.data ?? 0;
  }
}

/**
 * The spikes of steps t0 .. t0 + k - 1 (k <= DMAX, so their slots are distinct), checking that
 * the core is at step t0 + k and has not overflowed; with `next` > 0 the entries' batch ends
 * with RUN `next` and a STATUS read, whose reading is returned as `busy`.
 */
async function readChunk(
  bridge: BridgeLike,
  layout: CoreLayout,
  c: CoreCapacity,
  t0: number,
  k: number,
  next: number,
  names: readonly string[] | undefined,
): Promise<{ spikes: SpikeEvent[]; busy: number }> {
  const populations = layout.bases.length;
  const counts: BridgeCommand[] = [
    { op: 'read', address: regionWord(RUN_STATE_REGION, RUN_STATE.t) },
    { op: 'read', address: regionWord(RUN_STATE_REGION, RUN_STATE.overflow) },
  ];
  for (let i = 0; i < k; i++) {
    const slot = (t0 + i) % c.DMAX;
    for (let p = 0; p < populations; p++) {
      counts.push({ op: 'read', address: coreAddress('spike_count', slot * c.POPMAX + p, c) });
    }
  }
  const countResults = await executeBatched(bridge, counts);
  const t = countResults[0]?.data ?? 0;
  if (t !== t0 + k) {
    throw new BoardRunError(
      `the core should be at step ${t0 + k} after running steps ${t0}..${t0 + k - 1}, but its ` +
        `run_state reads step ${t}`,
    );
  }
  if ((countResults[1]?.data ?? 0) !== 0) {
    const name = (p: number): string => names?.[p] ?? `population ${p}`;
    const loihi = layout.bases
      .map((_, p) => p)
      .filter((p) => layout.images.pop[p * POP_FIELDS] === POP_KIND.loihi)
      .map(name);
    throw new BoardOverflowError(loihi, t0, t0 + k - 1);
  }
  const where: { step: number; population: number }[] = [];
  const entries: BridgeCommand[] = [];
  for (let i = 0; i < k; i++) {
    const slot = (t0 + i) % c.DMAX;
    for (let p = 0; p < populations; p++) {
      const n = countResults[2 + i * populations + p]?.data ?? 0;
      const base = layout.bases[p] ?? 0;
      const size = layout.images.pop[p * POP_FIELDS + 2] ?? 0;
      if (n > size) {
        throw new BoardRunError(
          `the core reports ${n} spikes of ${names?.[p] ?? `population ${p}`} at step ${t0 + i}, ` +
            `more than its ${size} neurons: the link or the core is broken`,
        );
      }
      for (let e = 0; e < n; e++) {
        where.push({ step: t0 + i, population: p });
        entries.push({
          op: 'read',
          address: coreAddress('spike_list', slot * c.NMAX + base + e, c),
        });
      }
    }
  }
  if (next > 0) entries.push({ op: 'run', steps: next }, STATUS);
  const listResults = await executeBatched(bridge, entries);
  return {
    spikes: where.map((w, e) => ({ ...w, index: listResults[e]?.data ?? 0 })),
    busy: next > 0 ? (listResults[where.length + 1]?.data ?? 0) : 0,
  };
}
