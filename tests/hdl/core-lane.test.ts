/**
 * `neuron_lane` (with `fxp_lif_var`, the LIF update whose W and S are ports) at the core's
 * widths, against the engine: `I = saturate(ext + sum of the population's channels, W)`,
 * `fixedLifStep`, `fixedDecay` per channel, the channel sum, for the fixed-point bench's 4,968
 * vectors (W 8/16/24 x S 1/5/12/16: clamps, floor shifts of negative products, exact
 * thresholds, refractory ends, extreme multipliers) with 0, 1 or 2 channels, in Icarus and
 * Verilator.
 */
import { describe, expect, it } from 'vitest';
import { fixedDecay, fixedLifStep, saturate } from '../../src/engine/fixed-point/fixed-lif-step.ts';
import { FXP_GRID, fxpConstants } from './fxp-cases.ts';
import { FXP_VECTORS } from './fxp-run.ts';
import { firstMismatch } from './mismatch.ts';
import {
  SIMULATORS,
  buildBench,
  runBench,
  signedWord,
  unsignedWord,
  workDir,
} from './simulators.ts';

const BENCH = {
  top: 'tb_core_lane',
  sources: ['hdl/tb/tb_core_lane.v', 'hdl/neuron_lane.v', 'hdl/fxp_lif_var.v'],
};

interface LaneVector {
  w: number;
  s: number;
  ext: number;
  i0: number;
  i1: number;
  d0: number;
  d1: number;
  nch: number;
  v: number;
  refr: number;
  leak: number;
  gain: number;
  vRest: number;
  vReset: number;
  vThreshold: number;
  refractorySteps: number;
}

interface LaneRecord {
  v: number;
  refr: number;
  spike: number;
  i0: number;
  i1: number;
  sum: number;
}

/** The fixed-point vectors as lane inputs: the bench's current and weight as two channels. */
const VECTORS: LaneVector[] = FXP_VECTORS.map((x, n) => {
  const { w, s } = FXP_GRID[x.cfg] ?? { w: 8, s: 1 };
  return {
    w,
    s,
    ext: x.i,
    i0: x.current,
    i1: x.weight,
    d0: x.decay,
    d1: x.leak,
    nch: n % 7 === 0 ? 0 : n % 5 === 0 ? 1 : 2,
    v: x.v,
    refr: x.refr,
    leak: x.leak,
    gain: x.gain,
    vRest: x.vRest,
    vReset: x.vReset,
    vThreshold: x.vThreshold,
    refractorySteps: x.refractorySteps,
  };
});

function expected(x: LaneVector, n: number): LaneRecord {
  const c = fxpConstants(FXP_VECTORS[n] ?? (FXP_VECTORS[0] as never));
  const used = [x.i0, x.i1].slice(0, x.nch);
  const sum = used.reduce((a, b) => a + b, 0);
  const step = fixedLifStep(c, { v: x.v, refr: x.refr }, saturate(x.ext + sum, x.w));
  return {
    v: step.state.v,
    refr: step.state.refr,
    spike: step.spiked ? 1 : 0,
    i0: x.nch > 0 ? fixedDecay(x.i0, x.d0, x.s) : x.i0,
    i1: x.nch > 1 ? fixedDecay(x.i1, x.d1, x.s) : x.i1,
    sum,
  };
}

const words = (x: LaneVector): number[] => [
  x.w,
  x.s,
  x.ext,
  x.i0,
  x.i1,
  x.d0,
  x.d1,
  x.nch,
  x.v,
  x.refr,
  x.leak,
  x.gain,
  x.vRest,
  x.vReset,
  x.vThreshold,
  x.refractorySteps,
];

describe('neuron_lane equals the engine (fixedLifStep with W and S at run time)', () => {
  const want = VECTORS.map(expected);
  it('reaches every branch', () => {
    expect(want.some((r) => r.spike === 1)).toBe(true);
    expect(VECTORS.some((x, n) => x.refr > 0 && (want[n]?.refr ?? 0) === x.refr - 1)).toBe(true);
    expect(VECTORS.some((x) => x.nch > 0 && Math.abs(x.ext + x.i0) > 2 ** (x.w - 1))).toBe(true);
    expect(want.some((r) => r.i0 < 0)).toBe(true);
  });
  it.each(SIMULATORS)('%s', (simulator) => {
    const work = workDir(`core-lane-${simulator}`);
    try {
      const command = buildBench(simulator, BENCH, work.dir);
      const lines = runBench(command, work.dir, VECTORS.flatMap(words), VECTORS.length);
      const got = lines.map((line): LaneRecord => {
        const [v, refr, spike, i0, i1, sum] = line.trim().split(/\s+/);
        return {
          v: signedWord(v ?? ''),
          refr: unsignedWord(refr ?? ''),
          spike: unsignedWord(spike ?? ''),
          i0: signedWord(i0 ?? ''),
          i1: signedWord(i1 ?? ''),
          sum: signedWord(sum ?? ''),
        };
      });
      expect(firstMismatch(want, got, (n) => JSON.stringify(VECTORS[n]))).toBeNull();
    } finally {
      work.dispose();
    }
  });
});
