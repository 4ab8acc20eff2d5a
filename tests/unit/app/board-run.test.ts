/**
 * Run on board through the store, with the board service in-process on the demo board: the
 * host's real FTDI, JTAG and bridge code drives the virtual core (`src/usb/virtual`, the
 * core's TypeScript twin) while the engine runs the same document, so a bit-exact verdict
 * here is two independent implementations agreeing. Also: an unplug during the run (spikes
 * kept, Retry uploads and runs again), cancel (the core left idle and usable), and the
 * refusals (a network the core cannot run, one too large for it, another design).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBoardService } from '../../../src/app/hardware/board/board-service.ts';
import { createBoardStore } from '../../../src/app/hardware/board/board-store.ts';
import type { RunStage } from '../../../src/app/hardware/board/board-run-view.ts';
import type { PopulationSpikes } from '../../../src/app/hardware/run-to-end.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson } from '../../../src/model/validate.ts';
import type { UsbDeviceLike } from '../../../src/usb/transport/usb-device.ts';
import { VirtualUsbDevice } from '../../../src/usb/virtual/virtual-usb-device.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';

function example(file: string): NetworkDocument {
  const url = new URL(`../../../public/examples/${file}`, import.meta.url);
  const result = parseDocumentJson(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.document;
}

const hw = example('fixed-point-hw.json');
/** The same network with a quarter of the neurons (the cue's 8 kept): far fewer words to load. */
const small: NetworkDocument = {
  ...hw,
  populations: hw.populations.map((p) =>
    p.id === 'cue' ? p : { ...p, size: Math.ceil(p.size / 4) },
  ),
};

function setup(findUsbDevice: () => Promise<UsbDeviceLike | null> = () => Promise.resolve(null)) {
  // A small test bitstream: the upload is not what these tests are about.
  const service = createBoardService({ findUsbDevice, testFrameWords: 512 });
  const store = createBoardStore({
    client: () => service,
    usb: { availability: () => ({ ok: true }), requestDevice: () => Promise.resolve() },
    os: 'linux',
  });
  const stages: RunStage[] = [];
  store.subscribe((s) => {
    const stage = s.run?.stage;
    if (stage !== undefined && stage !== stages.at(-1)) stages.push(stage);
  });
  return { service, store, stages };
}

async function demoWithCore(store: ReturnType<typeof setup>['store']): Promise<void> {
  await store.getState().connectDemo();
  await store.getState().uploadTest();
  expect(store.getState().status?.identity.kind).toBe('spikelab');
}

/** "step,index" of every spike, sorted, per population id. */
const sorted = (spikes: Record<string, PopulationSpikes>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(spikes).map(([id, s]) => [
      id,
      s.steps.map((t, k) => `${t},${s.indices[k]}`).sort(),
    ]),
  );

describe('Run on board with the demo board', () => {
  it('loads fixed-point-hw.json onto the core, streams its spikes and finds them bit-exact', async () => {
    const { store, stages } = setup();
    await demoWithCore(store);
    let loads = 0;
    let lastLoad = { words: 0, totalWords: -1 };
    store.subscribe((s) => {
      const load = s.run?.load;
      if (load && load.words !== lastLoad.words) {
        loads += 1;
        lastLoad = load;
      }
    });
    const running = store.getState().runOnBoard(hw);
    // A second click while it runs does nothing: the run in flight keeps its view.
    await store.getState().runOnBoard(small);
    await running;
    const s = store.getState();
    expect(s.run?.document).toBe(hw);
    expect(s.failure).toBeNull();
    expect(s.phase).toBe('connected');
    expect(stages).toEqual(['preparing', 'engine', 'loading', 'running', 'done']);
    // The images and the starting state, in batches of 1,024 writes.
    expect(lastLoad.words).toBe(lastLoad.totalWords);
    expect(lastLoad.totalWords).toBeGreaterThan(4000);
    expect(loads).toBe(Math.ceil(lastLoad.totalWords / 1024));

    const run = s.run!;
    expect(run.totalSteps).toBe(300);
    expect(run.engine?.backend).toBe('wasm');
    expect(run.done?.verdict).toEqual({ kind: 'bit-exact', spikes: run.boardSpikes });
    expect(run.done?.spikes).toBe(run.boardSpikes);
    expect(run.boardSpikes).toBeGreaterThan(100);
    expect(sorted(run.board.spikes)).toEqual(sorted(run.engine!.spikes));
    // Every population of the document is recorded, the Poisson input and the cue included.
    for (const p of hw.populations) expect(run.board.spikes[p.id]?.steps.length).toBeGreaterThan(0);
  });

  it('an unplug during the run keeps the spikes read; Retry uploads and runs again', async () => {
    const { service, store, stages } = setup();
    await demoWithCore(store);
    await store.getState().arm('unplug-run');
    expect(store.getState().armed).toEqual(['unplug-run']);
    await store.getState().runOnBoard(small);
    let s = store.getState();
    expect(s.phase).toBe('unplugged');
    expect(s.failure?.kind).toBe('disconnected');
    expect(s.failure?.retry).toBe(true);
    expect(s.failure?.rerun).toBe(true);
    expect(s.armed).toEqual([]);
    expect(service.demo()?.unplugged).toBe(true);
    const cut = s.run!;
    expect(cut.stage).toBe('stopped');
    // Armed at half the run: the chunk that crossed it was read, the next transfer failed.
    expect(cut.steps).toBeGreaterThanOrEqual(150);
    expect(cut.steps).toBeLessThan(300);
    expect(cut.boardSpikes).toBeGreaterThan(0);
    const read = Object.values(cut.board.spikes).reduce((n, p) => n + p.steps.length, 0);
    expect(read).toBe(cut.boardSpikes);
    expect(cut.engine).not.toBeNull();

    stages.length = 0;
    let uploading = false;
    const stop = store.subscribe((st) => {
      if (st.upload !== null) uploading = true;
    });
    await store.getState().retry();
    stop();
    s = store.getState();
    expect(uploading).toBe(true);
    expect(s.failure).toBeNull();
    expect(s.phase).toBe('connected');
    expect(s.uploaded).not.toBeNull();
    // The stopped run stays on screen through the upload; the new run replaces it from there.
    expect(stages).toEqual(['stopped', 'engine', 'loading', 'running', 'done']);
    expect(s.run?.done?.verdict.kind).toBe('bit-exact');
    expect(s.run!.boardSpikes).toBeGreaterThan(cut.boardSpikes);
  });

  it('a replug clears an unplug armed for a run that had not started', async () => {
    const { store } = setup();
    await demoWithCore(store);
    await store.getState().arm('unplug-run');
    await store.getState().arm('unplug-half');
    await store.getState().uploadTest();
    expect(store.getState().failure?.rerun).toBe(false);
    await store.getState().retry();
    expect(store.getState().armed).toEqual([]);
    await store.getState().runOnBoard(small);
    expect(store.getState().failure).toBeNull();
    expect(store.getState().run?.done?.verdict.kind).toBe('bit-exact');
  });

  it('cancel during the load or the run leaves the core idle, and the next run is bit-exact', async () => {
    const { store } = setup();
    await demoWithCore(store);
    // fixed-point-hw.json loads in five batches: the cancel is seen after the first.
    let stop = store.subscribe((s) => {
      if ((s.run?.load?.words ?? 0) > 0) store.getState().cancel();
    });
    await store.getState().runOnBoard(hw);
    stop();
    let s = store.getState();
    expect(s.failure?.kind).toBe('cancelled');
    expect(s.failure?.message).toMatch(
      /^cancelled: the core is idle and holds only 1024 of the network's \d+ words; load it again before running$/,
    );
    expect(s.phase).toBe('connected');
    expect(s.run?.stage).toBe('stopped');
    expect(s.run?.boardSpikes).toBe(0);

    // Long enough that the first spike report (at most every SPIKE_REPORT_MS) comes well before
    // the end: with 300 steps a loaded machine could finish the run before the cancel is seen.
    const long = { ...small, run: { ...small.run, duration: small.run.duration * 20 } };
    stop = store.subscribe((st) => {
      if (st.run?.stage === 'running') store.getState().cancel();
    });
    await store.getState().runOnBoard(long);
    stop();
    s = store.getState();
    expect(s.failure?.kind).toBe('cancelled');
    expect(s.failure?.message).toMatch(/^cancelled after \d+ of 6000 steps: the core is idle/);
    expect(s.failure?.retry).toBe(false);
    expect(s.phase).toBe('connected');
    expect(s.run?.stage).toBe('stopped');
    expect(s.run?.steps).toBeLessThan(6000);

    await store.getState().runOnBoard(small);
    s = store.getState();
    expect(s.failure).toBeNull();
    expect(s.run?.done?.verdict.kind).toBe('bit-exact');
  });

  it('refuses a network the core cannot run, and one too large for it, saying what fits', async () => {
    const { service, store } = setup();
    await demoWithCore(store);
    await store.getState().runOnBoard(example('default.json'));
    let s = store.getState();
    expect(s.failure?.kind).toBe('refused-network');
    expect(s.failure?.message).toMatch(/^'Balanced E\/I network' cannot run on the board's core:/);
    expect(s.failure?.message).toMatch(/populations\[1\]: .*exc.*float LIF/);
    expect(s.phase).toBe('connected');
    expect(s.run?.totalSteps).toBe(0);

    const big: NetworkDocument = {
      ...hw,
      populations: hw.populations.map((p) => (p.id === 'input' ? { ...p, size: 3000 } : p)),
    };
    const before = service.demo()!.bytesWritten;
    await store.getState().runOnBoard(big);
    s = store.getState();
    expect(s.failure?.kind).toBe('refused-network');
    expect(s.failure?.message).toBe(
      `'${hw.name}' does not fit the core the board holds:\n` +
        "the network needs NMAX 4096 (3058 neurons); the board's core holds 2048 neurons\n" +
        "the network needs SYNMAX 32768 (24609 synapses); the board's core holds 16384 synapses\n" +
        "the network needs ROWMAX 4096 (3098 synapse rows); the board's core holds 2048 synapse rows (source neurons summed over the projections)",
    );
    // Only the status, the bridge ID and the capacity were read: nothing was loaded.
    expect(service.demo()!.bytesWritten - before).toBeLessThan(4000);
    expect(s.run?.engine).toBeNull();
  });

  it('refuses to run on a board that holds another design, naming its USERCODE', async () => {
    const device = new VirtualUsbDevice({ usercode: 0x12345678 });
    const { store } = setup(() => Promise.resolve(device));
    await store.getState().connectUsb();
    await store.getState().uploadFile('other.bit', testBitstream({ frameWords: 16 }));
    expect(store.getState().status?.done).toBe(true);
    await store.getState().runOnBoard(hw);
    const s = store.getState();
    expect(s.failure?.message).toBe(
      'the FPGA holds another design (USERCODE 0x12345678), not a Spikelab core',
    );
    expect(s.phase).toBe('connected');
  });
});
