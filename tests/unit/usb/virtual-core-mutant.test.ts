/**
 * A mutant of the virtual core that must fail: delivery without the per-event saturation (the
 * events of a step summed, clamped only once when the neuron integrates). The engine's
 * `fixedDeliver` is swapped for a plain add in the core only (the engine's record is taken
 * first, with the real one); the chunked run then disagrees with the engine on a random
 * network whose weights saturate, while the same run without the mutant agrees.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as FixedLifStep from '../../../src/engine/fixed-point/fixed-lif-step.ts';
import { compareSpikes } from '../../../src/hdl/spike-equivalence.ts';
import { VirtualCore } from '../../../src/usb/virtual/virtual-core.ts';
import { engineRecord, TB_CAPACITY } from '../../hdl/core-cosim.ts';
import { randomNetwork } from '../../hdl/core-networks.ts';
import { engineSpikes, engineStateAfter, loadNetwork, runInChunks } from './virtual-core-run.ts';

const mutant = vi.hoisted(() => ({ on: false }));

vi.mock('../../../src/engine/fixed-point/fixed-lif-step.ts', async (importOriginal) => {
  const real = await importOriginal<typeof FixedLifStep>();
  return {
    ...real,
    fixedDeliver: (current: number, weight: number, totalBits: number): number =>
      mutant.on ? current + weight : real.fixedDeliver(current, weight, totalBits),
  };
});

/** Whether a chunked run of the core agrees with the engine in every spike and state row. */
async function agrees(seed: number, withMutant: boolean): Promise<boolean> {
  const doc = randomNetwork(seed, 60);
  mutant.on = false;
  const record = await engineRecord(doc);
  mutant.on = withMutant;
  try {
    const core = new VirtualCore(TB_CAPACITY);
    const loaded = loadNetwork(core, doc, TB_CAPACITY);
    const run = runInChunks(core, loaded, TB_CAPACITY, loaded.plan.totalSteps, 4);
    const spikes = compareSpikes(engineSpikes(record), run.spikes).kind === 'bit-exact';
    const state = [...run.state].every(
      ([t, rows]) =>
        JSON.stringify(rows) === JSON.stringify(engineStateAfter(record, t, loaded.plan)),
    );
    return spikes && state;
  } finally {
    mutant.on = false;
  }
}

describe('a virtual core that saturates only once per step is caught', () => {
  it('random network 101 differs from the engine under the mutant, agrees without it', async () => {
    expect(await agrees(101, true)).toBe(false);
    expect(await agrees(101, false)).toBe(true);
  });
});
