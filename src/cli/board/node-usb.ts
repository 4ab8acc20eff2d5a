/**
 * The board as Node sees it: the `usb` package's WebUSB (loaded only when a real board is asked
 * for), or the virtual board with `--virtual`. A missing device or package is a `CliError`
 * that says what to do.
 */
import { CliError, EXIT } from '../cli-error.ts';
import { PYNQ_Z2_USB, type UsbDeviceLike } from '../../usb/transport/usb-device.ts';
import type { CoreCapacity } from '../../hdl/core-capacity.ts';
import { DEMO_BOARD_CAPACITY, spikelabDemoDevice } from '../../usb/virtual/spikelab-board.ts';
import type { VirtualUsbDevice } from '../../usb/virtual/virtual-usb-device.ts';
import type { WebUSB as WebUSBClass } from 'usb';

/**
 * The virtual board: a PYNQ-Z2 whose design, once uploaded, is a Spikelab core of the board
 * build's capacity (the page's demo board: Loihi, learning and SC layers in one), run by the
 * virtual core.
 */
export function virtualDevice(
  capacity: Readonly<CoreCapacity> = DEMO_BOARD_CAPACITY,
): VirtualUsbDevice {
  return spikelabDemoDevice({ capacity });
}

export async function findBoard(): Promise<UsbDeviceLike> {
  let WebUsb: typeof WebUSBClass;
  try {
    ({ WebUSB: WebUsb } = await import('usb'));
  } catch (error) {
    throw new CliError(
      `cannot load the 'usb' package to reach a board (${error instanceof Error ? error.message : String(error)}); run npm install, or use --virtual`,
      EXIT.runFailed,
    );
  }
  let devices: USBDevice[];
  try {
    devices = await new WebUsb({ allowAllDevices: true }).getDevices();
  } catch (error) {
    throw new CliError(
      `cannot list USB devices (${error instanceof Error ? error.message : String(error)}); use --virtual for the virtual board`,
      EXIT.runFailed,
    );
  }
  const board = devices.find(
    (d) => d.vendorId === PYNQ_Z2_USB.vendorId && d.productId === PYNQ_Z2_USB.productId,
  );
  if (board === undefined) {
    throw new CliError(
      'no PYNQ-Z2 found (USB 0403:6010): plug its PROG/UART micro-USB port in and switch it on, or use --virtual for the virtual board',
      EXIT.runFailed,
    );
  }
  return board;
}
