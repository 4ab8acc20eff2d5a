/**
 * The delay ring bench's stimulus and the engine's expected answers: 32 neurons spike at random
 * (some never, some often) for 40 steps; after each step's record pass, random queries read a
 * neuron's history word and ask the ring's two tests. The engine's `SpikeHistory` (depth DMAX,
 * with flags, as the reference backend keeps it) answers them: the per-synapse delay test is
 * `t - d >= 0 && spikedAt(t - d, s)`, the window test is "s is among `sourcesInWindow(t -
 * maxDelay, t)`", and the word's bit b is whether s spiked at the step of slot b.
 */
import { rng } from '../unit/model/random-values.ts';
import { SpikeHistory } from '../../src/engine/backends/reference/spike-history.ts';
import type { Bench, Simulator } from './simulators.ts';
import { buildBench, runBench } from './simulators.ts';

/** tb_delay_ring's instance. */
export const RING_NEURONS = 32;
export const RING_DEPTH = 8;

export const RING_BENCH: Bench = {
  top: 'tb_delay_ring',
  sources: ['hdl/tb/tb_delay_ring.v', 'hdl/delay_ring.v'],
};

/** One clock's inputs (tb_delay_ring's five words). */
interface RingClock {
  recWe: boolean;
  recSpike: boolean;
  t: number;
  raddr: number;
  recAddr: number;
  maxDelay: number;
  tapDelay: number;
}

/** What a query clock must show. */
export interface RingRecord {
  word: number;
  inWindow: number;
  hit: number;
}

/** A query: at clock `clock`, neuron `s`'s word tested with delay `d` and window `maxDelay`. */
interface RingQuery {
  clock: number;
  t: number;
  s: number;
  d: number;
  maxDelay: number;
}

function ringStimulus(
  seed: number,
  steps: number,
  queriesPerStep: number,
): {
  clocks: RingClock[];
  queries: RingQuery[];
  expected: RingRecord[];
} {
  const random = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  // Per neuron a spike probability: silent, sparse, dense or always.
  const rates = Array.from({ length: RING_NEURONS }, (_, j) => [0, 0.1, 0.4, 1][j % 4] ?? 0);
  const history = new SpikeHistory(RING_NEURONS, RING_DEPTH, true);
  const clocks: RingClock[] = [];
  const queries: RingQuery[] = [];
  const expected: RingRecord[] = [];
  const idle = { recWe: false, recSpike: false, recAddr: 0, maxDelay: 0, tapDelay: 0 };
  for (let t = 0; t < steps; t++) {
    // The record pass, as the core's neuron pass: read neuron j, record it the next clock while
    // the next read is issued.
    const list = history.begin(t);
    let count = 0;
    clocks.push({ ...idle, t, raddr: 0 });
    for (let j = 0; j < RING_NEURONS; j++) {
      const spike = random() < (rates[j] ?? 0);
      if (spike) list[count++] = j;
      clocks.push({ ...idle, t, recWe: true, recSpike: spike, recAddr: j, raddr: j + 1 });
    }
    history.commit(t, count);
    for (let q = 0; q < queriesPerStep; q++) {
      const s = int(0, RING_NEURONS - 1);
      const d = int(0, RING_DEPTH - 1);
      const maxDelay = int(0, RING_DEPTH - 1);
      clocks.push({ ...idle, t, raddr: s });
      clocks.push({ ...idle, t, raddr: s, maxDelay, tapDelay: d });
      queries.push({ clock: clocks.length - 1, t, s, d, maxDelay });
      let word = 0;
      for (let b = 0; b < RING_DEPTH; b++) {
        const step = t - ((((t - b) % RING_DEPTH) + RING_DEPTH) % RING_DEPTH);
        if (step >= 0 && history.spikedAt(step, s)) word |= 1 << b;
      }
      const [inWindow, n] = history.sourcesInWindow(t - maxDelay, t);
      expected.push({
        word,
        inWindow: inWindow.subarray(0, n).includes(s) ? 1 : 0,
        hit: t - d >= 0 && history.spikedAt(t - d, s) ? 1 : 0,
      });
    }
  }
  return { clocks, queries, expected };
}

export const RING_STIMULUS = ringStimulus(0xde1a7, 40, 12);

/** Query `n`, for a failure message. */
export function describeRingQuery(n: number): string {
  const q = RING_STIMULUS.queries[n];
  if (q === undefined) return `query ${n} (none)`;
  return `step ${q.t}, neuron ${q.s}, delay ${q.d}, max delay ${q.maxDelay} (clock ${q.clock})`;
}

function ringWords(c: RingClock): number[] {
  return [
    (c.recWe ? 1 : 0) | (c.recSpike ? 2 : 0),
    c.t,
    c.raddr % RING_NEURONS,
    c.recAddr,
    c.maxDelay | (c.tapDelay << 16),
  ];
}

/** Builds `bench` in `simulator` under `dir`, clocks it and returns each query's record. */
export function simulateRing(simulator: Simulator, bench: Bench, dir: string): RingRecord[] {
  const command = buildBench(simulator, bench, dir);
  const { clocks, queries } = RING_STIMULUS;
  const lines = runBench(command, dir, clocks.flatMap(ringWords), clocks.length);
  if (lines.length !== clocks.length) {
    throw new Error(`tb_delay_ring wrote ${lines.length} lines for ${clocks.length} clocks`);
  }
  return queries.map(({ clock }) => {
    const [rd, window, hit] = (lines[clock] ?? '').trim().split(/\s+/);
    const word = parseInt(rd ?? '', 16);
    return { word, inWindow: (word & parseInt(window ?? '', 16)) !== 0 ? 1 : 0, hit: Number(hit) };
  });
}
