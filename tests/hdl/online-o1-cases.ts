/**
 * The OnlineO1 bench's grid of configurations (the same entries, in the same order, as
 * `hdl/tb/tb_online_o1_update.v`, which echoes them so the test can check), its vectors (corner
 * cases, independent random steps, and random chains that the bench steps from the state it
 * kept) and the engine's expected outputs from `stepOnlineO1`.
 */
import { rng } from '../unit/model/random-values.ts';
import {
  type OnlineO1Config,
  onlineO1Bounds,
  onlineO1Config,
} from '../../src/engine/learning/online-o1-config.ts';
import { type OnlineO1State, stepOnlineO1 } from '../../src/engine/learning/online-o1-step.ts';

/** The bench's configurations: defaults, the hand-worked one, and the ends of every range. */
export const O1_GRID: readonly OnlineO1Config[] = [
  onlineO1Config(),
  onlineO1Config({
    weight_bits: 8,
    trace_bits: 4,
    reward_bits: 4,
    learning_shift: 1,
    trace_decay_shift: 2,
  }),
  onlineO1Config({
    weight_bits: 1,
    trace_bits: 2,
    reward_bits: 1,
    learning_shift: 0,
    trace_decay_shift: 0,
  }),
  onlineO1Config({
    weight_bits: 31,
    trace_bits: 30,
    reward_bits: 2,
    learning_shift: 30,
    trace_decay_shift: 30,
  }),
  onlineO1Config({
    weight_bits: 31,
    trace_bits: 2,
    reward_bits: 30,
    learning_shift: 30,
    trace_decay_shift: 1,
  }),
  onlineO1Config({
    weight_bits: 16,
    trace_bits: 16,
    reward_bits: 16,
    learning_shift: 30,
    trace_decay_shift: 0,
  }),
  onlineO1Config({
    weight_bits: 31,
    trace_bits: 24,
    reward_bits: 8,
    learning_shift: 0,
    trace_decay_shift: 30,
  }),
  onlineO1Config({
    weight_bits: 4,
    trace_bits: 20,
    reward_bits: 12,
    learning_shift: 12,
    trace_decay_shift: 1,
  }),
];

/** The header line the bench writes for grid entry `k`. */
export function o1ConfigLine(k: number): string {
  const c = O1_GRID[k];
  if (!c) throw new RangeError(`no grid entry ${k}`);
  return `config ${k} ${c.weight_bits} ${c.trace_bits} ${c.reward_bits} ${c.learning_shift} ${c.trace_decay_shift}`;
}

/**
 * One vector: a grid entry, the synapse's state before the step, its spikes and reward. With
 * `chain` the bench starts from the state the entry's previous vector left (the fields here
 * are the engine's copy of it, for messages; the file carries zeros instead, so a bench that
 * read them would fail).
 */
export interface O1Vector extends OnlineO1State {
  cfg: number;
  chain: boolean;
  pre: boolean;
  post: boolean;
  /** A 32-bit integer: wider rewards saturate to the same value (reward_bits <= 30). */
  reward: number;
}

/** The vector file's words for one vector, in the bench's field order. */
export function o1Words(x: O1Vector): number[] {
  const state = x.chain ? [0, 0, 0, 0] : [x.weight, x.preTrace, x.postTrace, x.eligibility];
  return [x.cfg, x.chain ? 1 : 0, ...state, x.pre ? 1 : 0, x.post ? 1 : 0, x.reward];
}

/** The engine's result for one vector (its state fields are the step's input state). */
export function o1Expected(x: O1Vector): OnlineO1State {
  const config = O1_GRID[x.cfg];
  if (!config) throw new RangeError(`no grid entry ${x.cfg}`);
  const s = stepOnlineO1(config, x, x.pre, x.post, x.reward);
  return {
    weight: s.weight,
    preTrace: s.preTrace,
    postTrace: s.postTrace,
    eligibility: s.eligibility,
  };
}

/** A uniform whole number in [lo, hi]. */
function pick(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * The hand-picked cases of one entry: both weight clamps, both eligibility clamps, rewards past
 * the range, the most negative eligibility decaying on its magnitude, the floor of a negative
 * product (-1 moves the weight), and every spike pairing.
 */
function cornerCases(cfg: number, c: OnlineO1Config): O1Vector[] {
  const b = onlineO1Bounds(c);
  const base: O1Vector = {
    cfg,
    chain: false,
    weight: 0,
    preTrace: 0,
    postTrace: 0,
    eligibility: 0,
    pre: false,
    post: false,
    reward: 0,
  };
  const full = { ...base, preTrace: b.maxTrace, postTrace: b.maxTrace };
  return [
    // The weight clamps: the largest push up, and down from 0.
    { ...full, weight: b.maxWeight, eligibility: b.maxEligibility, post: true, reward: INT32_MAX },
    { ...full, weight: 0, eligibility: b.minEligibility, pre: true, reward: INT32_MAX },
    { ...full, weight: b.maxWeight, eligibility: b.minEligibility, pre: true, reward: INT32_MIN },
    { ...full, weight: 0, eligibility: b.maxEligibility, reward: b.minReward },
    // Rewards at the ends of the range and one past each end.
    { ...base, weight: b.maxWeight >> 1, eligibility: b.maxEligibility, reward: b.maxReward },
    { ...base, weight: b.maxWeight >> 1, eligibility: b.maxEligibility, reward: b.maxReward + 1 },
    { ...base, weight: b.maxWeight >> 1, eligibility: b.minEligibility, reward: b.minReward },
    { ...base, weight: b.maxWeight >> 1, eligibility: b.minEligibility, reward: b.minReward - 1 },
    // The eligibility decays on its magnitude: -1, -5, 5 and the most negative value.
    { ...base, weight: 1, eligibility: -1, reward: 1 },
    { ...base, weight: 1, eligibility: Math.max(-5, b.minEligibility), reward: -1 },
    { ...base, weight: 1, eligibility: Math.min(5, b.maxEligibility), reward: -1 },
    { ...base, weight: b.maxWeight, eligibility: b.minEligibility, reward: 1 },
    // Both spikes: potentiation by the full trace; pre only: depression by the old post trace.
    { ...full, eligibility: 0, pre: true, post: true, reward: 1 },
    { ...full, eligibility: b.maxEligibility, pre: false, post: true, reward: -1 },
    { ...full, eligibility: b.minEligibility, pre: true, post: false, reward: -1 },
    // Full traces decay (or, at trace_decay_shift 0, stay).
    { ...full, weight: b.maxWeight, reward: 0 },
  ];
}

/** A random state of one entry, over the whole range of each field or near its ends. */
function randomState(random: () => number, c: OnlineO1Config): OnlineO1State {
  const b = onlineO1Bounds(c);
  const trace = () =>
    random() < 0.2 ? b.maxTrace - pick(random, 0, 2) : pick(random, 0, b.maxTrace);
  return {
    weight: random() < 0.2 ? pick(random, 0, 1) * b.maxWeight : pick(random, 0, b.maxWeight),
    preTrace: trace(),
    postTrace: trace(),
    eligibility: pick(random, b.minEligibility, b.maxEligibility),
  };
}

/** A reward: mostly inside the range, sometimes anywhere in 32 bits. */
function randomReward(random: () => number, c: OnlineO1Config): number {
  const b = onlineO1Bounds(c);
  return random() < 0.85
    ? pick(random, b.minReward, b.maxReward)
    : pick(random, INT32_MIN, INT32_MAX);
}

/**
 * Every entry's corner cases, then `independent` random steps per entry, then `chained` steps
 * that continue a per-entry chain (a new chain starts with probability 1/40), entries
 * interleaved at random, so the bench must keep each entry's state apart.
 */
export function o1Vectors(seed: number, independent: number, chained: number): O1Vector[] {
  const random = rng(seed);
  const out = O1_GRID.flatMap((c, cfg) => cornerCases(cfg, c));
  for (let n = 0; n < independent; n++) {
    O1_GRID.forEach((c, cfg) =>
      out.push({
        cfg,
        chain: false,
        ...randomState(random, c),
        pre: random() < 0.4,
        post: random() < 0.4,
        reward: randomReward(random, c),
      }),
    );
  }
  const last: (OnlineO1State | undefined)[] = O1_GRID.map(() => undefined);
  for (let n = 0; n < chained * O1_GRID.length; n++) {
    const cfg = pick(random, 0, O1_GRID.length - 1);
    const c = O1_GRID[cfg] as OnlineO1Config;
    const previous = last[cfg];
    const chain = previous !== undefined && random() >= 1 / 40;
    const state = chain && previous !== undefined ? previous : randomState(random, c);
    const x: O1Vector = {
      cfg,
      chain,
      ...state,
      pre: random() < 0.25,
      post: random() < 0.25,
      reward: randomReward(random, c),
    };
    out.push(x);
    last[cfg] = o1Expected(x);
  }
  return out;
}
