/**
 * The host's board run against a scripted core behind the software bridge: the capacity read
 * and its refusals, the load (every word of `coreLoadWrites`, batches, progress, cancel, a
 * network too large named per resource), the run in chunks of at most DMAX steps with each
 * chunk's spikes read from its own slots, the overflow flag, a core that never finishes or
 * runs too few steps, and the state read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BridgeCommand } from '../../../src/hdl/bridge-protocol.ts';
import { BRIDGE_REGISTERS } from '../../../src/hdl/bridge-protocol.ts';
import { capacityFor, type CoreCapacity } from '../../../src/hdl/core-capacity.ts';
import { bankAddress, coreAddress, coreLoadWrites } from '../../../src/hdl/core-memory-map.ts';
import { ExportRefusedError } from '../../../src/hdl/export-verilog.ts';
import type { SpikeEvent } from '../../../src/hdl/spike-equivalence.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import {
  BoardOverflowError,
  BoardRunCancelled,
  type BridgeLike,
  describeShortfalls,
  loadNetwork,
  NetworkTooLargeError,
  prepareBoardRun,
  readCapacity,
  readCoreState,
  runOnCore,
} from '../../../src/usb/board/core-run.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import { BridgeModel } from '../../../src/hdl/bridge-model.ts';
import { compareSpikes } from '../../../src/hdl/spike-equivalence.ts';
import { BoardConnection } from '../../../src/usb/board/board-connection.ts';
import { JtagBridge } from '../../../src/usb/board/jtag-bridge.ts';
import { UsbTransferError } from '../../../src/usb/transport/usb-device.ts';
import { spikelabVirtualBoard } from '../../../src/usb/virtual/spikelab-board.ts';
import { VirtualUsbDevice } from '../../../src/usb/virtual/virtual-usb-device.ts';
import { VirtualCore } from '../../../src/usb/virtual/virtual-core.ts';
import { checkBitstream } from '../../../src/usb/xilinx7/check-bitstream.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';
import { modelBridge, scriptedBoard } from './core-run-fakes.ts';

/** The engine's spikes of every population of `doc` (reference backend, all its steps). */
async function engineSpikes(doc: NetworkDocument): Promise<SpikeEvent[]> {
  const probes = doc.populations.map((p) => ({
    id: `spikes_${p.id}`,
    kind: 'spikes' as const,
    population: p.id,
  }));
  const sim = await createSimulation({ ...doc, probes }, { backend: 'reference' });
  try {
    const chunk = await sim.step(sim.totalSteps);
    return doc.populations.flatMap((p, population) => {
      const block = chunk.spikes[p.id];
      return Array.from(block?.steps ?? [], (step, k) => ({
        step,
        population,
        index: block?.indices[k] ?? -1,
      }));
    });
  } finally {
    sim.dispose();
  }
}

function example(name: string): NetworkDocument {
  const text = readFileSync(join(process.cwd(), `public/examples/${name}.json`), 'utf8');
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error(`${name}.json is invalid`);
  return parsed.document;
}

/** The example's own capacity (DMAX 8, so a 37-step run takes five chunks). */
const CAPACITY: CoreCapacity = capacityFor(prepareBoardRun(example('fixed-point-hw')).layout.needs);

/** Spikes that change with the step, the population and the neuron, some steps none. */
function script(sizes: readonly number[]): (t: number) => SpikeEvent[] {
  return (t) =>
    sizes.flatMap((size, population) =>
      Array.from({ length: (t + population) % 3 }, (_, k) => ({
        step: t,
        population,
        index: (t * 7 + k * 3 + population) % size,
      })),
    );
}

describe('board run: capacity and load', () => {
  const prepared = prepareBoardRun(example('fixed-point-hw'));
  const { layout } = prepared;

  it('reads the capacity region after the bridge ID', async () => {
    const { bridge } = scriptedBoard({ ...CAPACITY, LOIHI: 1 }, layout.bases, () => []);
    expect(await readCapacity(bridge)).toEqual({ ...CAPACITY, LOIHI: 1 });
  });

  it('refuses another bridge ID and a capacity no core is built with', async () => {
    const { bridge, core } = scriptedBoard(CAPACITY, layout.bases, () => []);
    const otherId: BridgeLike = {
      execute: async (commands: readonly BridgeCommand[]) =>
        (await bridge.execute(commands)).map((r) =>
          r.command.op === 'read' && r.command.address === BRIDGE_REGISTERS.id
            ? { ...r, data: 0x534c0002 }
            : r,
        ),
    };
    await expect(readCapacity(otherId)).rejects.toThrow(
      /the board's bridge speaks protocol version 2; this Spikelab speaks 1/,
    );
    core.memory.set(0x13000000, 1000);
    await expect(readCapacity(bridge)).rejects.toThrow(/reads NMAX = 1000, which no Spikelab core/);
  });

  it('writes every word of coreLoadWrites in batches, with progress', async () => {
    const { bridge, core } = scriptedBoard(CAPACITY, layout.bases, () => []);
    const reports: number[] = [];
    const result = await loadNetwork(bridge, layout, CAPACITY, {
      batchWords: 500,
      onProgress: (p) => reports.push(p.words),
    });
    const writes = coreLoadWrites(layout.images, CAPACITY);
    expect(result.words).toBe(writes.length);
    for (const w of writes) expect(core.memory.get(w.address), `word ${w.address}`).toBe(w.data);
    expect(reports).toEqual(
      Array.from({ length: Math.ceil(writes.length / 500) }, (_, k) =>
        Math.min(writes.length, 500 * (k + 1)),
      ),
    );
    expect(result.frames).toBe(writes.length + 2 * reports.length);
  });

  it('a cancel between batches stops the load and says the network is only partly there', async () => {
    const { bridge } = scriptedBoard(CAPACITY, layout.bases, () => []);
    const abort = new AbortController();
    const total = coreLoadWrites(layout.images, CAPACITY).length;
    await expect(
      loadNetwork(bridge, layout, CAPACITY, {
        batchWords: 300,
        signal: abort.signal,
        onProgress: () => abort.abort(),
      }),
    ).rejects.toThrow(
      new BoardRunCancelled(
        `cancelled: the core is idle and holds only 300 of the network's ${total} words; load it again before running`,
      ),
    );
    expect(bridge.commands).toBe(300);
  });

  it('a network too large is refused before any write, naming what it needs and what fits', async () => {
    const small: CoreCapacity = { ...CAPACITY, NMAX: 64, DMAX: 2, SYNMAX: 512 };
    const { bridge } = scriptedBoard(small, layout.bases, () => []);
    const error = await loadNetwork(bridge, layout, small).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkTooLargeError);
    const { needs } = layout;
    expect((error as NetworkTooLargeError).shortfalls).toEqual([
      `the network needs NMAX 128 (${needs.neurons} neurons); the board's core holds 64 neurons`,
      `the network needs DMAX ${2 ** Math.ceil(Math.log2(needs.maxDelay + 1))} (${needs.maxDelay} steps of delay at most); the board's core holds delays up to 1 steps`,
      `the network needs SYNMAX ${2 ** Math.ceil(Math.log2(needs.synapses))} (${needs.synapses} synapses); the board's core holds 512 synapses`,
    ]);
    expect(bridge.commands).toBe(0);
    const loihi = prepareBoardRun(example('loihi')).layout;
    expect(describeShortfalls(CAPACITY, { ...layout.needs, onlineO1: 5 })).toEqual([
      "the network has 5 synapses that learn with online_o1; the board's core holds no " +
        'learning synapses (it is built without the OnlineO1 pass)',
    ]);
    await expect(
      loadNetwork(bridge, loihi, capacityFor({ ...loihi.needs, loihi: 0 })),
    ).rejects.toThrow(/the network has 3 Loihi neurons; the board's core holds no Loihi neurons/);
  });

  it('a float LIF population is refused by name', () => {
    const doc = example('fixed-point-hw');
    const floating = {
      ...doc,
      populations: doc.populations.map((p) =>
        p.id === 'inh' ? { ...p, model: 'stochastic_lif' as const, params: {} } : p,
      ),
    } as NetworkDocument;
    expect(() => prepareBoardRun(floating)).toThrow(ExportRefusedError);
    expect(() => prepareBoardRun(floating)).toThrow(/populations\[3\]: .*'inh'/);
  });
});

describe('board run: running in chunks', () => {
  const { layout, populations } = prepareBoardRun(example('fixed-point-hw'));
  const sizes = layout.bases.map((_, p) => layout.images.pop[p * 32 + 2] ?? 0);

  it('runs in chunks of at most DMAX steps and reads each chunk from its own slots', async () => {
    const { bridge, core } = scriptedBoard(CAPACITY, layout.bases, script(sizes));
    const chunks: (readonly SpikeEvent[])[] = [];
    const progress: number[] = [];
    const run = await runOnCore(bridge, layout, CAPACITY, {
      steps: 37,
      onSpikes: (s) => chunks.push(s),
      onProgress: (p) => progress.push(p.steps),
    });
    expect(core.runs).toEqual([8, 8, 8, 8, 5]);
    expect(progress).toEqual([8, 16, 24, 32, 37]);
    const want = Array.from({ length: 37 }, (_, t) => script(sizes)(t)).flat();
    expect(want.length).toBeGreaterThan(100);
    expect(run.spikes).toEqual(want);
    expect(chunks.flat()).toEqual(want);
    expect(chunks[1]?.every((s) => s.step >= 8 && s.step < 16)).toBe(true);
    expect(run).toMatchObject({ firstStep: 0, steps: 37 });
    expect(run.spikesPerSecond).toBeGreaterThan(0);
    // First batch: read t, RUN, STATUS. Per chunk: t, overflow and the counts; then the
    // entries with the next chunk's RUN and STATUS. Every batch: + 2 flush NOPs.
    const ks = [8, 8, 8, 8, 5];
    const frames =
      3 +
      2 +
      ks.reduce((sum, k, c) => {
        const entries = (chunks[c]?.length ?? 0) + (c < ks.length - 1 ? 2 : 0);
        return sum + 2 + k * layout.bases.length + 2 + entries + 2;
      }, 0);
    expect(run.frames).toBe(frames);

    // A second run goes on from step 37: its first chunk reads slots 5, 6, 7, 0, ...
    const more = await runOnCore(bridge, layout, CAPACITY, { steps: 10 });
    expect(more.firstStep).toBe(37);
    expect(more.spikes).toEqual(Array.from({ length: 10 }, (_, k) => script(sizes)(37 + k)).flat());
  });

  it('names the Loihi overflow as the engine would stop there', async () => {
    const { layout: loihi, populations: names } = prepareBoardRun(example('loihi'));
    const { bridge } = scriptedBoard({ ...CAPACITY, LOIHI: 1 }, loihi.bases, () => [], {
      overflowAt: 11,
    });
    const error = await runOnCore(
      bridge,
      loihi,
      { ...CAPACITY, LOIHI: 1 },
      {
        steps: 30,
        names,
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoardOverflowError);
    expect((error as Error).message).toBe(
      "population 'loihi': a Loihi neuron's I or v reached 2^24 between steps 8 and 15 on the " +
        'board (its sticky overflow flag is set), where the engine stops with a NumericalError; ' +
        'check its parameters (a very large weight or current)',
    );
  });

  it('a cancel stops between chunks; a core that never goes idle or loses a step is named', async () => {
    const { bridge } = scriptedBoard(CAPACITY, layout.bases, script(sizes));
    const abort = new AbortController();
    await expect(
      runOnCore(bridge, layout, CAPACITY, {
        steps: 20,
        signal: abort.signal,
        onSpikes: () => abort.abort(),
      }),
    ).rejects.toThrow('cancelled after 16 of 20 steps: the core is idle at step 16');
    await expect(
      runOnCore(bridge, layout, CAPACITY, { steps: 4, signal: abort.signal }),
    ).rejects.toThrow('cancelled before the run started: the core is idle');

    const busy: BridgeLike = {
      execute: async (commands) =>
        (await bridge.execute(commands)).map((r) =>
          r.command.op === 'read' && r.command.address === BRIDGE_REGISTERS.status
            ? { ...r, data: 1 }
            : r,
        ),
    };
    await expect(runOnCore(busy, layout, CAPACITY, { steps: 4, timeoutMs: 30 })).rejects.toThrow(
      /the core did not finish steps 16\.\.19 within 0\.03 s \(STATUS still reads running\)/,
    );

    const lossy = scriptedBoard(CAPACITY, layout.bases, script(sizes), { lose: true });
    await expect(
      runOnCore(lossy.bridge, layout, CAPACITY, { steps: 8, names: populations }),
    ).rejects.toThrow(
      'the core should be at step 8 after running steps 0..7, but its run_state reads step 7',
    );
  });

  it('reads v and the summed channel currents of the fixed-point neurons', async () => {
    const { bridge, core } = scriptedBoard(CAPACITY, layout.bases, () => []);
    const exc = 2;
    const base = layout.bases[exc] ?? 0;
    core.memory.set(coreAddress('v', base + 3, CAPACITY), -5 >>> 0);
    core.memory.set(bankAddress(0, base + 3, CAPACITY), 7);
    core.memory.set(bankAddress(1, base + 3, CAPACITY), -2 >>> 0);
    const state = await readCoreState(bridge, layout, CAPACITY);
    expect(state.map((s) => [s.population, s.kind, s.v.length])).toEqual([
      [2, 'fixed_point_lif', 40],
      [3, 'fixed_point_lif', 10],
    ]);
    const channels = layout.images.pop[exc * 32 + 3] ?? 0;
    expect(state[0]?.v[3]).toBe(-5);
    expect(state[0]?.i[3]).toBe(channels > 1 ? 5 : 7);
  });
});

describe('board run: on the virtual core', () => {
  it('loads and runs fixed-point-hw in chunks of DMAX steps, spike for spike the engine', async () => {
    const doc = example('fixed-point-hw');
    const prepared = prepareBoardRun(doc);
    const bridge = modelBridge(new BridgeModel(new VirtualCore(CAPACITY)));
    expect(await readCapacity(bridge)).toEqual(CAPACITY);
    await loadNetwork(bridge, prepared.layout, CAPACITY);
    const run = await runOnCore(bridge, prepared.layout, CAPACITY, { steps: prepared.steps });
    const engine = await engineSpikes(doc);
    expect(engine.length).toBeGreaterThan(100);
    expect(compareSpikes(engine, run.spikes)).toEqual({ kind: 'bit-exact', spikes: engine.length });
  });

  it("a Loihi network's v after the run is the engine's last v", async () => {
    const doc = example('loihi');
    const prepared = prepareBoardRun(doc);
    const capacity = capacityFor(prepared.layout.needs);
    const bridge = modelBridge(new BridgeModel(new VirtualCore(capacity)));
    await loadNetwork(bridge, prepared.layout, capacity);
    await runOnCore(bridge, prepared.layout, capacity, { steps: prepared.steps });
    const [state] = await readCoreState(bridge, prepared.layout, capacity);
    const sim = await createSimulation(doc, { backend: 'reference' });
    const chunk = await sim.step(sim.totalSteps);
    sim.dispose();
    const v = chunk.traces.loihi_v?.values ?? new Float32Array();
    expect(state).toMatchObject({ population: 1, kind: 'loihi' });
    expect(state?.v).toEqual(Array.from(v.subarray(v.length - 3)));
  });
});

describe('board run: over USB on the demo board', () => {
  it('unplugged mid-run: the USB error names it, and the spikes so far were streamed', async () => {
    const doc = example('fixed-point-hw');
    const { layout, steps } = prepareBoardRun(doc);
    const options = spikelabVirtualBoard();
    const device = new VirtualUsbDevice(options);
    const board = await BoardConnection.open(device, { tckHz: 30e6 });
    await board.upload(checkBitstream(testBitstream({ frameWords: 64 })));
    const bridge = new JtagBridge(board.session);
    const capacity = await readCapacity(bridge);
    // The load goes straight into the configured core (a second software bridge in front of
    // it): only the run crosses USB, which keeps the test short.
    await loadNetwork(modelBridge(new BridgeModel(options.core())), layout, capacity);
    device.faults = { unplugAfterBytes: device.bytesWritten + 20_000 };
    const streamed: SpikeEvent[] = [];
    let stepsDone = 0;
    const error = await runOnCore(bridge, layout, capacity, {
      steps,
      onSpikes: (s) => streamed.push(...s),
      onProgress: (p) => (stepsDone = p.steps),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsbTransferError);
    expect((error as UsbTransferError).kind).toBe('disconnected');
    expect(String(error)).toMatch(/the board was unplugged during/);
    const engine = await engineSpikes(doc);
    expect(stepsDone).toBeGreaterThan(0);
    expect(stepsDone).toBeLessThan(steps);
    const before = engine.filter((s) => s.step < stepsDone);
    expect(before.length).toBeGreaterThan(0);
    expect(compareSpikes(before, streamed)).toEqual({ kind: 'bit-exact', spikes: before.length });
  });
});
