/**
 * The part of WebUSB's `USBDevice` that Spikelab uses. The browser's device, the `usb`
 * package's in Node and the virtual board's all satisfy it, so everything above the transport
 * runs unchanged on each.
 */
export type UsbDeviceLike = Pick<
  USBDevice,
  | 'vendorId'
  | 'productId'
  | 'productName'
  | 'serialNumber'
  | 'opened'
  | 'configuration'
  | 'open'
  | 'close'
  | 'selectConfiguration'
  | 'claimInterface'
  | 'releaseInterface'
  | 'controlTransferOut'
  | 'transferIn'
  | 'transferOut'
  | 'clearHalt'
>;

/** The PYNQ-Z2's FT2232H (HARDWARE.md). */
export const PYNQ_Z2_USB = { vendorId: 0x0403, productId: 0x6010 } as const;

export type UsbErrorKind =
  'disconnected' | 'timeout' | 'stall' | 'access-denied' | 'busy' | 'other';

/** A USB failure, classified so the page can offer the right way forward. */
export class UsbTransferError extends Error {
  override readonly name = 'UsbTransferError';
  constructor(
    readonly kind: UsbErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * WebUSB's errors in Spikelab's terms (HARDWARE.md, "Browsers, operating systems and Node"):
 * NotFoundError is a disconnect, SecurityError a permission problem, NetworkError on claim an
 * interface held by a kernel driver or another program.
 */
export function classifyUsbError(error: unknown, during: string): UsbTransferError {
  if (error instanceof UsbTransferError) return error;
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'NotFoundError' || /disconnected/i.test(text)) {
    return new UsbTransferError('disconnected', `the board was unplugged during ${during}`);
  }
  if (name === 'SecurityError' || /access denied/i.test(text)) {
    return new UsbTransferError(
      'access-denied',
      `the operating system denied access to the board's USB interface during ${during}`,
    );
  }
  if (name === 'NetworkError' && /claim/i.test(text)) {
    return new UsbTransferError(
      'busy',
      `the board's JTAG interface is held by another driver or program (${text})`,
    );
  }
  return new UsbTransferError('other', `USB error during ${during}: ${text}`);
}

/**
 * `promise`, or a `timeout` error after `ms` (WebUSB transfers have no time-out of their own);
 * `onTimeout` runs first, to close the device so the stuck transfer ends.
 */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  during: string,
  onTimeout: () => void,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(
        new UsbTransferError('timeout', `the board stopped answering during ${during} (${ms} ms)`),
      );
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch (error) {
    throw classifyUsbError(error, during);
  } finally {
    clearTimeout(timer);
  }
}
