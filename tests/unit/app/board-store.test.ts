/**
 * The Board section's store driven with the board service in-process: the demo board (the
 * virtual FT2232H and FPGA running the real host code), its status, an upload's progress, the
 * demo faults (unplug at 50% then Retry, a stalled endpoint, DONE never rising), cancel, a
 * refused .bit, and the WebUSB chooser's outcomes.
 */
import { describe, expect, it } from 'vitest';
import {
  createBoardService,
  type BoardServiceDeps,
} from '../../../src/app/hardware/board/board-service.ts';
import { createBoardStore, type UsbChooser } from '../../../src/app/hardware/board/board-store.ts';
import { LINUX_UDEV_RULE } from '../../../src/usb/board/os-help.ts';
import type { UsbDeviceLike } from '../../../src/usb/transport/usb-device.ts';
import { VirtualUsbDevice } from '../../../src/usb/virtual/virtual-usb-device.ts';
import type { ProgramProgress } from '../../../src/usb/xilinx7/program.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';

/** 64 KiB of frame data: four 16 KiB batches, so 50% falls inside the upload. */
const FRAME_WORDS = 16384;
const DATA_BYTES_MIN = FRAME_WORDS * 4;

const chooser = (over: Partial<UsbChooser> = {}): UsbChooser => ({
  availability: () => ({ ok: true }),
  requestDevice: () => Promise.resolve(),
  ...over,
});

function setup(deps: Partial<BoardServiceDeps> = {}, usb: UsbChooser = chooser()) {
  const service = createBoardService({
    findUsbDevice: () => Promise.resolve(null),
    testFrameWords: FRAME_WORDS,
    ...deps,
  });
  const progress: ProgramProgress[] = [];
  const store = createBoardStore({ client: () => service, usb, os: 'linux' });
  store.subscribe((s) => {
    const p = s.upload?.progress;
    if (p !== undefined && p !== progress.at(-1)) progress.push(p);
  });
  return { service, store, progress };
}

describe('board store with the demo board', () => {
  it('connects, uploads the test bitstream with progress to 100%, and reads the Spikelab USERCODE', async () => {
    const { store, progress } = setup();
    await store.getState().connectDemo();
    let s = store.getState();
    expect(s.phase).toBe('connected');
    expect(s.source).toBe('demo');
    expect(s.status?.chain.map((d) => d.name)).toEqual(['Zynq-7020 PL', 'ARM DAP (Zynq PS)']);
    expect(s.status?.done).toBe(false);
    expect(s.status?.identity).toEqual({ kind: 'unconfigured' });

    await store.getState().uploadTest();
    s = store.getState();
    expect(s.failure).toBeNull();
    expect(s.upload).toBeNull();
    expect(s.status?.done).toBe(true);
    expect(s.status?.identity.kind).toBe('spikelab');
    expect(s.uploaded?.bytes).toBeGreaterThan(DATA_BYTES_MIN);
    const sending = progress.filter((p) => p.phase === 'sending').map((p) => p.sentBytes);
    expect(sending).toEqual([16384, 32768, 49152, 65536, s.uploaded?.bytes]);
    const phases = progress.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['clearing', 'sending', 'starting', 'checking']);
  });

  it('an unplug at 50% keeps the status and offers Retry, which replugs and uploads again', async () => {
    const { service, store, progress } = setup();
    await store.getState().connectDemo();
    await store.getState().arm('unplug-half');
    expect(store.getState().armed).toEqual(['unplug-half']);
    await store.getState().uploadTest();
    let s = store.getState();
    expect(s.phase).toBe('unplugged');
    expect(s.failure?.kind).toBe('disconnected');
    expect(s.failure?.message).toMatch(/unplugged/);
    expect(s.failure?.retry).toBe(true);
    expect(s.status).not.toBeNull();
    expect(s.armed).toEqual([]);
    const total = Math.max(...progress.map((p) => p.totalBytes));
    const reached = Math.max(...progress.map((p) => p.sentBytes));
    // The cut is at half the data: the batches before it were reported, the one across it not.
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(total / 2);
    expect(service.demo()?.unplugged).toBe(true);

    progress.length = 0;
    await store.getState().retry();
    s = store.getState();
    expect(s.failure).toBeNull();
    expect(s.phase).toBe('connected');
    expect(s.status?.identity.kind).toBe('spikelab');
    expect(progress.filter((p) => p.phase === 'sending').at(-1)?.sentBytes).toBe(total);
  });

  it('cancel stops the upload between batches and leaves the FPGA cleared', async () => {
    const { store } = setup();
    await store.getState().connectDemo();
    await store.getState().uploadTest();
    expect(store.getState().status?.done).toBe(true);
    const stop = store.subscribe((s) => {
      if (s.upload?.progress.phase === 'sending') store.getState().cancel();
    });
    await store.getState().uploadTest();
    stop();
    const s = store.getState();
    expect(s.failure?.kind).toBe('cancelled');
    expect(s.failure?.message).toMatch(/cancelled; the FPGA is left cleared/);
    expect(s.phase).toBe('connected');
    expect(s.status?.done).toBe(false);
    expect(s.uploaded).toBeNull();
  });

  it('a stalled IN endpoint and DONE never rising are explained', async () => {
    const { store } = setup();
    await store.getState().connectDemo();
    await store.getState().arm('stall');
    await store.getState().uploadTest();
    expect(store.getState().failure?.kind).toBe('stall');
    expect(store.getState().failure?.message).toMatch(/stalled/);
    expect(store.getState().failure?.retry).toBe(false);

    await store.getState().disconnect();
    expect(store.getState().phase).toBe('idle');
    await store.getState().connectDemo();
    await store.getState().arm('done-never');
    expect(store.getState().armed).toEqual(['done-never']);
    await store.getState().uploadTest();
    const failure = store.getState().failure;
    expect(failure?.kind).toBe('configuration');
    expect(failure?.message).toMatch(/DONE/);
  });

  it('refuses a .bit for another part before sending anything, naming the file', async () => {
    const { service, store } = setup();
    await store.getState().connectDemo();
    const before = service.demo()?.bytesWritten;
    await store
      .getState()
      .uploadFile('arty.bit', testBitstream({ part: '7a35tcsg324', frameWords: 16 }));
    const s = store.getState();
    expect(s.failure?.kind).toBe('refused-file');
    expect(s.failure?.message).toMatch(/^arty\.bit was refused: .*7a35t/);
    expect(s.phase).toBe('connected');
    expect(service.demo()?.bytesWritten).toBe(before);
  });
});

describe('board store with a real board', () => {
  it('is quiet when the chooser is closed, and says why when WebUSB is missing', async () => {
    const cancelled = new DOMException('No device selected.', 'NotFoundError');
    const { store } = setup({}, chooser({ requestDevice: () => Promise.reject(cancelled) }));
    await store.getState().connectUsb();
    expect(store.getState().failure).toBeNull();
    expect(store.getState().phase).toBe('idle');

    const missing = setup(
      {},
      chooser({ availability: () => ({ ok: false, reason: 'This browser has no WebUSB' }) }),
    ).store;
    await missing.getState().connectUsb();
    expect(missing.getState().failure?.kind).toBe('unavailable');
    expect(missing.getState().failure?.message).toBe('This browser has no WebUSB');
  });

  it('an interface held by ftdi_sio shows the udev rule', async () => {
    class Held extends VirtualUsbDevice {
      override claimInterface(): Promise<void> {
        return Promise.reject(new DOMException('Unable to claim interface.', 'NetworkError'));
      }
    }
    const held: UsbDeviceLike = new Held();
    const { store } = setup({ findUsbDevice: () => Promise.resolve(held) });
    await store.getState().connectUsb();
    const s = store.getState();
    expect(s.failure?.kind).toBe('busy');
    expect(s.failure?.help).toContain(LINUX_UDEV_RULE);
    expect(s.phase).toBe('idle');
    expect(s.source).toBeNull();
  });

  it('a real board is connected through the device the worker finds', async () => {
    const device = new VirtualUsbDevice();
    const { store } = setup({ findUsbDevice: () => Promise.resolve(device) });
    await store.getState().connectUsb();
    expect(store.getState().source).toBe('usb');
    expect(store.getState().status?.product).toBe(device.productName);
    await store.getState().uploadTest();
    expect(store.getState().failure?.message).toMatch(/demo board only/);
  });
});
