/** The USERCODE convention, and the operating-system help for a board the OS keeps from us. */
import { describe, expect, it } from 'vitest';
import { detectOs, LINUX_UDEV_RULE, usbAccessHelp } from '../../../src/usb/board/os-help.ts';
import {
  identifyUsercode,
  requireCompatibleCore,
  SPIKELAB_USERCODE,
} from '../../../src/usb/board/usercode.ts';

describe('USERCODE', () => {
  it('"SL", protocol and format: this version is compatible with itself', () => {
    expect(SPIKELAB_USERCODE >>> 16).toBe(0x534c);
    const identity = identifyUsercode(SPIKELAB_USERCODE, true);
    expect(identity.kind).toBe('spikelab');
    expect(() => requireCompatibleCore(identity)).not.toThrow();
  });

  it('names an unconfigured FPGA, another design, another version', () => {
    expect(() => requireCompatibleCore(identifyUsercode(SPIKELAB_USERCODE, false))).toThrow(
      /not configured \(DONE is low\)/,
    );
    expect(() => requireCompatibleCore(identifyUsercode(0xdeadbeef, true))).toThrow(
      /another design \(USERCODE 0xDEADBEEF\)/,
    );
    expect(() => requireCompatibleCore(identifyUsercode(0x534c0907, true))).toThrow(
      /speaks bridge protocol 9 with image format 7; this Spikelab speaks protocol 1/,
    );
  });
});

describe('operating-system help', () => {
  it('detects the system from a user agent or process.platform', () => {
    expect(detectOs('Mozilla/5.0 (X11; Linux x86_64)')).toBe('linux');
    expect(detectOs('win32')).toBe('windows');
    expect(detectOs('darwin')).toBe('mac');
    expect(detectOs('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toBe('mac');
  });

  it('Linux: the udev rule that unbinds ftdi_sio from interface 0 only', () => {
    const help = usbAccessHelp('linux', 'busy');
    expect(help).toContain(LINUX_UDEV_RULE);
    expect(LINUX_UDEV_RULE).toContain('ATTR{bInterfaceNumber}=="00"');
    expect(LINUX_UDEV_RULE).toContain('TAG+="uaccess"');
    expect(help).toContain('udevadm control --reload-rules');
  });

  it('Windows: Zadig, WinUSB on interface 0, and how to give the cable back to Vivado', () => {
    const help = usbAccessHelp('windows', 'access-denied');
    expect(help).toMatch(/Zadig.*Interface 0.*WinUSB/s);
    expect(help).toMatch(/Vivado cannot use the cable while WinUSB is installed/);
  });
});
