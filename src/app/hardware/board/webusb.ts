/**
 * Whether this page can reach a board over WebUSB: it needs a Chromium browser (Chrome, Edge,
 * Opera) and a secure context (https or localhost). When it cannot, the section says why and
 * offers the demo board instead.
 */

export type WebUsbAvailability = { ok: true } | { ok: false; reason: string };

export interface WebUsbEnvironment {
  /** `'usb' in navigator` */
  readonly hasUsb: boolean;
  /** `window.isSecureContext` */
  readonly secure: boolean;
}

export function webUsbAvailability(env: WebUsbEnvironment): WebUsbAvailability {
  // WebUSB is hidden outside secure contexts, so the secure check comes first: it names the fix.
  if (!env.secure) {
    return {
      ok: false,
      reason:
        'WebUSB needs a secure page: open Spikelab over https or from localhost to reach a board. The demo board works here.',
    };
  }
  if (!env.hasUsb) {
    return {
      ok: false,
      reason:
        'This browser has no WebUSB: a board needs Chrome, Edge or another Chromium browser. The demo board works here.',
    };
  }
  return { ok: true };
}
