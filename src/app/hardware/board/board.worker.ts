/**
 * The page's board worker: USB transfers, the JTAG batches and the demo board's simulation
 * all run here, off the page's thread. The page asked for the device on a click
 * (`requestDevice` needs one); here it is found again with `getDevices`, and WebUSB's
 * `disconnect` of it is passed on to the page at once. A worker named for the virtual WebUSB
 * (a test's, `virtual-webusb-flag.ts`) installs it on its `navigator` first.
 */
import { PYNQ_Z2_USB } from '../../../usb/transport/usb-device.ts';
import type { BoardFromWorker, BoardToWorker } from './board-protocol.ts';
import { createBoardService } from './board-service.ts';
import { workerWantsVirtualWebUsb } from './virtual-webusb-flag.ts';
import { installWorkerVirtualWebUsb } from './virtual-webusb-install.ts';

if (workerWantsVirtualWebUsb(self.name)) installWorkerVirtualWebUsb(navigator);

const hasUsb = 'usb' in navigator;

const service = createBoardService({
  findUsbDevice: async () => {
    if (!hasUsb) {
      throw new Error('this browser has no WebUSB in workers: use a current Chrome or Edge');
    }
    const devices = await navigator.usb.getDevices();
    return (
      devices.find(
        (d) => d.vendorId === PYNQ_Z2_USB.vendorId && d.productId === PYNQ_Z2_USB.productId,
      ) ?? null
    );
  },
  ...(hasUsb ? { usbEvents: navigator.usb } : {}),
});

const post = (message: BoardFromWorker): void => self.postMessage(message);

service.listen((event) => post({ event }));

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
