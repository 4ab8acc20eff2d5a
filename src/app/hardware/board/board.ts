/**
 * The page's one board store: the board worker (started on first use) and the browser's WebUSB
 * chooser, for React. The connection is closed when the page goes away. A test's flag
 * (`virtual-webusb-flag.ts`, read once here) puts the virtual WebUSB in place of the browser's,
 * in the page and in the board worker.
 */
import { useStore } from 'zustand';
import { detectOs } from '../../../usb/board/os-help.ts';
import { PYNQ_Z2_USB } from '../../../usb/transport/usb-device.ts';
import { createBoardStore, type BoardState } from './board-store.ts';
import { createBoardWorkerClient } from './board-worker-client.ts';
import { virtualWebUsbRequested } from './virtual-webusb-flag.ts';
import { webUsbAvailability } from './webusb.ts';

const virtualWebUsb = virtualWebUsbRequested(window);
/** Installed before the first request reaches `navigator.usb`. */
const installed = virtualWebUsb
  ? import('./virtual-webusb-install.ts').then((m) => {
      m.installPageVirtualWebUsb(navigator);
    })
  : Promise.resolve();

export const boardStore = createBoardStore({
  client: () => createBoardWorkerClient({ virtualWebUsb }),
  usb: {
    availability: () =>
      webUsbAvailability({ hasUsb: 'usb' in navigator, secure: window.isSecureContext }),
    requestDevice: async () => {
      await installed;
      await navigator.usb.requestDevice({ filters: [{ ...PYNQ_Z2_USB }] });
    },
  },
  os: detectOs(navigator.userAgent),
});

window.addEventListener('pagehide', () => {
  void boardStore.getState().disconnect();
});

/** Hook over `boardStore` with a narrow selector. */
export function useBoardStore<T>(selector: (state: BoardState) => T): T {
  return useStore(boardStore, selector);
}
