/**
 * The virtual board's USB face: an FT2232H as WebUSB sees it (vendor requests, bulk OUT 2,
 * bulk IN 1 with two modem-status bytes at the head of every 512-byte packet, a status-only
 * packet per latency period when idle) over `VirtualBoard`'s MPSSE engine. The host's real
 * FTDI, JTAG and configuration code runs against it unchanged, in Node tests and, injected as
 * `navigator.usb`, in the page. Faults: unplug after a byte count, an IN endpoint that stalls,
 * an OUT transfer that never completes.
 */
import type { UsbDeviceLike } from '../transport/usb-device.ts';
import { PYNQ_Z2_USB } from '../transport/usb-device.ts';
import { VirtualBoard, type VirtualBoardOptions } from './virtual-board.ts';

export interface UsbFaults {
  /** Unplug once this many bytes have been written to the OUT endpoint in all. */
  readonly unplugAfterBytes?: number;
  /** Every IN transfer stalls. */
  readonly stallIn?: boolean;
  /** The OUT transfer that crosses this many bytes never completes. */
  readonly hangAfterBytes?: number;
}

const STATUS = [0x32, 0x60];
const PACKET = 512;

function disconnected(): DOMException {
  return new DOMException('The device was disconnected.', 'NotFoundError');
}

export class VirtualUsbDevice implements UsbDeviceLike {
  readonly vendorId = PYNQ_Z2_USB.vendorId;
  readonly productId = PYNQ_Z2_USB.productId;
  readonly productName = 'TUL (Spikelab virtual board)';
  readonly serialNumber = '1234-tul';
  opened = false;
  configuration: USBConfiguration | null = null;
  board: VirtualBoard;
  /** Bytes the OUT endpoint has taken in all (survives a replug, for the fault counters). */
  bytesWritten = 0;
  unplugged = false;
  private mpsseMode = false;
  private claimed = false;
  private toHost: number[] = [];
  /** Counts plug-ins: a transfer in flight across an unplug fails, as on a real device. */
  private plugEpoch = 0;

  constructor(
    private readonly boardOptions: VirtualBoardOptions = {},
    public faults: UsbFaults = {},
  ) {
    this.board = new VirtualBoard(boardOptions);
  }

  /** Plug the board back in: power-cycled, so unconfigured, and the faults cleared. */
  replug(): void {
    this.plugEpoch += 1;
    this.unplugged = false;
    this.opened = false;
    this.claimed = false;
    this.mpsseMode = false;
    this.toHost = [];
    this.faults = {};
    this.board = new VirtualBoard(this.boardOptions);
  }

  /** For `transferIn` (async); the other methods reject, never throw, as a browser's do. */
  private check(): void {
    if (this.unplugged) throw disconnected();
  }

  open(): Promise<void> {
    if (this.unplugged) return Promise.reject(disconnected());
    this.opened = true;
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (this.unplugged) return Promise.reject(disconnected());
    this.opened = false;
    this.claimed = false;
    return Promise.resolve();
  }

  selectConfiguration(): Promise<void> {
    if (this.unplugged) return Promise.reject(disconnected());
    this.configuration = { configurationValue: 1 } as USBConfiguration;
    return Promise.resolve();
  }

  claimInterface(interfaceNumber: number): Promise<void> {
    if (this.unplugged) return Promise.reject(disconnected());
    if (!this.opened)
      return Promise.reject(
        new DOMException('The device must be opened first.', 'InvalidStateError'),
      );
    this.claimed = interfaceNumber === 0 || this.claimed;
    return Promise.resolve();
  }

  releaseInterface(): Promise<void> {
    if (this.unplugged) return Promise.reject(disconnected());
    this.claimed = false;
    return Promise.resolve();
  }

  clearHalt(): Promise<void> {
    if (this.unplugged) return Promise.reject(disconnected());
    return Promise.resolve();
  }

  controlTransferOut(setup: USBControlTransferParameters): Promise<USBOutTransferResult> {
    if (this.unplugged) return Promise.reject(disconnected());
    if (setup.request === 0x0b) this.mpsseMode = setup.value >>> 8 === 0x02;
    if (setup.request === 0x00 && setup.value === 1) this.toHost = [];
    return Promise.resolve({ bytesWritten: 0, status: 'ok' } as USBOutTransferResult);
  }

  transferOut(endpoint: number, data: BufferSource): Promise<USBOutTransferResult> {
    if (this.unplugged) return Promise.reject(disconnected());
    if (!this.claimed || endpoint !== 2) {
      return Promise.reject(
        new DOMException(
          'The specified endpoint is not part of a claimed and selected alternate interface.',
          'NotFoundError',
        ),
      );
    }
    const bytes =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const { unplugAfterBytes, hangAfterBytes } = this.faults;
    const end = this.bytesWritten + bytes.length;
    if (hangAfterBytes !== undefined && end >= hangAfterBytes) {
      return new Promise<USBOutTransferResult>(() => undefined);
    }
    if (unplugAfterBytes !== undefined && end >= unplugAfterBytes) {
      // The bytes before the cut still reach the chip.
      this.execute(bytes.subarray(0, Math.max(0, unplugAfterBytes - this.bytesWritten)));
      this.bytesWritten = unplugAfterBytes;
      this.unplugged = true;
      return Promise.reject(disconnected());
    }
    this.execute(bytes);
    this.bytesWritten = end;
    return Promise.resolve({ bytesWritten: bytes.length, status: 'ok' } as USBOutTransferResult);
  }

  private execute(bytes: Uint8Array): void {
    if (!this.mpsseMode) return; // outside MPSSE mode the chip's pins just take the bytes
    for (const b of this.board.mpsse.write(bytes)) this.toHost.push(b);
  }

  async transferIn(endpoint: number, length: number): Promise<USBInTransferResult> {
    this.check();
    if (!this.claimed || endpoint !== 1) throw disconnected();
    if (this.faults.stallIn === true) return { status: 'stall' };
    if (this.toHost.length === 0) {
      // An idle chip answers with a status-only packet once per latency period. A read still
      // waiting when the board is unplugged fails, even if it is plugged back in meanwhile (a
      // real replug is a new device): it must not take bytes meant for the next connection.
      const epoch = this.plugEpoch;
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (epoch !== this.plugEpoch) throw disconnected();
      this.check();
    }
    const out: number[] = [];
    for (let packet = 0; packet * PACKET < length; packet += 1) {
      if (packet > 0 && this.toHost.length === 0) break;
      out.push(...STATUS);
      out.push(...this.toHost.splice(0, PACKET - STATUS.length));
    }
    const view = new DataView(Uint8Array.from(out).buffer);
    return { data: view, status: 'ok' };
  }
}
