/**
 * The host's real board code against the real RTL (issue 9's co-simulation): JtagSession and
 * JtagBridge (USER1) send their MPSSE bytes through an RtlBoard link (tests/hdl/rtl-board.ts)
 * into hdl/tb/tb_board.v, the generated PYNQ-Z2 top (host_bridge_bscan + a BUS = 1 core at
 * BOARD_CAPACITY) behind the Zynq chain, in Icarus. The bridge's ID, a scratch and a core word
 * written and read back, the capacity region equal to BOARD_CAPACITY; then the board run of
 * src/usb/board/core-run.ts (readCapacity, loadNetwork, runOnCore in chunks of DMAX steps) on a
 * core that starts with empty memories gives exactly the engine's spikes (compareSpikes) for a
 * fixed-point + Poisson + generator network and for one with Loihi populations. One Icarus
 * build; the two networks share one simulator process, loaded one after the other (the second
 * load also shows that coreLoadWrites leaves nothing of the first behind).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_CAPACITY } from '../../src/hdl/board-capacity.ts';
import { BRIDGE_REGISTERS } from '../../src/hdl/bridge-protocol.ts';
import { coreAddress } from '../../src/hdl/core-memory-map.ts';
import { compareSpikes, type SpikeEvent } from '../../src/hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../src/model/document.ts';
import { parseDocumentJson } from '../../src/model/index.ts';
import { JtagBridge } from '../../src/usb/board/jtag-bridge.ts';
import {
  loadNetwork,
  prepareBoardRun,
  readCapacity,
  runOnCore,
} from '../../src/usb/board/core-run.ts';
import { JtagSession } from '../../src/usb/jtag/jtag-session.ts';
import { engineRecord } from './core-cosim.ts';
import { randomNetwork } from './core-networks.ts';
import { RtlBoard, buildRtlBoard } from './rtl-board.ts';
import { REPO_ROOT, workDir } from './simulators.ts';

const work = workDir('rtl-board');
let board: RtlBoard | null = null;
let bridge: JtagBridge;

beforeAll(() => {
  const dir = join(work.dir, 'icarus');
  mkdirSync(dir);
  const command = buildRtlBoard('icarus', BOARD_CAPACITY, dir);
  // The core clock at twice TCK (the board's is about 8x): the same crossings, fewer idle core
  // clocks to simulate per TCK.
  board = new RtlBoard(command, ['+noimages', '+tck_half_ps=33333', '+clk_half_ps=16111']);
  bridge = new JtagBridge(new JtagSession(board), 1);
}, 120_000);

afterAll(async () => {
  await board?.close();
  work.dispose();
});

function gallery(name: string): NetworkDocument {
  const parsed = parseDocumentJson(readFileSync(join(REPO_ROOT, 'public/examples', name), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not validate`);
  return parsed.document;
}

/** The engine's spikes of `doc` as SpikeEvents (population = document index). */
async function engineSpikes(doc: NetworkDocument): Promise<SpikeEvent[]> {
  return (await engineRecord(doc)).flatMap((record, step) =>
    record.spikes.map((s) => {
      const [population, index] = s.split(',').map(Number);
      return { step, population: population ?? -1, index: index ?? -1 };
    }),
  );
}

describe("a board top that ignores the bridge's step count", () => {
  it('runs one step per RUN: the host finds the core short of the chunk', async () => {
    const dir = join(work.dir, 'mutant-steps');
    mkdirSync(dir);
    const command = buildRtlBoard('icarus', BOARD_CAPACITY, dir, {
      // The top is generated for a 1-step document: every start runs that one step.
      from: '.n_steps(bridge_start ? bridge_steps :',
      to: ".n_steps(1'b0 ? bridge_steps :",
    });
    const mutant = new RtlBoard(command, ['+noimages', '+tck_half_ps=33333', '+clk_half_ps=16111']);
    try {
      const host = new JtagBridge(new JtagSession(mutant), 1);
      const run = prepareBoardRun(gallery('loihi.json'));
      // An empty network (net words 0: no populations, projections or stimulus events) still
      // counts its steps, which is all this needs; the simulated memories start unknown.
      const capacity = await readCapacity(host);
      await host.execute(
        [0, 1, 2, 3].map((i) => ({
          op: 'write',
          address: coreAddress('net', i, capacity),
          data: 0,
        })),
      );
      await expect(
        runOnCore(host, run.layout, capacity, { steps: run.steps, timeoutMs: 600_000 }),
      ).rejects.toThrow(
        /should be at step 16 after running steps 0..15, but its run_state reads step 1$/,
      );
    } finally {
      await mutant.close();
    }
  }, 120_000);
});

describe('the host drives the board top RTL over JTAG (Icarus)', () => {
  it('ID, scratch and a core word read back; the capacity region is BOARD_CAPACITY', async () => {
    const v = coreAddress('v', 5, BOARD_CAPACITY);
    const results = await bridge.execute([
      { op: 'read', address: BRIDGE_REGISTERS.id },
      { op: 'write', address: BRIDGE_REGISTERS.scratch, data: 0xcafef00d },
      { op: 'read', address: BRIDGE_REGISTERS.scratch },
      { op: 'write', address: v, data: 0x00fffffd }, // -3 in V's 24 bits
      { op: 'read', address: v },
    ]);
    expect(results.map((r) => r.data >>> 0)).toEqual([
      0x534c0001,
      0,
      0xcafef00d,
      0,
      0xfffffffd, // read back sign-extended
    ]);
    expect(await readCapacity(bridge)).toEqual(BOARD_CAPACITY);
  }, 60_000);

  const networks: [string, () => NetworkDocument][] = [
    ['fixed-point, Poisson and generator (random network 19)', () => randomNetwork(19, 32)],
    ['with Loihi populations (loihi.json)', () => gallery('loihi.json')],
  ];
  it.each(networks)(
    '%s: loaded, run in chunks, exactly the engine',
    async (_, make) => {
      const doc = make();
      const run = prepareBoardRun(doc);
      const capacity = await readCapacity(bridge);
      const stats = board?.stats ?? { tcks: 0, batches: 0, simSeconds: 0 };
      const before = { ...stats };
      const load = await loadNetwork(bridge, run.layout, capacity);
      const loaded = { ...stats };
      const chunks: number[] = [];
      const got = await runOnCore(bridge, run.layout, capacity, {
        steps: run.steps,
        timeoutMs: 600_000,
        onSpikes: (spikes) => chunks.push(spikes.length),
      });
      expect(chunks.length).toBe(Math.ceil(run.steps / capacity.DMAX));
      const want = await engineSpikes(doc);
      expect(want.length).toBeGreaterThan(0);
      expect(compareSpikes(want, got.spikes)).toEqual({ kind: 'bit-exact', spikes: want.length });
      // Figures for the bench's notes (hdl/README.md, "RTL board").
      const loadTcks = loaded.tcks - before.tcks;
      const runTcks = stats.tcks - loaded.tcks;
      console.log(
        `rtl board: ${doc.name}: load ${load.words} words, ${load.frames} frames, ` +
          `${loadTcks} TCKs (${(loadTcks / load.frames).toFixed(1)} per frame), ` +
          `${(loaded.simSeconds - before.simSeconds).toFixed(2)} s; run ${run.steps} steps, ` +
          `${got.spikes.length} spikes, ${got.frames} frames in ${stats.batches - loaded.batches} ` +
          `batches, ${runTcks} TCKs, ` +
          `${(stats.simSeconds - loaded.simSeconds).toFixed(2)} s, ` +
          `${got.spikesPerSecond.toFixed(1)} spikes/s read back in simulation, ` +
          `${(runTcks / Math.max(1, got.spikes.length)).toFixed(0)} TCKs per spike`,
      );
    },
    300_000,
  );
});
