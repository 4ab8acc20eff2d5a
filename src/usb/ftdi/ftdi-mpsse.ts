/**
 * The FT2232H's channel A as an MPSSE engine over a USB device (HARDWARE.md, "FT2232H in MPSSE
 * mode"): open and claim interface 0, reset, latency, purge, bit mode MPSSE, synchronise on a
 * bad command, set the clock and the JTAG pins; then `exchange` writes command bytes (in
 * transfers of up to 64 KiB) while reading the reply (status bytes stripped per 512-byte
 * packet) until it has exactly the bytes the commands produce. Every transfer is raced against
 * a time-out, and a disconnect is reported at once.
 */
import type { MpsseLink } from '../jtag/jtag-session.ts';
import {
  type UsbDeviceLike,
  UsbTransferError,
  classifyUsbError,
  withTimeout,
} from '../transport/usb-device.ts';
import { clockSetup, divisorFor, MPSSE, setLowByte, tckHz } from './mpsse-commands.ts';
import { HIGH_SPEED_PACKET, ReadBuffer } from './status-bytes.ts';

/** Vendor requests (bmRequestType 0x40, wIndex 1 = channel A). */
const REQUEST = { reset: 0x00, setLatency: 0x09, setBitMode: 0x0b } as const;
const CHANNEL_A = 1;
const ENDPOINT_OUT = 2;
const ENDPOINT_IN = 1;
/** PYNQ-Z2 low byte: TMS high, TCK/TDI/TMS outputs (openFPGALoader's ft2232 cable). */
const LOW_VALUE = 0x08;
const LOW_DIRECTION = 0x0b;
const OUT_CHUNK = 65536;
/** IN requests: multiples of 512 (a short buffer is "babble"). */
const IN_CHUNK = 16 * HIGH_SPEED_PACKET;

export interface FtdiOptions {
  readonly tckHz?: number;
  readonly timeoutMs?: number;
}

export class FtdiMpsse implements MpsseLink {
  /** Bytes written to the OUT endpoint and transfers made, for the bench. */
  bytesOut = 0;
  transfers = 0;
  readonly tck: number;
  private readonly buffer = new ReadBuffer();
  private closed = false;

  private constructor(
    private readonly device: UsbDeviceLike,
    private readonly timeoutMs: number,
    divisor: number,
  ) {
    this.tck = tckHz(divisor);
  }

  /**
   * Open the device and put channel A into MPSSE mode for JTAG.
   *
   * @throws UsbTransferError: `access-denied`, `busy` (ftdi_sio or Vivado holds interface 0),
   *   `disconnected`, `timeout`, or `other` when the chip does not answer the sync command.
   */
  static async open(device: UsbDeviceLike, options: FtdiOptions = {}): Promise<FtdiMpsse> {
    const divisor = divisorFor(options.tckHz ?? 15_000_000);
    const ftdi = new FtdiMpsse(device, options.timeoutMs ?? 2000, divisor);
    try {
      if (!device.opened) await ftdi.timed(device.open(), 'opening the device');
      if (device.configuration === null) {
        await ftdi.timed(device.selectConfiguration(1), 'selecting its configuration');
      }
      await ftdi.timed(device.claimInterface(0), 'claiming interface 0 (JTAG)');
      await ftdi.control(REQUEST.reset, 0, 'resetting the FT2232H');
      await ftdi.control(REQUEST.setLatency, 2, 'setting the latency timer');
      await ftdi.control(REQUEST.reset, 1, 'purging its receive buffer');
      await ftdi.control(REQUEST.reset, 2, 'purging its transmit buffer');
      await ftdi.control(REQUEST.setBitMode, 0x0000, 'resetting the bit mode');
      await ftdi.control(REQUEST.setBitMode, 0x0200 | LOW_DIRECTION, 'entering MPSSE mode');
      // A bad command (0xAA, then 0xAB) must come back as 0xFA and the byte.
      for (const bogus of [MPSSE.bogus, 0xab]) {
        const reply = await ftdi.exchangeRaw(new Uint8Array([bogus]), 2);
        if (reply[0] !== 0xfa || reply[1] !== bogus) {
          throw new UsbTransferError(
            'other',
            `the FT2232H did not synchronise in MPSSE mode (sent 0x${bogus.toString(16)}, got ${Array.from(reply, (b) => b.toString(16)).join(' ')})`,
          );
        }
      }
      const setup = [
        MPSSE.loopbackOff,
        ...clockSetup(divisor),
        ...setLowByte(LOW_VALUE, LOW_DIRECTION),
      ];
      await ftdi.exchangeRaw(Uint8Array.from(setup), 0);
      return ftdi;
    } catch (error) {
      await ftdi.close();
      throw error instanceof UsbTransferError
        ? error
        : classifyUsbError(error, 'opening the board');
    }
  }

  exchange(commands: Uint8Array, replyBytes: number): Promise<Uint8Array> {
    return this.exchangeRaw(commands, replyBytes);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.device.releaseInterface(0);
    } catch {
      // Already gone (unplugged): nothing to release.
    }
    try {
      await this.device.close();
    } catch {
      // Closing a device that was unplugged fails; the handle is dead either way.
    }
  }

  private timed<T>(promise: Promise<T>, during: string): Promise<T> {
    return withTimeout(promise, this.timeoutMs, during, () => void this.close());
  }

  private async control(request: number, value: number, during: string): Promise<void> {
    const result = await this.timed(
      this.device.controlTransferOut({
        requestType: 'vendor',
        recipient: 'device',
        request,
        value,
        index: CHANNEL_A,
      }),
      during,
    );
    if (result.status !== 'ok') {
      throw new UsbTransferError('stall', `the FT2232H refused a request while ${during}`);
    }
  }

  private async exchangeRaw(commands: Uint8Array, replyBytes: number): Promise<Uint8Array> {
    if (this.closed) throw new UsbTransferError('disconnected', 'the board connection is closed');
    // Reads run beside the writes: the chip's reply buffer is small, and a batch that reads a
    // lot would otherwise stall its own OUT transfer.
    const reading = this.readExactly(replyBytes);
    // Awaited below; if a write fails first, its rejection must not go unhandled.
    reading.catch(() => undefined);
    for (let at = 0; at < commands.length; at += OUT_CHUNK) {
      const piece = commands.slice(at, at + OUT_CHUNK);
      const result = await this.timed(
        this.device.transferOut(ENDPOINT_OUT, piece),
        'sending JTAG data',
      );
      this.transfers += 1;
      if (result.status !== 'ok' || result.bytesWritten !== piece.length) {
        throw new UsbTransferError(
          'stall',
          `the FT2232H stalled after ${this.bytesOut + result.bytesWritten} bytes (${result.status})`,
        );
      }
      this.bytesOut += piece.length;
    }
    return await reading;
  }

  private async readExactly(n: number): Promise<Uint8Array> {
    while (this.buffer.available < n) {
      const result = await this.timed(
        this.device.transferIn(ENDPOINT_IN, IN_CHUNK),
        'reading JTAG data',
      );
      this.transfers += 1;
      if (result.status === 'stall') {
        await this.device.clearHalt('in', ENDPOINT_IN).catch(() => undefined);
        throw new UsbTransferError('stall', 'the FT2232H stalled its IN endpoint');
      }
      if (result.data !== undefined) {
        const view = result.data;
        this.buffer.pushTransfer(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
      }
    }
    return this.buffer.take(n);
  }
}
