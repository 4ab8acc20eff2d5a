/**
 * hdl/fxp_lif_update.v and hdl/fxp_channel.v against the engine's `fixedLifStep`, `fixedDecay`
 * and `fixedDeliver`: corner and random vectors over W in {8, 16, 24} and S in {1, 5, 12, 16},
 * in Icarus and in Verilator; every output must match bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { fixedRange } from '../../src/engine/fixed-point/fixed-lif-step.ts';
import { FXP_BENCH } from './benches.ts';
import { FXP_GRID, type FxpRecord, type FxpVector } from './fxp-cases.ts';
import { FXP_EXPECTED, FXP_VECTORS, describeFxpVector, simulateFxp } from './fxp-run.ts';
import { firstMismatch } from './mismatch.ts';
import { SIMULATORS, workDir } from './simulators.ts';

describe('hdl/fxp_lif_update.v and hdl/fxp_channel.v compute as the engine', () => {
  it('the vectors reach every branch: spikes, holds, both clamps, negative floors', () => {
    const count = (pred: (x: FxpVector, e: FxpRecord) => boolean) =>
      FXP_VECTORS.filter((x, n) => {
        const e = FXP_EXPECTED[n];
        return e !== undefined && pred(x, e);
      }).length;
    const bounds = (x: FxpVector) => fixedRange(FXP_GRID[x.cfg]?.w ?? 8);
    const free = (x: FxpVector, e: FxpRecord) => x.refr === 0 && e.spike === 0;
    expect(count((_, e) => e.spike === 1)).toBeGreaterThan(200);
    expect(count((x) => x.refr > 0)).toBeGreaterThan(200);
    expect(count((x, e) => free(x, e) && e.v === bounds(x).min)).toBeGreaterThan(20);
    expect(count((x, e) => e.delivered === bounds(x).max)).toBeGreaterThan(20);
    expect(count((x, e) => e.delivered === bounds(x).min)).toBeGreaterThan(20);
    expect(count((x, e) => x.current < 0 && x.decay > 0 && e.decayed === -1)).toBeGreaterThan(0);
  });

  it.each(SIMULATORS)('%s: every output of every vector', (simulator) => {
    const work = workDir(`fxp-${simulator}`);
    try {
      const got = simulateFxp(simulator, FXP_BENCH, work.dir);
      expect(firstMismatch(FXP_EXPECTED, got, describeFxpVector)).toBeNull();
    } finally {
      work.dispose();
    }
  });
});
