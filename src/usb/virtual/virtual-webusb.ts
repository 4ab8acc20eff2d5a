/**
 * A virtual `navigator.usb` over virtual boards (default: one `spikelabDemoDevice`), so the
 * page's real WebUSB path (`requestDevice` on a click, `getDevices` in the board worker, the
 * `connect` and `disconnect` events) runs in Playwright without a board. It behaves as Chromium
 * does: `requestDevice` needs `filters` and a user gesture, and rejects with NotFoundError when
 * no plugged board matches or the person closes the chooser; `getDevices` gives the permitted,
 * plugged boards; events fire only for permitted boards; a replugged board is a new USBDevice
 * (the old one stays dead), unconfigured, and keeps its permission (it has a serial number).
 *
 * The page and its worker are separate realms, each with its own `navigator.usb`, while the
 * browser keeps one permission and plug state for both. `link` stands in for that: the page's
 * instance (`hub`) owns the state and announces every change on a BroadcastChannel; the
 * worker's (`follower`) asks the hub on every `getDevices` (so a permission granted a moment
 * ago is seen) and mirrors announced unplugs and replugs on its own devices, which carry the
 * transfers.
 */
import { spikelabDemoDevice } from './spikelab-board.ts';
import type { VirtualUsbDevice } from './virtual-usb-device.ts';

export interface VirtualWebUsbLink {
  /** The BroadcastChannel's name (the same in both realms). */
  readonly channel: string;
  readonly role: 'hub' | 'follower';
  /** How long a follower waits for the hub's answer (default 2000 ms). */
  readonly timeoutMs?: number;
}

export interface VirtualWebUsbOptions {
  /** One maker per board; each replug makes a new device. Default: one demo board. */
  readonly boards?: readonly (() => VirtualUsbDevice)[];
  /** The chooser: what the person picks among the matching plugged boards; null closes it. */
  readonly choose?: (matching: readonly VirtualUsbDevice[]) => VirtualUsbDevice | null;
  readonly link?: VirtualWebUsbLink;
}

interface Board {
  readonly make: () => VirtualUsbDevice;
  device: VirtualUsbDevice;
  plugged: boolean;
  permitted: boolean;
}

type LinkState = { plugged: boolean; permitted: boolean }[];
type LinkMessage = { ask: number } | { state: LinkState; answer: number | null };

/** The FT2232H's interfaces are vendor-specific (class, subclass and protocol 0xFF). */
const FTDI_INTERFACE_CLASS = 0xff;

function matches(device: VirtualUsbDevice, filter: USBDeviceFilter): boolean {
  if (filter.vendorId !== undefined && filter.vendorId !== device.vendorId) return false;
  if (filter.productId !== undefined && filter.productId !== device.productId) return false;
  if (filter.serialNumber !== undefined && filter.serialNumber !== device.serialNumber) {
    return false;
  }
  for (const code of [filter.classCode, filter.subclassCode, filter.protocolCode]) {
    if (code !== undefined && code !== FTDI_INTERFACE_CLASS) return false;
  }
  return true;
}

/** Chromium's checks of the request (TypeError) and of the user gesture (SecurityError). */
function checkRequest(options: USBDeviceRequestOptions | undefined): void {
  if (options?.filters === undefined) {
    throw new TypeError(
      "Failed to execute 'requestDevice' on 'USB': Failed to read the 'filters' property from 'USBDeviceRequestOptions': Required member is undefined.",
    );
  }
  for (const filter of options.filters) {
    if (filter.productId !== undefined && filter.vendorId === undefined) {
      throw new TypeError(
        "Failed to execute 'requestDevice' on 'USB': A filter containing a productId must also contain a vendorId.",
      );
    }
  }
  // Where the environment tracks activation (a browser), a request outside a gesture fails.
  const activation = (globalThis as { navigator?: { userActivation?: { isActive: boolean } } })
    .navigator?.userActivation;
  if (activation !== undefined && !activation.isActive) {
    throw new DOMException(
      "Failed to execute 'requestDevice' on 'USB': Must be handling a user gesture to show a permission request.",
      'SecurityError',
    );
  }
}

export class VirtualWebUsb extends EventTarget {
  onconnect: ((event: Event) => void) | null = null;
  ondisconnect: ((event: Event) => void) | null = null;
  private readonly boards: Board[];
  private readonly choose: (matching: readonly VirtualUsbDevice[]) => VirtualUsbDevice | null;
  private readonly role: 'hub' | 'follower';
  private readonly channel: BroadcastChannel | null;
  private readonly timeoutMs: number;
  private nextAsk = 1;
  private readonly asks = new Map<number, () => void>();

  constructor(options: VirtualWebUsbOptions = {}) {
    super();
    const makers = options.boards ?? [() => spikelabDemoDevice()];
    this.boards = makers.map((make) => ({ make, device: make(), plugged: true, permitted: false }));
    this.choose = options.choose ?? ((matching) => matching[0] ?? null);
    this.role = options.link?.role ?? 'hub';
    this.timeoutMs = options.link?.timeoutMs ?? 2000;
    this.channel = options.link ? new BroadcastChannel(options.link.channel) : null;
    this.channel?.addEventListener('message', (event: MessageEvent<LinkMessage>) => {
      this.receive(event.data);
    });
  }

  /** The board's current device (a new one after each replug). */
  device(index = 0): VirtualUsbDevice {
    return this.board(index).device;
  }

  requestDevice(options?: USBDeviceRequestOptions): Promise<VirtualUsbDevice> {
    // Every failure is a rejection, as in the browser.
    return Promise.resolve().then(() => this.grant(options));
  }

  private grant(options: USBDeviceRequestOptions | undefined): VirtualUsbDevice {
    if (this.role === 'follower') {
      // Chromium exposes requestDevice only on a window's navigator.
      throw new TypeError('navigator.usb.requestDevice is not available here');
    }
    checkRequest(options);
    const filters = options?.filters ?? [];
    const matching = this.boards
      .filter((b) => b.plugged)
      .map((b) => b.device)
      .filter((d) => filters.length === 0 || filters.some((f) => matches(d, f)));
    const chosen = this.choose(matching);
    const board = this.boards.find((b) => b.device === chosen);
    if (board === undefined) throw new DOMException('No device selected.', 'NotFoundError');
    if (!board.permitted) {
      board.permitted = true;
      this.announce(null);
    }
    return board.device;
  }

  async getDevices(): Promise<VirtualUsbDevice[]> {
    if (this.role === 'follower') await this.askHub();
    return this.boards.filter((b) => b.permitted && b.plugged).map((b) => b.device);
  }

  /** Pulls the board's cable: transfers fail from now on, and `disconnect` fires. */
  unplug(index = 0): void {
    this.hubOnly('unplug');
    const board = this.board(index);
    if (!board.plugged) return;
    this.setPlugged(board, false);
    this.announce(null);
  }

  /** Plugs the board back in: a new, unconfigured device, and `connect` fires. */
  replug(index = 0): void {
    this.hubOnly('replug');
    const board = this.board(index);
    if (board.plugged) return;
    this.setPlugged(board, true);
    this.announce(null);
  }

  /** Closes the link's channel (a test's clean-up). */
  close(): void {
    this.channel?.close();
  }

  private board(index: number): Board {
    const board = this.boards[index];
    if (board === undefined) {
      throw new RangeError(
        `virtual WebUSB has ${this.boards.length} board(s), not a board ${index}`,
      );
    }
    return board;
  }

  private hubOnly(what: string): void {
    if (this.role === 'follower') {
      throw new Error(`${what} the board from the page's virtual WebUSB (the hub), not a worker's`);
    }
  }

  private setPlugged(board: Board, plugged: boolean): void {
    board.plugged = plugged;
    if (plugged) board.device = board.make();
    else board.device.unplugged = true;
    if (board.permitted) this.fire(plugged ? 'connect' : 'disconnect', board.device);
  }

  private fire(type: 'connect' | 'disconnect', device: VirtualUsbDevice): void {
    const event = Object.assign(new Event(type), { device });
    this.dispatchEvent(event);
    (type === 'connect' ? this.onconnect : this.ondisconnect)?.call(this, event);
  }

  private announce(answer: number | null): void {
    if (this.role !== 'hub' || this.channel === null) return;
    const state: LinkState = this.boards.map((b) => ({
      plugged: b.plugged,
      permitted: b.permitted,
    }));
    this.channel.postMessage({ state, answer } satisfies LinkMessage);
  }

  private receive(message: LinkMessage): void {
    if ('ask' in message) {
      if (this.role === 'hub') this.announce(message.ask);
      return;
    }
    if (this.role !== 'follower') return;
    message.state.forEach((s, i) => {
      const board = this.boards[i];
      if (board === undefined) return;
      board.permitted = s.permitted;
      if (board.plugged !== s.plugged) this.setPlugged(board, s.plugged);
    });
    if (message.answer !== null) this.asks.get(message.answer)?.();
  }

  private askHub(): Promise<void> {
    const id = this.nextAsk++;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.asks.delete(id);
        reject(
          new Error(
            `the page's virtual WebUSB did not answer within ${this.timeoutMs} ms: install it in the page as well`,
          ),
        );
      }, this.timeoutMs);
      this.asks.set(id, () => {
        clearTimeout(timer);
        this.asks.delete(id);
        resolve();
      });
      this.channel?.postMessage({ ask: id } satisfies LinkMessage);
    });
  }
}

/** Installs `usb` as `target.usb` (a window's or a worker's `navigator`), shadowing WebUSB. */
export function installVirtualWebUsb(target: object, usb: VirtualWebUsb): void {
  Object.defineProperty(target, 'usb', { value: usb, configurable: true });
}
