/**
 * The virtual `navigator.usb`: Chromium's answers to `requestDevice` (filters required, a
 * productId needs a vendorId, NotFoundError when nothing matches or the chooser is closed, a
 * user gesture needed where activation is tracked), `getDevices` giving permitted plugged
 * boards, `connect` / `disconnect` for permitted boards only (listeners and `on…`), a
 * replugged board as a new, unconfigured device; and the page's and the worker's instances
 * linked over a BroadcastChannel.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PYNQ_Z2_USB } from '../../../src/usb/transport/usb-device.ts';
import { installVirtualWebUsb, VirtualWebUsb } from '../../../src/usb/virtual/virtual-webusb.ts';

const filters = [{ ...PYNQ_Z2_USB }];
const errorName = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof Error ? error.name : String(error)),
  );

/** Every `connect`/`disconnect` event, seen both ways (listener and attribute). */
function recordEvents(usb: VirtualWebUsb): string[] {
  const seen: string[] = [];
  const record = (how: string) => (event: Event) =>
    seen.push(
      `${how}:${event.type}:${(event as Event & { device?: { serialNumber: string } }).device?.serialNumber}`,
    );
  usb.addEventListener('connect', record('listener'));
  usb.addEventListener('disconnect', record('listener'));
  usb.onconnect = record('on');
  usb.ondisconnect = record('on');
  return seen;
}

const opened: VirtualWebUsb[] = [];
const make = (...args: ConstructorParameters<typeof VirtualWebUsb>): VirtualWebUsb => {
  const usb = new VirtualWebUsb(...args);
  opened.push(usb);
  return usb;
};

afterEach(() => {
  for (const usb of opened.splice(0)) usb.close();
  vi.unstubAllGlobals();
});

describe('virtual WebUSB', () => {
  it('answers requestDevice as Chromium does, and grants permission to the chosen board', async () => {
    const usb = make();
    expect(await usb.getDevices()).toEqual([]);
    await expect(usb.requestDevice()).rejects.toThrow(/'filters' property.*Required member/);
    await expect(usb.requestDevice({ filters: [{ productId: 0x6010 }] })).rejects.toThrow(
      'A filter containing a productId must also contain a vendorId.',
    );
    expect(await errorName(usb.requestDevice({ filters: [{ vendorId: 0x1234 }] }))).toBe(
      'NotFoundError',
    );
    expect(
      await errorName(usb.requestDevice({ filters: [{ ...PYNQ_Z2_USB, classCode: 3 }] })),
    ).toBe('NotFoundError');
    const device = await usb.requestDevice({ filters });
    expect(device).toBe(usb.device());
    expect([device.vendorId, device.productId]).toEqual([0x0403, 0x6010]);
    expect(await usb.getDevices()).toEqual([device]);
    // An empty filter list matches every board.
    expect(await usb.requestDevice({ filters: [] })).toBe(device);
  });

  it('rejects with NotFoundError when the person closes the chooser, and outside a gesture', async () => {
    const closed = make({ choose: () => null });
    expect(await errorName(closed.requestDevice({ filters }))).toBe('NotFoundError');
    expect(await closed.getDevices()).toEqual([]);

    const usb = make();
    vi.stubGlobal('navigator', { userActivation: { isActive: false } });
    await expect(usb.requestDevice({ filters })).rejects.toThrow('Must be handling a user gesture');
    vi.stubGlobal('navigator', { userActivation: { isActive: true } });
    expect(await usb.requestDevice({ filters })).toBe(usb.device());
  });

  it('unplug fires disconnect and kills the device; replug fires connect with a new, unconfigured one', async () => {
    const usb = make();
    const seen = recordEvents(usb);
    usb.unplug();
    usb.replug();
    // Not permitted yet: no events.
    expect(seen).toEqual([]);

    const device = await usb.requestDevice({ filters });
    await device.open();
    usb.unplug();
    expect(seen).toEqual(['listener:disconnect:1234-tul', 'on:disconnect:1234-tul']);
    expect(await errorName(device.transferIn(1, 64))).toBe('NotFoundError');
    expect(await usb.getDevices()).toEqual([]);
    expect(await errorName(usb.requestDevice({ filters }))).toBe('NotFoundError');
    usb.unplug(); // already unplugged: nothing more
    expect(seen).toHaveLength(2);

    usb.replug();
    expect(seen.slice(2)).toEqual(['listener:connect:1234-tul', 'on:connect:1234-tul']);
    const back = usb.device();
    expect(back).not.toBe(device);
    expect(back.opened).toBe(false);
    expect(back.board.config.done).toBe(false);
    // The permission outlives the replug (the board has a serial number); the old object stays dead.
    expect(await usb.getDevices()).toEqual([back]);
    // (VirtualUsbDevice throws synchronously where a browser's device rejects.)
    expect(await errorName(Promise.resolve().then(() => device.open()))).toBe('NotFoundError');
    expect(() => usb.unplug(1)).toThrow('virtual WebUSB has 1 board(s), not a board 1');
  });

  it('installs as navigator.usb, shadowing the browser one', () => {
    const usb = make();
    const nav: { usb?: unknown } = { usb: 'the browser one' };
    installVirtualWebUsb(nav, usb);
    expect(nav.usb).toBe(usb);
  });
});

describe('virtual WebUSB linked across realms', () => {
  const link = (role: 'hub' | 'follower', channel: string, timeoutMs?: number) =>
    make({ link: { channel, role, ...(timeoutMs !== undefined ? { timeoutMs } : {}) } });

  it("the worker's instance sees the page's permission at once and mirrors unplug and replug", async () => {
    const page = link('hub', 'test-link-1');
    const worker = link('follower', 'test-link-1');
    const seen = recordEvents(worker);
    expect(await worker.getDevices()).toEqual([]);
    await page.requestDevice({ filters });
    // Asked right after the grant, as the board worker does after the page's click.
    const [device] = await worker.getDevices();
    expect(device).toBe(worker.device());
    expect(device).not.toBe(page.device());
    expect(device?.serialNumber).toBe(page.device().serialNumber);

    page.unplug();
    await vi.waitFor(() =>
      expect(seen).toEqual(['listener:disconnect:1234-tul', 'on:disconnect:1234-tul']),
    );
    expect(device?.unplugged).toBe(true);
    expect(await worker.getDevices()).toEqual([]);
    page.replug();
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    expect(seen.slice(2)).toEqual(['listener:connect:1234-tul', 'on:connect:1234-tul']);
    const [back] = await worker.getDevices();
    expect(back).toBe(worker.device());
    expect(back).not.toBe(device);

    await expect(worker.requestDevice({ filters })).rejects.toThrow('not available here');
    expect(() => worker.unplug()).toThrow("from the page's virtual WebUSB");
  });

  it('a worker instance with no page instance says so', async () => {
    const worker = link('follower', 'test-link-alone', 50);
    await expect(worker.getDevices()).rejects.toThrow(
      "the page's virtual WebUSB did not answer within 50 ms: install it in the page as well",
    );
  });
});
