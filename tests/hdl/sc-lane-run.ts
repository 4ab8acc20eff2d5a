/**
 * One run of the SC lane bench: the stimulus, the engine's expected records, and a function that
 * builds and runs the bench (or a variant of its sources) and parses what it wrote.
 */
import type { Bench, Simulator } from './simulators.ts';
import { buildBench, runBench, unsignedWord } from './simulators.ts';
import { type ScLaneRecord, scLaneExpected, scLaneStimulus, scLaneWords } from './sc-lane-cases.ts';

/** The bench's count register width (tb_sc_lane.v's CW). */
export const SC_LANE_COUNT_BITS = 13;

export const SC_LANE_BENCH: Bench = {
  top: 'tb_sc_lane',
  sources: ['hdl/tb/tb_sc_lane.v', 'hdl/sc_lane.v', 'hdl/mix32_pipe.v'],
};

export const SC_LANE_STIMULUS = scLaneStimulus(0x5c1a7e, 1200);
export const SC_LANE_EXPECTED: readonly ScLaneRecord[] = scLaneExpected(
  SC_LANE_STIMULUS.clocks,
  SC_LANE_COUNT_BITS,
);

/** Clock `n`'s inputs, for a failure message. */
export function describeScLaneClock(n: number): string {
  const c = SC_LANE_STIMULUS.clocks[n];
  if (c === undefined) return `clock ${n} (none)`;
  const hex = (x: number) => (x >>> 0).toString(16);
  return (
    `clock ${n}: valid ${c.valid}, clear ${c.clear}, index ${c.index}, keys ` +
    `${hex(c.inputKey)} ${hex(c.weightKey)}, thresholds ${c.inputThreshold} ${c.weightThreshold}`
  );
}

/** Builds `bench` in `simulator` under `dir`, clocks it and returns its records. */
export function simulateScLane(simulator: Simulator, bench: Bench, dir: string): ScLaneRecord[] {
  const command = buildBench(simulator, bench, dir);
  const clocks = SC_LANE_STIMULUS.clocks;
  const lines = runBench(command, dir, clocks.flatMap(scLaneWords), clocks.length);
  return lines.map((line) => {
    const [pre, weight, active, count] = line.trim().split(/\s+/);
    return {
      pre: Number(pre),
      weight: Number(weight),
      active: Number(active),
      count: unsignedWord(count ?? ''),
    };
  });
}
