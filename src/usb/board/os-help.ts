/**
 * What a person must do when the operating system keeps Spikelab from the board's JTAG
 * interface (HARDWARE.md, "Browsers, operating systems and Node"), per system. Linux: a udev
 * rule that grants access and unbinds `ftdi_sio` from interface 0 only (the UART on interface 1
 * keeps working); Windows: WinUSB on interface 0 with Zadig (which takes the cable from Vivado
 * until reverted); macOS needs nothing.
 */

export type HostOs = 'linux' | 'windows' | 'mac' | 'other';

/** The operating system from a user-agent string or Node's `process.platform`. */
export function detectOs(hint: string): HostOs {
  const h = hint.toLowerCase();
  // 'darwin' contains 'win': test macOS first.
  if (h.includes('mac') || h.includes('darwin')) return 'mac';
  if (/windows|win32|win64/.test(h)) return 'windows';
  if (h.includes('linux') || h.includes('x11') || h.includes('cros')) return 'linux';
  return 'other';
}

export const LINUX_UDEV_RULE = [
  '# /etc/udev/rules.d/60-spikelab-pynq-z2.rules',
  "# Let the logged-in user open the PYNQ-Z2's FT2232H (0403:6010) ...",
  'SUBSYSTEM=="usb", ATTRS{idVendor}=="0403", ATTRS{idProduct}=="6010", TAG+="uaccess"',
  '# ... and take interface 0 (JTAG) from ftdi_sio; interface 1 (the UART) keeps it.',
  'ACTION=="bind", SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_interface", DRIVER=="ftdi_sio", ATTRS{idVendor}=="0403", ATTRS{idProduct}=="6010", ATTR{bInterfaceNumber}=="00", RUN+="/bin/sh -c \'echo %k > /sys/bus/usb/drivers/ftdi_sio/unbind\'"',
].join('\n');

/** The steps for `os` when access was denied or the interface is busy. */
export function usbAccessHelp(os: HostOs, kind: 'access-denied' | 'busy'): string {
  switch (os) {
    case 'linux':
      return [
        kind === 'busy'
          ? "Linux's ftdi_sio driver (or another program, such as Vivado's hw_server) holds the JTAG interface."
          : 'Linux does not let this user open the board.',
        'Save this rule, run `sudo udevadm control --reload-rules`, then unplug and replug the board:',
        LINUX_UDEV_RULE,
        "Close Vivado's hardware manager if it is open.",
      ].join('\n');
    case 'windows':
      return [
        "Windows needs the WinUSB driver on the board's interface 0 (JTAG):",
        'run Zadig, Options > List All Devices, choose "TUL (Interface 0)", select WinUSB and Replace Driver.',
        'Vivado cannot use the cable while WinUSB is installed; to give it back, uninstall that device in Device Manager ("Delete the driver software") and replug.',
        kind === 'busy'
          ? "Close Vivado's hardware manager and any other program that holds the cable."
          : '',
      ]
        .filter((line) => line !== '')
        .join('\n');
    case 'mac':
      return 'macOS needs no driver set-up; close any other program that holds the cable (Vivado, openFPGALoader) and replug the board.';
    case 'other':
      return 'Give this user access to USB device 0403:6010, interface 0, and make sure no kernel driver or other program holds it.';
  }
}
