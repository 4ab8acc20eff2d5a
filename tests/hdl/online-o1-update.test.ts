/**
 * hdl/online_o1_update.v against the engine's `stepOnlineO1`: corner, random and chained
 * vectors at eight configurations (the defaults and the ends of every range), and a stream
 * file replayed through the module with its state fed back, row for row equal to what
 * `spikelab online-o1` prints, in Icarus and in Verilator.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlineO1Bounds } from '../../src/engine/learning/online-o1-config.ts';
import type { OnlineO1State } from '../../src/engine/learning/online-o1-step.ts';
import { parseOnlineO1Stream } from '../../src/cli/online-o1-stream.ts';
import { rng } from '../unit/model/random-values.ts';
import { runCli } from '../unit/cli/helpers.ts';
import { firstMismatch } from './mismatch.ts';
import { O1_GRID, type O1Vector } from './online-o1-cases.ts';
import {
  O1_BENCH,
  O1_EXPECTED,
  O1_VECTORS,
  describeO1Vector,
  runO1,
  streamVectors,
} from './online-o1-run.ts';
import { SIMULATORS, buildBench, runTool, workDir } from './simulators.ts';

/** A recorded stream at the engine's defaults: 3,000 steps, spikes as 0/1 and booleans, some
 * rewards far past the 8-bit range (one past 32 bits). */
function defaultStream(): unknown {
  const random = rng(0x57e4);
  const spike = (p: number) => (random() < p ? (random() < 0.5 ? 1 : true) : 0);
  const stream = Array.from({ length: 3000 }, (_, t) => {
    const r = random();
    const reward =
      t === 1500
        ? 5e9
        : r < 0.05
          ? Math.floor((random() - 0.5) * 2e6)
          : Math.floor(random() * 256) - 128;
    return [spike(0.15), spike(0.15), reward];
  });
  return {
    config: {
      weight_bits: 16,
      trace_bits: 12,
      reward_bits: 8,
      learning_shift: 4,
      trace_decay_shift: 4,
    },
    initial_weight: 30000,
    stream,
  };
}

/** The eight steps worked by hand in tests/unit/engine/online-o1.test.ts (config 8/4/4, 1, 2). */
const HAND_STREAM = {
  config: {
    weight_bits: 8,
    trace_bits: 4,
    reward_bits: 4,
    learning_shift: 1,
    trace_decay_shift: 2,
  },
  initial_weight: 100,
  stream: [
    [1, 0, 2],
    [false, true, 2],
    [0, 0, -3],
    [true, 0, 1],
    [0, 0, 3],
    [1, 1, -8],
    [0, 1, 100],
    [0, 0, -100],
  ],
};

describe('hdl/online_o1_update.v computes as the engine', () => {
  it('the vectors reach every branch: both clamps of weight and eligibility, decays, chains', () => {
    const count = (pred: (x: O1Vector, e: OnlineO1State) => boolean) =>
      O1_VECTORS.filter((x, n) => {
        const e = O1_EXPECTED[n];
        return e !== undefined && pred(x, e);
      }).length;
    const bounds = (x: O1Vector) => {
      const config = O1_GRID[x.cfg];
      if (!config) throw new RangeError(`vector of grid entry ${x.cfg}, which does not exist`);
      return onlineO1Bounds(config);
    };
    const moved = (x: O1Vector, e: OnlineO1State) => e.weight !== x.weight;
    expect(count((x, e) => moved(x, e) && e.weight === bounds(x).maxWeight)).toBeGreaterThan(50);
    expect(count((x, e) => moved(x, e) && e.weight === 0)).toBeGreaterThan(50);
    expect(count((x, e) => e.eligibility === bounds(x).maxEligibility && x.post)).toBeGreaterThan(
      50,
    );
    expect(count((x, e) => e.eligibility === bounds(x).minEligibility && x.pre)).toBeGreaterThan(
      50,
    );
    expect(count((x) => x.reward > bounds(x).maxReward)).toBeGreaterThan(50);
    expect(count((x) => x.reward < bounds(x).minReward)).toBeGreaterThan(50);
    expect(count((x) => x.pre && x.post)).toBeGreaterThan(50);
    expect(count((x, e) => !x.pre && x.preTrace > 0 && e.preTrace < x.preTrace)).toBeGreaterThan(
      500,
    );
    // The floor of a negative product: a step of -1 where the exact quotient is above -1.
    expect(
      count((x, e) => {
        const c = O1_GRID[x.cfg];
        const r = Math.max(bounds(x).minReward, Math.min(bounds(x).maxReward, x.reward));
        return (
          c !== undefined &&
          c.learning_shift > 0 &&
          r * e.eligibility < 0 &&
          Math.abs(r * e.eligibility) < 2 ** c.learning_shift &&
          e.weight === x.weight - 1
        );
      }),
    ).toBeGreaterThan(10);
    // Negative eligibilities decaying on their magnitude, and long chains of every entry.
    expect(count((x) => x.eligibility < 0 && !x.pre && !x.post)).toBeGreaterThan(200);
    O1_GRID.forEach((_, cfg) =>
      expect(count((x) => x.cfg === cfg && x.chain)).toBeGreaterThan(250),
    );
  });

  it.each([
    [['-GWB=32'], /online_o1_update_WB_must_be_1_to_31/],
    [['-GTB=1'], /online_o1_update_TB_must_be_2_to_30/],
    [['-GTB=20', '-GRB=13'], /online_o1_update_RB_must_be_1_to_30_and_RB_plus_TB_at_most_32/],
    [['-GDS=31'], /online_o1_update_LS_and_DS_must_be_0_to_30/],
    [['-GRIW=8'], /online_o1_update_RIW_must_exceed_RB/],
  ])('refuses the configuration %s, naming the problem', (params, message) => {
    const lint = () =>
      runTool(
        'verilator',
        [
          '--lint-only',
          '-Wall',
          '--top-module',
          'online_o1_update',
          ...params,
          'hdl/online_o1_update.v',
        ],
        `linting online_o1_update ${params.join(' ')}`,
      );
    expect(lint).toThrow(message);
  });

  it('refuses a stream whose configuration is not in the grid, naming it', () => {
    const parsed = parseOnlineO1Stream(
      JSON.stringify({ ...HAND_STREAM, config: { ...HAND_STREAM.config, learning_shift: 3 } }),
    );
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(() => streamVectors(parsed.stream)).toThrow(
      /"learning_shift":3.*not in the bench's grid/,
    );
  });

  describe.each(SIMULATORS)('%s', (simulator) => {
    const work = workDir(`o1-${simulator}`);
    let command: string[] = [];
    beforeAll(() => {
      command = buildBench(simulator, O1_BENCH, work.dir);
    });
    afterAll(() => work.dispose());

    it('every output of every vector', () => {
      const got = runO1(command, work.dir, O1_VECTORS);
      expect(firstMismatch(O1_EXPECTED, got, (n) => describeO1Vector(O1_VECTORS, n))).toBeNull();
    });

    it.each([
      ['a 3,000-step stream at the defaults', defaultStream()],
      ['the hand-worked stream', HAND_STREAM],
    ])('replays %s as spikelab online-o1 prints it', async (_, stream) => {
      writeFileSync(join(work.dir, 'stream.json'), JSON.stringify(stream));
      const cli = await runCli(['online-o1', 'stream.json'], work.dir);
      expect(cli.stderr).toBe('');
      const rows = JSON.parse(cli.stdout) as number[][];
      const want = rows.map(([weight, preTrace, postTrace, eligibility]) => ({
        weight,
        preTrace,
        postTrace,
        eligibility,
      }));
      const parsed = parseOnlineO1Stream(JSON.stringify(stream));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      const vectors = streamVectors(parsed.stream);
      const got = runO1(command, work.dir, vectors);
      expect(got.length).toBe(parsed.stream.steps.length);
      expect(
        firstMismatch(want, got, (n) => `step ${n}: ${describeO1Vector(vectors, n)}`),
      ).toBeNull();
    });
  });
});
