/**
 * The virtual core (src/usb/virtual/virtual-core.ts) runs the engine's step: a network loaded
 * only through the bus words `coreLoadWrites` makes, run in chunks (one step at a time, and
 * k <= DMAX steps at a time, t going on from run to run), gives exactly the engine's spikes
 * (`compareSpikes`), read back from `spike_count`/`spike_list`, and its v, channel currents and
 * Loihi v and I after every chunk. Networks: the gallery's hardware-exact examples and seeded
 * random ones of tests/hdl/core-networks.ts (the co-simulation's, at tb_core's capacity).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOARD_CAPACITY } from '../../../src/hdl/board-capacity.ts';
import { capacityFor, type CoreCapacity } from '../../../src/hdl/core-capacity.ts';
import { coreAddress } from '../../../src/hdl/core-memory-map.ts';
import { compareSpikes } from '../../../src/hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { VirtualCore } from '../../../src/usb/virtual/virtual-core.ts';
import { engineRecord, type StepRecord, TB_CAPACITY } from '../../hdl/core-cosim.ts';
import { randomNetwork } from '../../hdl/core-networks.ts';
import {
  engineSpikes,
  engineStateAfter,
  loadNetwork,
  runInChunks,
  runnableLoihi,
} from './virtual-core-run.ts';

function gallery(name: string): NetworkDocument {
  const parsed = parseDocumentJson(readFileSync(`public/examples/${name}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not validate`);
  return parsed.document;
}

/** Runs `doc` on a fresh core in chunks of each size; every spike and chunk-end state agree. */
function expectEngine(
  doc: NetworkDocument,
  record: readonly StepRecord[],
  capacity: (doc: NetworkDocument) => CoreCapacity,
  chunks: readonly number[],
): void {
  const c = capacity(doc);
  const want = engineSpikes(record);
  expect(want.length).toBeGreaterThan(0);
  for (const chunk of chunks) {
    expect(chunk).toBeLessThanOrEqual(c.DMAX);
    const core = new VirtualCore(c);
    const loaded = loadNetwork(core, doc, c);
    const steps = loaded.plan.totalSteps;
    const got = runInChunks(core, loaded, c, steps, chunk);
    expect(compareSpikes(want, got.spikes), `chunks of ${chunk}`).toEqual({
      kind: 'bit-exact',
      spikes: want.length,
    });
    for (const [t, rows] of got.state) {
      expect(rows, `state after step ${t}, chunks of ${chunk}`).toEqual(
        engineStateAfter(record, t, loaded.plan),
      );
    }
    // t went on from run to run: the next step is the run's length.
    expect(core.read(coreAddress('run_state', 0, c))).toBe(steps);
  }
}

/** The network's own capacity (the export's), smallest DMAX and all. */
const ownCapacity = (doc: NetworkDocument): CoreCapacity =>
  capacityFor(loadNetwork(new VirtualCore(TB_CAPACITY), doc, TB_CAPACITY).layout.needs);

describe('the virtual core runs the gallery examples as the engine does', () => {
  it('fixed-point-hw.json on the board capacity, 1 and 16 steps per run', async () => {
    const doc = gallery('fixed-point-hw.json');
    expectEngine(doc, await engineRecord(doc), () => BOARD_CAPACITY, [1, 16]);
  });

  it('loihi.json at its own capacity (DMAX 2), 1 and 2 steps per run', async () => {
    const doc = gallery('loihi.json');
    expectEngine(doc, await engineRecord(doc), ownCapacity, [1, 2]);
  });
});

describe('the virtual core runs random networks as the engine does', () => {
  it.each([101, 102, 103, 104])('random network %i (tb_core capacity)', async (seed) => {
    const doc = randomNetwork(seed, 60);
    expectEngine(doc, await engineRecord(doc), () => TB_CAPACITY, [1, 7]);
  });

  it.each([201, 202, 203])('random Loihi network %i (tb_core capacity)', async (seed) => {
    const [doc, record] = await runnableLoihi(seed, 60);
    expectEngine(doc, record, () => TB_CAPACITY, [1, 8]);
  });
});

describe('the sticky Loihi overflow (run_state word 2)', () => {
  it('rises when a Loihi I reaches 2^24, stays set across runs until a host writes 0', () => {
    const doc = gallery('loihi.json');
    const c = ownCapacity(doc);
    const core = new VirtualCore(c);
    const { layout, plan } = loadNetwork(core, doc, c);
    const overflow = coreAddress('run_state', 2, c);
    const loihi = plan.populations.findIndex((p) => p.model.model === 'loihi');
    const neuron = layout.bases[loihi] ?? 0;
    core.run(2);
    expect(core.read(overflow)).toBe(0);
    core.write(coreAddress('loihi_i', neuron, c), -(2 ** 24));
    core.run(1);
    expect(core.read(overflow)).toBe(1);
    core.run(3);
    expect(core.read(overflow)).toBe(1);
    core.write(overflow, 0);
    core.run(1);
    expect(core.read(overflow)).toBe(0);
    expect(core.read(coreAddress('run_state', 0, c))).toBe(7);
  });
});
