/**
 * The virtual core learns as the engine does (ONLINE_O1 = 1, step 5e online_o1): a learning
 * network loaded only through `coreLoadWrites`, run in chunks (1 step, and k <= DMAX steps),
 * gives exactly the engine's spikes, and after every chunk each learning synapse's weight (as
 * delivered), pre and post trace and eligibility, read back through regions 0x15-0x18, equal
 * the engine's synapse probes; `syn_weight` holds min(weight x scale, 2^23 - 1). Networks: the
 * gallery's fixed-point-hw.json with two learning projections and O1's seeded random learning
 * networks (tests/hdl/core-networks.ts). The capacity word 11 and the regions' widths and
 * refusals; two mutants of the learning step (pre and post swapped, no reward) are caught.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as OnlineO1Step from '../../../src/engine/learning/online-o1-step.ts';
import { BOARD_CAPACITY } from '../../../src/hdl/board-capacity.ts';
import { boardBuildCapacity } from '../../../src/hdl/board-files.ts';
import { VirtualBusError } from '../../../src/hdl/bridge-model.ts';
import { capacityFor, type CoreCapacity } from '../../../src/hdl/core-capacity.ts';
import { layoutCore } from '../../../src/hdl/core-images.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { coreAddress } from '../../../src/hdl/core-memory-map.ts';
import { compareSpikes } from '../../../src/hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { readLearningSynapses } from '../../../src/usb/board/core-run.ts';
import { DEMO_BOARD_CAPACITY } from '../../../src/usb/virtual/spikelab-board.ts';
import { VirtualCore } from '../../../src/usb/virtual/virtual-core.ts';
import { engineRecord } from '../../hdl/core-cosim.ts';
import { engineSynapses, type SynapseRecord, weightChanges } from '../../hdl/core-cosim-o1.ts';
import { randomO1Network } from '../../hdl/core-networks.ts';
import { learningFixedPointHw, runLearningChunks } from './virtual-core-o1-run.ts';
import { engineSpikes, loadNetwork } from './virtual-core-run.ts';

/** Which mutant of `stepOnlineO1` the core runs (the engine's reference uses `stepMany`). */
type Mutant = 'none' | 'swap' | 'no-reward';
const mutant: { kind: Mutant } = vi.hoisted(() => ({ kind: 'none' }));

vi.mock('../../../src/engine/learning/online-o1-step.ts', async (importOriginal) => {
  const real = await importOriginal<typeof OnlineO1Step>();
  return {
    ...real,
    stepOnlineO1: (...[config, state, pre, post, reward]: Parameters<typeof real.stepOnlineO1>) =>
      mutant.kind === 'swap'
        ? real.stepOnlineO1(config, state, post, pre, reward)
        : real.stepOnlineO1(config, state, pre, post, mutant.kind === 'no-reward' ? 0 : reward),
  };
});

const RANDOM_SEEDS = [301, 302, 303, 304, 305, 306];
const RANDOM_STEPS = 60;

function learningCapacity(doc: NetworkDocument): CoreCapacity {
  const c = capacityFor(layoutCore(compile(doc)).needs);
  expect(c.ONLINE_O1).toBe(1);
  return c;
}

/** The engine's spikes and synapse probes of `doc` (taken with the real learning step). */
async function engine(doc: NetworkDocument) {
  const saved = mutant.kind;
  mutant.kind = 'none';
  try {
    return { spikes: engineSpikes(await engineRecord(doc)), synapses: await engineSynapses(doc) };
  } finally {
    mutant.kind = saved;
  }
}

/** The first difference of a chunked run from the engine, or null. */
function firstDifference(
  doc: NetworkDocument,
  want: { spikes: ReturnType<typeof engineSpikes>; synapses: SynapseRecord },
  c: CoreCapacity,
  chunk: number,
): string | null {
  const core = new VirtualCore(c);
  const loaded = loadNetwork(core, doc, c);
  const run = runLearningChunks(core, loaded, c, loaded.plan.totalSteps, chunk);
  const verdict = compareSpikes(want.spikes, run.spikes);
  if (verdict.kind !== 'bit-exact') return `spikes: ${JSON.stringify(verdict)}`;
  for (const [t, lines] of run.synapses) {
    const expected = want.synapses[t] ?? [];
    const n = lines.findIndex((line, i) => line !== expected[i]);
    if (n >= 0 || lines.length !== expected.length) {
      return `after step ${t}: synapse line ${n}: got ${lines[n]}, the engine ${expected[n]}`;
    }
  }
  if (run.deliveredMismatches.length > 0) return run.deliveredMismatches[0] ?? null;
  return null;
}

/** The board build without the learning pass (a core built with ONLINE_O1 = 0). */
const plainCapacity: CoreCapacity = { ...BOARD_CAPACITY };
delete plainCapacity.ONLINE_O1;

/** The learning fixed-point-hw and the engine's run of it, taken once for the file. */
const hw = learningFixedPointHw();
let hwEngine: ReturnType<typeof engine> | undefined;
const hwWant = (): ReturnType<typeof engine> => (hwEngine ??= engine(hw));

describe('the virtual core learns as the engine does (online_o1)', () => {
  it('fixed-point-hw with two learning projections, in chunks of 1 and DMAX', async () => {
    const doc = hw;
    const want = await hwWant();
    expect(weightChanges(want.synapses)).toBeGreaterThan(0);
    const c: CoreCapacity = BOARD_CAPACITY;
    for (const chunk of [1, c.DMAX]) {
      expect(firstDifference(doc, want, c, chunk), `chunks of ${chunk}`).toBeNull();
    }
  });

  it(`random learning networks ${RANDOM_SEEDS.join(', ')} at their own capacity`, async () => {
    let learned = 0;
    for (const seed of RANDOM_SEEDS) {
      const doc = randomO1Network(seed, RANDOM_STEPS);
      const want = await engine(doc);
      expect(want.spikes.length, doc.name).toBeGreaterThan(0);
      if (weightChanges(want.synapses) > 0) learned++;
      const c = learningCapacity(doc);
      const chunk = 1 + (seed % c.DMAX);
      expect(firstDifference(doc, want, c, chunk), `${doc.name}, chunks of ${chunk}`).toBeNull();
    }
    // A rewarded network that never learns would prove little.
    expect(learned).toBeGreaterThanOrEqual(RANDOM_SEEDS.length / 2);
  });

  it.each(['swap', 'no-reward'] as const)(
    'a core whose step is mutated (%s) is caught',
    async (kind) => {
      const want = await hwWant();
      const c: CoreCapacity = BOARD_CAPACITY;
      mutant.kind = kind;
      try {
        expect(firstDifference(hw, want, c, c.DMAX)).not.toBeNull();
      } finally {
        mutant.kind = 'none';
      }
    },
  );
});

describe("the learning regions at the RTL's widths", () => {
  const c: CoreCapacity = { ...BOARD_CAPACITY, SYNMAX: 64 };
  const at = (name: Parameters<typeof coreAddress>[0], i: number, cap = c) =>
    coreAddress(name, i, cap);

  it('capacity word 11 is 1 with ONLINE_O1 and 0 without', () => {
    expect(new VirtualCore(c).read(at('capacity', 11))).toBe(1);
    expect(new VirtualCore(plainCapacity).read(at('capacity', 11, plainCapacity))).toBe(0);
  });

  it('traces keep 30 bits, the eligibility reads sign-extended, the weight keeps 31 bits', () => {
    const core = new VirtualCore(c);
    core.write(at('syn_pre', 3), 0xffffffff);
    expect(core.read(at('syn_pre', 3))).toBe(2 ** 30 - 1);
    core.write(at('syn_post', 63), 0x40000005);
    expect(core.read(at('syn_post', 63))).toBe(5);
    core.write(at('syn_elig', 0), 0x20000000); // bit 29: negative in 30 bits
    expect(core.read(at('syn_elig', 0))).toBe(-(2 ** 29) >>> 0);
    core.write(at('syn_int_weight', 1), 0xffffffff);
    expect(core.read(at('syn_int_weight', 1))).toBe(2 ** 31 - 1);
  });

  it('past SYNMAX, or in a core without ONLINE_O1, the bus does not answer', () => {
    expect(() => new VirtualCore(c).read(at('syn_elig', 63) + 1)).toThrow(VirtualBusError);
    const plain = new VirtualCore(plainCapacity);
    for (const name of ['syn_pre', 'syn_post', 'syn_elig', 'syn_int_weight'] as const) {
      expect(() => plain.read(at(name, 0, plainCapacity)), name).toThrow(/no region 0x1[5-8]/);
    }
  });
});

describe('readLearningSynapses', () => {
  it('refuses a learning network on a core built without ONLINE_O1, reads nothing', async () => {
    const doc = learningFixedPointHw();
    const plan = compile(doc);
    const prepared = { plan, layout: layoutCore(plan) };
    const bridge = {
      execute: () => Promise.reject(new Error('the bridge was used')),
    };
    await expect(readLearningSynapses(bridge, prepared, plainCapacity)).rejects.toThrow(
      'the network learns (online_o1); this core was built without ONLINE_O1',
    );
  });
});

describe('the demo board learns: the one board build has the learning pass', () => {
  it("a learning network's board build is BOARD_CAPACITY, the demo board's capacity", () => {
    expect(DEMO_BOARD_CAPACITY).toBe(BOARD_CAPACITY);
    expect(BOARD_CAPACITY.ONLINE_O1).toBe(1);
    const learning = learningCapacity(randomO1Network(301, RANDOM_STEPS));
    expect(boardBuildCapacity(learning)).toEqual(BOARD_CAPACITY);
  });
});
