/** The equivalence verdict between the engine's spikes and the hardware's. */
import { describe, expect, it } from 'vitest';
import {
  compareSpikes,
  describeVerdict,
  type SpikeEvent,
} from '../../../src/hdl/spike-equivalence.ts';

const s = (step: number, population: number, index: number): SpikeEvent => ({
  step,
  population,
  index,
});

describe('compareSpikes', () => {
  it('bit-exact whatever the order the records arrive in', () => {
    const engine = [s(0, 0, 1), s(0, 1, 0), s(2, 0, 3)];
    const board = [s(2, 0, 3), s(0, 1, 0), s(0, 0, 1)];
    expect(compareSpikes(engine, board)).toEqual({ kind: 'bit-exact', spikes: 3 });
    expect(compareSpikes([], [])).toEqual({ kind: 'bit-exact', spikes: 0 });
  });

  it('names the first spike only one side has, and how many agreed before', () => {
    const engine = [s(0, 0, 1), s(1, 0, 2), s(5, 1, 0)];
    const board = [s(0, 0, 1), s(1, 0, 3), s(5, 1, 0)];
    expect(compareSpikes(engine, board)).toEqual({
      kind: 'differs',
      step: 1,
      population: 0,
      index: 2,
      onlyIn: 'engine',
      agreed: 1,
    });
    // A spike the hardware has and the engine lacks, at the end.
    expect(compareSpikes(engine, [...engine, s(9, 0, 0)])).toMatchObject({
      step: 9,
      onlyIn: 'hardware',
      agreed: 3,
    });
    // One step late on the hardware: the engine's spike is the first difference.
    expect(compareSpikes([s(3, 0, 0)], [s(4, 0, 0)])).toMatchObject({ step: 3, onlyIn: 'engine' });
  });

  it('says it in a sentence', () => {
    const names = (p: number): string => ['exc', 'inh'][p] ?? '?';
    expect(describeVerdict({ kind: 'bit-exact', spikes: 12 }, names)).toBe(
      'bit-exact: all 12 spikes agree',
    );
    expect(describeVerdict(compareSpikes([s(7, 1, 4)], []), names)).toBe(
      "differs at step 7: population 'inh' neuron 4 spiked in the engine but not in the hardware (0 spikes agreed before it)",
    );
  });
});
