/**
 * Runs of the OnlineO1 bench: its sources, the vectors and the engine's expected records, a
 * stream file (`spikelab online-o1` format) turned into chained vectors, and functions that
 * run a built bench and parse what it wrote.
 */
import { expect } from 'vitest';
import type { OnlineO1State } from '../../src/engine/learning/online-o1-step.ts';
import { initialOnlineO1State } from '../../src/engine/learning/online-o1-step.ts';
import type { OnlineO1Stream } from '../../src/cli/online-o1-stream.ts';
import type { Bench } from './simulators.ts';
import { runBench, signedWord, unsignedWord } from './simulators.ts';
import {
  O1_GRID,
  type O1Vector,
  o1ConfigLine,
  o1Expected,
  o1Vectors,
  o1Words,
} from './online-o1-cases.ts';

export const O1_BENCH: Bench = {
  top: 'tb_online_o1_update',
  sources: ['hdl/tb/tb_online_o1_update.v', 'hdl/online_o1_update.v'],
};

/** 16 corner cases, 300 independent and 400 chained random steps per grid entry (5,728). */
export const O1_VECTORS: readonly O1Vector[] = o1Vectors(0x01e1, 300, 400);
export const O1_EXPECTED: readonly OnlineO1State[] = O1_VECTORS.map(o1Expected);

/** The bench's per-vector lines as records. */
function parseRecords(lines: readonly string[]): OnlineO1State[] {
  return lines.map((line) => {
    const [weight, pre, post, elig] = line.trim().split(/\s+/);
    return {
      weight: unsignedWord(weight ?? ''),
      preTrace: unsignedWord(pre ?? ''),
      postTrace: unsignedWord(post ?? ''),
      eligibility: signedWord(elig ?? ''),
    };
  });
}

/** Vector `n` of `vectors`, with its configuration, for a failure message. */
export function describeO1Vector(vectors: readonly O1Vector[], n: number): string {
  const x = vectors[n];
  if (!x) return 'none';
  return `${JSON.stringify(O1_GRID[x.cfg])} ${JSON.stringify(x)}`;
}

/** Runs `vectors` through a built bench (`command`) in `dir` and returns its records. */
export function runO1(
  command: readonly string[],
  dir: string,
  vectors: readonly O1Vector[],
): OnlineO1State[] {
  const lines = runBench(command, dir, vectors.flatMap(o1Words), vectors.length);
  const headers = lines.slice(0, O1_GRID.length);
  expect(headers).toEqual(O1_GRID.map((_, k) => o1ConfigLine(k)));
  return parseRecords(lines.slice(O1_GRID.length));
}

/** The grid entry whose configuration is `stream.config`; throws naming it when none is. */
function gridEntry(stream: OnlineO1Stream): number {
  const want = JSON.stringify(stream.config);
  const cfg = O1_GRID.findIndex((c) => JSON.stringify(c) === want);
  if (cfg < 0) {
    throw new Error(
      `the stream's configuration ${want} is not in the bench's grid ` +
        `(hdl/tb/tb_online_o1_update.v CFG_*; tests/hdl/online-o1-cases.ts O1_GRID)`,
    );
  }
  return cfg;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A stream as bench vectors: the first step from the fresh synapse (`initialOnlineO1State`,
 * which saturates the initial weight, as the compile does for a lane's weight memory), every
 * later step chained to the state the bench kept. Rewards are clamped to 32 bits for the
 * vector word; the rule saturates them to at most 30 bits, so the result is the same.
 */
export function streamVectors(stream: OnlineO1Stream): O1Vector[] {
  const cfg = gridEntry(stream);
  let state = initialOnlineO1State(stream.config, stream.initialWeight);
  return stream.steps.map(([pre, post, reward], t) => {
    const x: O1Vector = {
      cfg,
      chain: t > 0,
      ...state,
      pre,
      post,
      reward: Math.min(INT32_MAX, Math.max(INT32_MIN, reward)),
    };
    state = o1Expected(x);
    return x;
  });
}
