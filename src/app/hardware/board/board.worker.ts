/**
 * The page's board worker: USB transfers, the JTAG batches and the demo board's simulation
 * all run here, off the page's thread. The page asked for the device on a click
 * (`requestDevice` needs one); here it is found again with `getDevices`.
 */
import { PYNQ_Z2_USB } from '../../../usb/transport/usb-device.ts';
import type { BoardFromWorker, BoardToWorker } from './board-protocol.ts';
import { createBoardService } from './board-service.ts';

const service = createBoardService({
  findUsbDevice: async () => {
    if (!('usb' in navigator)) {
      throw new Error('this browser has no WebUSB in workers: use a current Chrome or Edge');
    }
    const devices = await navigator.usb.getDevices();
    return (
      devices.find(
        (d) => d.vendorId === PYNQ_Z2_USB.vendorId && d.productId === PYNQ_Z2_USB.productId,
      ) ?? null
    );
  },
});

const post = (message: BoardFromWorker): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<BoardToWorker>) => {
  const m = event.data;
  if ('cancel' in m) {
    service.cancel();
    return;
  }
  void service
    .call(m.command, (progress) => post({ id: m.id, progress }))
    .then((result) => post({ id: m.id, result }));
});
