/** The Board section's words (status rows, progress line) and the WebUSB availability check. */
import { describe, expect, it } from 'vitest';
import {
  progressText,
  statusRows,
  uploadedText,
} from '../../../src/app/hardware/board/board-text.ts';
import { webUsbAvailability } from '../../../src/app/hardware/board/webusb.ts';
import type { BoardStatus } from '../../../src/usb/board/board-connection.ts';

const status: BoardStatus = {
  product: 'TUL',
  serial: '1234-tul',
  tckHz: 15e6,
  chain: [
    { idcode: 0x13727093, name: 'Zynq-7020 PL', irLength: 6 },
    { idcode: 0x4ba00477, name: 'ARM DAP (Zynq PS)', irLength: 4 },
  ],
  done: false,
  init: true,
  usercode: 0xffffffff,
  identity: { kind: 'unconfigured' },
};

describe('board text', () => {
  it('lists the chain, DONE/INIT, USERCODE and the design', () => {
    expect(Object.fromEntries(statusRows(status))).toEqual({
      USB: 'TUL, serial 1234-tul',
      'JTAG chain': 'Zynq-7020 PL 0x13727093, ARM DAP (Zynq PS) 0x4BA00477',
      FPGA: 'not configured (DONE 0, INIT 1), USERCODE 0xFFFFFFFF',
      Design: 'the FPGA is not configured (DONE is low): upload a Spikelab bitstream',
      TCK: '15 MHz',
    });
  });

  it('says bytes, percent and the seconds left at the rate so far', () => {
    const p = { sentBytes: 65536, totalBytes: 262144, phase: 'sending' } as const;
    // A quarter in 0.5 s: three quarters take 1.5 s more.
    expect(progressText(p, 0.5)).toBe('65,536 of 262,144 bytes (25%), 1.5 s left');
    expect(progressText({ ...p, sentBytes: 0 }, 0)).toBe('0 of 262,144 bytes (0%)');
    expect(progressText({ sentBytes: 0, totalBytes: 0, phase: 'clearing' }, 0)).toBe(
      'starting the upload',
    );
    expect(progressText({ ...p, sentBytes: 262144, phase: 'starting' }, 2)).toBe(
      '262,144 of 262,144 bytes (100%): starting the design (JSTART)',
    );
    expect(uploadedText('core.bit', 4045564, 5.432)).toBe(
      'Uploaded core.bit (4,045,564 bytes of configuration data) in 5.43 s.',
    );
  });
});

describe('WebUSB availability', () => {
  it('needs a secure context and a browser with navigator.usb', () => {
    expect(webUsbAvailability({ hasUsb: true, secure: true })).toEqual({ ok: true });
    const insecure = webUsbAvailability({ hasUsb: false, secure: false });
    expect(insecure.ok === false && insecure.reason).toMatch(
      /^WebUSB needs a secure page.*demo board/,
    );
    const missing = webUsbAvailability({ hasUsb: false, secure: true });
    expect(missing.ok === false && missing.reason).toMatch(/^This browser has no WebUSB.*Chromium/);
  });
});
