/**
 * How a test asks for the virtual WebUSB (`src/usb/virtual/virtual-webusb.ts`) in place of the
 * browser's: a Playwright init script sets `window[VIRTUAL_WEBUSB_FLAG] = true` before the page
 * loads; the page reads it once (`board.ts`), installs the virtual WebUSB on its `navigator` and
 * names the board worker so (`boardWorkerName`) that the worker installs its own, linked one
 * (workers run no init scripts). Without the flag nothing here is loaded: WebUSB is the real one.
 */

/** The global the init script sets. */
export const VIRTUAL_WEBUSB_FLAG = '__spikelabVirtualWebUsb';
/** The BroadcastChannel that links the page's and the worker's virtual WebUSB. */
export const VIRTUAL_WEBUSB_CHANNEL = 'spikelab-virtual-webusb';

const WORKER_NAME = 'spikelab-board';
const VIRTUAL_SUFFIX = ' (virtual WebUSB)';

/** Whether the test's init script set the flag on `scope` (the page's `window`). */
export function virtualWebUsbRequested(scope: object): boolean {
  return (scope as Record<string, unknown>)[VIRTUAL_WEBUSB_FLAG] === true;
}

/** The board worker's name; it says whether the worker must install the virtual WebUSB. */
export function boardWorkerName(virtualWebUsb: boolean): string {
  return virtualWebUsb ? WORKER_NAME + VIRTUAL_SUFFIX : WORKER_NAME;
}

/** Whether a board worker of this name (`self.name`) installs the virtual WebUSB. */
export function workerWantsVirtualWebUsb(name: string): boolean {
  return name === WORKER_NAME + VIRTUAL_SUFFIX;
}
