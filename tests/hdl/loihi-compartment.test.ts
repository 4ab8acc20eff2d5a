/**
 * hdl/loihi_compartment.v against the engine's `stepLoihiCompartment` (step 5c for one neuron):
 * corner and random vectors at 25-bit and 32-bit registers, in Icarus and in Verilator; every
 * output must match bit for bit, and the overflow flags must name the field the engine stops on.
 * Then brian2-loihi's recorded runs (58 cases, the worked example among them) replayed
 * neuron by neuron with v and the refractory counter fed back: v and the spike of every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOIHI_STATE_LIMIT } from '../../src/engine/plan-loihi.ts';
import type { LoihiRecord, LoihiVector } from './loihi-cases.ts';
import {
  LOIHI_BENCH,
  LOIHI_EXPECTED,
  LOIHI_VECTORS,
  describeLoihiVector,
  runLoihi,
} from './loihi-run.ts';
import { brian2Replay } from './loihi-brian2.ts';
import { firstMismatch } from './mismatch.ts';
import { SIMULATORS, buildBench, runTool, workDir } from './simulators.ts';

/** brian2-loihi's runs at the 25-bit entry (the one a core uses). */
const REPLAY = brian2Replay(0);

describe('hdl/loihi_compartment.v computes as the engine', () => {
  it('the vectors reach every branch: spikes, holds, both stops, negative ceils, the limits', () => {
    const count = (pred: (x: LoihiVector, e: LoihiRecord) => boolean) =>
      LOIHI_VECTORS.filter((x, n) => {
        const e = LOIHI_EXPECTED[n];
        return e !== undefined && pred(x, e);
      }).length;
    const limit = LOIHI_STATE_LIMIT;
    expect(count((_, e) => e.spike === 1)).toBeGreaterThan(300);
    expect(count((x, e) => x.refr > 0 && e.overflow === 0)).toBeGreaterThan(300);
    expect(count((x, e) => x.refr === 1 && e.refr === 0)).toBeGreaterThan(10);
    expect(count((x, e) => e.spike === 0 && e.overflow === 0 && x.refr === 0)).toBeGreaterThan(
      1000,
    );
    expect(count((_, e) => e.overflow === 1)).toBeGreaterThan(20);
    expect(count((_, e) => e.overflow === 2)).toBeGreaterThan(20);
    expect(count((x) => x.refr > 0 && x.i === -limit)).toBeGreaterThan(0);
    // The largest accepted results (a u of 2^24 - 1 spikes: every threshold is below 2^23), a
    // held v at the limit, and the threshold met exactly without a spike.
    expect(count((x, e) => x.v + x.i === limit - 1 && e.spike === 1)).toBeGreaterThan(0);
    expect(count((x, e) => x.refr > 0 && e.v === limit - 1)).toBeGreaterThan(0);
    expect(count((_, e) => e.v === -(limit - 1))).toBeGreaterThan(0);
    expect(count((x, e) => x.refr === 0 && e.v === x.threshold && e.spike === 0)).toBeGreaterThan(
      0,
    );
    // The ceil on negative values: a nonzero decay of a negative I takes at least 1.
    expect(count((x, e) => x.i < 0 && x.decayI > 0 && e.i !== null && e.i > x.i)).toBeGreaterThan(
      500,
    );
    expect(count((x) => x.decayV === 4096)).toBeGreaterThan(100);
    expect(count((x) => x.decayI === 0)).toBeGreaterThan(100);
  });

  it.each([
    ['-GVW=24', /loihi_compartment_VW_must_be_at_least_25/],
    ['-GRW=6', /loihi_compartment_RW_must_be_at_least_7/],
  ])('refuses %s, naming the problem', (param, message) => {
    const lint = () =>
      runTool(
        'verilator',
        [
          '--lint-only',
          '-Wall',
          '--top-module',
          'loihi_compartment',
          param,
          'hdl/loihi_compartment.v',
        ],
        `linting loihi_compartment ${param}`,
      );
    expect(lint).toThrow(message);
  });

  it('the replay covers the worked example, spikes and refractory holds', () => {
    expect(REPLAY.vectors.length).toBeGreaterThan(6000);
    expect(REPLAY.where.filter((w) => w.includes("'worked example (issue 5)'")).length).toBe(36);
    expect(REPLAY.expected.filter((e) => e.spike === 1).length).toBeGreaterThan(200);
    expect(REPLAY.vectors.filter((x) => x.refractory > 1).length).toBeGreaterThan(1000);
  });

  describe.each(SIMULATORS)('%s', (simulator) => {
    const work = workDir(`loihi-${simulator}`);
    let command: string[] = [];
    beforeAll(() => {
      command = buildBench(simulator, LOIHI_BENCH, work.dir);
    });
    afterAll(() => work.dispose());

    it('every output of every vector', () => {
      const got = runLoihi(command, work.dir, LOIHI_VECTORS);
      expect(firstMismatch(LOIHI_EXPECTED, got, describeLoihiVector)).toBeNull();
    });

    it("brian2-loihi's recorded v and spikes, every neuron, every step", () => {
      const got = runLoihi(command, work.dir, REPLAY.vectors).map(({ overflow, v, spike }) => ({
        overflow,
        v,
        spike,
      }));
      const where = (n: number) => REPLAY.where[n] ?? 'none';
      expect(firstMismatch(REPLAY.expected, got, where)).toBeNull();
    });
  });
});
