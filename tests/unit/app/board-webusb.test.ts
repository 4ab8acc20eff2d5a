/**
 * The real WebUSB path of the Board section in Node: the store's Connect board asks the
 * chooser (`VirtualWebUsb.requestDevice`), the service finds the permitted board with
 * `getDevices` and hears WebUSB's `disconnect` and `connect` (`usbEvents`). An unplug while idle
 * is shown at once, with no transfer and no click; the network, the status and the last run
 * stay; a replug is noticed; Retry opens the new device and uploads again. An unplug during an
 * upload is reported by the upload's own failure, once.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBoardService,
  type UsbEventSource,
} from '../../../src/app/hardware/board/board-service.ts';
import { createBoardStore } from '../../../src/app/hardware/board/board-store.ts';
import type { BoardEvent } from '../../../src/app/hardware/board/board-protocol.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson } from '../../../src/model/validate.ts';
import { SPIKELAB_USERCODE } from '../../../src/usb/board/usercode.ts';
import { PYNQ_Z2_USB } from '../../../src/usb/transport/usb-device.ts';
import { VirtualWebUsb } from '../../../src/usb/virtual/virtual-webusb.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';

const bit = testBitstream({ frameWords: 4096, userId: SPIKELAB_USERCODE });

function small(): NetworkDocument {
  const url = new URL('../../../public/examples/fixed-point-hw.json', import.meta.url);
  const result = parseDocumentJson(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error('fixed-point-hw.json is invalid');
  const hw = result.document;
  // A quarter of the neurons (the cue's 8 kept): few words to load.
  return {
    ...hw,
    populations: hw.populations.map((p) =>
      p.id === 'cue' ? p : { ...p, size: Math.ceil(p.size / 4) },
    ),
  };
}

let usb: VirtualWebUsb;
afterEach(() => usb.close());

/** The store and the service in-process; WebUSB's events from `navigator.usb` unless given. */
function setup(usbEvents?: UsbEventSource) {
  usb = new VirtualWebUsb();
  const service = createBoardService({
    findUsbDevice: async () => (await usb.getDevices())[0] ?? null,
    usbEvents: usbEvents ?? usb,
    testFrameWords: 512,
  });
  const events: BoardEvent[] = [];
  service.listen((event) => events.push(event));
  const store = createBoardStore({
    client: () => service,
    usb: {
      availability: () => ({ ok: true }),
      requestDevice: async () => {
        await usb.requestDevice({ filters: [{ ...PYNQ_Z2_USB }] });
      },
    },
    os: 'linux',
  });
  return { store, events };
}

describe('Board section over WebUSB (the virtual navigator.usb)', () => {
  it('shows an idle unplug at once, keeps the run and the status, notices the replug, and Retry uploads again', async () => {
    const { store, events } = setup();
    await store.getState().connectUsb();
    expect(store.getState().source).toBe('usb');
    expect(store.getState().phase).toBe('connected');
    await store.getState().uploadFile('core.bit', bit);
    expect(store.getState().status?.identity.kind).toBe('spikelab');
    await store.getState().runOnBoard(small());
    const run = store.getState().run;
    expect(run?.stage).toBe('done');
    expect(run?.done?.verdict.kind).toBe('bit-exact');
    const status = store.getState().status;

    usb.unplug();
    // Synchronously: WebUSB's event reaches the store with no transfer and no click.
    let s = store.getState();
    expect(events).toEqual([
      {
        kind: 'unplugged',
        message: 'the board was unplugged: the network and the last run are kept',
      },
    ]);
    expect(s.phase).toBe('unplugged');
    expect(s.failure).toMatchObject({
      kind: 'disconnected',
      message: 'the board was unplugged: the network and the last run are kept',
      retry: true,
      rerun: false,
      replugged: false,
    });
    expect(s.run).toBe(run);
    expect(s.status).toBe(status);

    // Retry before the replug: the board is not there.
    await store.getState().retry();
    s = store.getState();
    expect(s.phase).toBe('unplugged');
    expect(s.failure?.message).toBe('the board is still unplugged: plug it in and retry');

    usb.replug();
    expect(events.at(-1)).toEqual({ kind: 'replugged' });
    expect(store.getState().failure?.replugged).toBe(true);

    await store.getState().retry();
    s = store.getState();
    expect(s.failure).toBeNull();
    expect(s.phase).toBe('connected');
    expect(s.uploaded?.name).toBe('core.bit');
    expect(s.status?.identity.kind).toBe('spikelab');
    // The new device was opened and configured: the old one is dead.
    expect(usb.device().board.config.done).toBe(true);
  });

  it('an unplug during an upload is the upload failure, said once; the replug then enables Retry', async () => {
    const { store, events } = setup();
    await store.getState().connectUsb();
    let pulled = false;
    store.subscribe((s) => {
      if (!pulled && s.phase === 'uploading' && (s.upload?.progress.sentBytes ?? 0) > 0) {
        pulled = true;
        usb.unplug();
      }
    });
    await store.getState().uploadFile('core.bit', bit);
    expect(pulled).toBe(true);
    const s = store.getState();
    expect(s.phase).toBe('unplugged');
    expect(s.failure?.kind).toBe('disconnected');
    expect(s.failure?.message).toMatch(/^the board was unplugged during (the upload|.*)$/);
    expect(events).toEqual([]);
    usb.replug();
    expect(store.getState().failure?.replugged).toBe(true);
    await store.getState().retry();
    expect(store.getState().phase).toBe('connected');
    expect(store.getState().status?.done).toBe(true);
  });

  it('events of a board other than the open one change nothing (the demo board is open)', async () => {
    const { store, events } = setup();
    await usb.requestDevice({ filters: [{ ...PYNQ_Z2_USB }] });
    await store.getState().connectDemo();
    usb.unplug();
    usb.replug();
    expect(events).toEqual([]);
    expect(store.getState().phase).toBe('connected');
    expect(store.getState().failure).toBeNull();
  });

  it('a disconnect heard while a command finishes its last transfers ends it as an unplug', async () => {
    // The event can come before the device's transfers fail: here the device keeps working.
    const events = new EventTarget();
    const { store: raced } = setup(events);
    await raced.getState().connectUsb();
    let told = false;
    raced.subscribe((s) => {
      if (!told && s.upload?.progress.phase === 'sending') {
        told = true;
        events.dispatchEvent(Object.assign(new Event('disconnect'), { device: usb.device() }));
      }
    });
    await raced.getState().uploadFile('core.bit', bit);
    expect(usb.device().board.config.done).toBe(true);
    expect(raced.getState().phase).toBe('unplugged');
    expect(raced.getState().failure?.message).toBe('the board was unplugged during the upload');
  });
});
