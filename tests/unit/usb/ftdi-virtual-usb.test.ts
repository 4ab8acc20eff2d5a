/**
 * The FTDI layer over the virtual board's USB face: open (vendor requests, MPSSE, the 0xAA /
 * 0xAB synchronisation), configuration through real USB framing (status bytes per packet), and
 * the USB faults: unplug mid-upload, a stalled endpoint, a transfer that never completes, then
 * Retry after replug.
 */
import { describe, expect, it } from 'vitest';
import { FtdiMpsse } from '../../../src/usb/ftdi/ftdi-mpsse.ts';
import { JtagSession } from '../../../src/usb/jtag/jtag-session.ts';
import { UsbTransferError } from '../../../src/usb/transport/usb-device.ts';
import { VirtualUsbDevice } from '../../../src/usb/virtual/virtual-usb-device.ts';
import { checkBitstream } from '../../../src/usb/xilinx7/check-bitstream.ts';
import { programBitstream } from '../../../src/usb/xilinx7/program.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';

const bit = checkBitstream(testBitstream({ frameWords: 20_000 }));

async function upload(device: VirtualUsbDevice, timeoutMs = 2000): Promise<FtdiMpsse> {
  const ftdi = await FtdiMpsse.open(device, { tckHz: 30_000_000, timeoutMs });
  await programBitstream(new JtagSession(ftdi), bit, { chunkBytes: 16384 });
  return ftdi;
}

describe('FT2232H over the virtual USB device', () => {
  it('opens in MPSSE mode at the asked TCK and configures the PL', async () => {
    const device = new VirtualUsbDevice();
    const ftdi = await upload(device);
    expect(ftdi.tck).toBe(30_000_000);
    expect(device.board.mpsse.divisor).toBe(0);
    expect(device.board.config.done).toBe(true);
    expect(device.board.config.frameWords).toBe(20_000);
    // MPSSE overhead on the wire for the configuration data: under 1 %.
    expect(ftdi.bytesOut / bit.file.data.length).toBeLessThan(1.01);
    await ftdi.close();
  });

  it('unplugged at half the upload: a disconnect error, and Retry after replug succeeds', async () => {
    const device = new VirtualUsbDevice({}, { unplugAfterBytes: bit.file.data.length / 2 });
    const error = await upload(device).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsbTransferError);
    expect((error as UsbTransferError).kind).toBe('disconnected');
    expect(String(error)).toMatch(/the board was unplugged during sending JTAG data/);
    device.replug();
    const ftdi = await upload(device);
    expect(device.board.config.done).toBe(true);
    await ftdi.close();
  });

  it('a transfer that never completes times out and names it', async () => {
    const device = new VirtualUsbDevice({}, { hangAfterBytes: 40_000 });
    await expect(upload(device, 100)).rejects.toThrow(
      /the board stopped answering during sending JTAG data \(100 ms\)/,
    );
  });

  it('a stalled IN endpoint is reported as a stall', async () => {
    const device = new VirtualUsbDevice({}, { stallIn: true });
    const error = await FtdiMpsse.open(device).catch((e: unknown) => e);
    expect((error as UsbTransferError).kind).toBe('stall');
    expect(String(error)).toMatch(/stalled its IN endpoint/);
  });
});
