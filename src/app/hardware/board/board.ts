/**
 * The page's one board store: the board worker (started on first use) and the browser's WebUSB
 * chooser, for React. The connection is closed when the page goes away.
 */
import { useStore } from 'zustand';
import { detectOs } from '../../../usb/board/os-help.ts';
import { PYNQ_Z2_USB } from '../../../usb/transport/usb-device.ts';
import { createBoardStore, type BoardState } from './board-store.ts';
import { createBoardWorkerClient } from './board-worker-client.ts';
import { webUsbAvailability } from './webusb.ts';

export const boardStore = createBoardStore({
  client: createBoardWorkerClient,
  usb: {
    availability: () =>
      webUsbAvailability({ hasUsb: 'usb' in navigator, secure: window.isSecureContext }),
    requestDevice: async () => {
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
