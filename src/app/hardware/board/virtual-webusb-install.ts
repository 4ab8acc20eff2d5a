/**
 * The virtual WebUSB installed for a test (`virtual-webusb-flag.ts`): one demo board, the
 * page's instance owning permission and plugs, the worker's mirroring them over the channel.
 * Loaded only when the flag is set (the page imports it dynamically).
 */
import { installVirtualWebUsb, VirtualWebUsb } from '../../../usb/virtual/virtual-webusb.ts';
import { VIRTUAL_WEBUSB_CHANNEL } from './virtual-webusb-flag.ts';

/** Installs the owning instance on the page's `navigator` (the test unplugs through it). */
export function installPageVirtualWebUsb(navigator: object): VirtualWebUsb {
  const usb = new VirtualWebUsb({ link: { channel: VIRTUAL_WEBUSB_CHANNEL, role: 'hub' } });
  installVirtualWebUsb(navigator, usb);
  return usb;
}

/** Installs the mirroring instance on the board worker's `navigator`. */
export function installWorkerVirtualWebUsb(navigator: object): VirtualWebUsb {
  const usb = new VirtualWebUsb({ link: { channel: VIRTUAL_WEBUSB_CHANNEL, role: 'follower' } });
  installVirtualWebUsb(navigator, usb);
  return usb;
}
