/**
 * The frame-after-next rule on the host side (src/hdl/bridge-session.ts) and the JTAG scans of
 * src/hdl/bridge-jtag.ts, against sequences worked out by hand from the Zynq chain
 * (TDI -> DAP -> PL -> TDO) in shared/HARDWARE.md.
 */
import { describe, expect, it } from 'vitest';
import { type BridgeReply, decodeFields } from '../../../src/hdl/bridge-protocol.ts';
import {
  BRIDGE_REPLY_DELAY,
  expectOk,
  matchReplies,
  planFrames,
} from '../../../src/hdl/bridge-session.ts';
import {
  bridgeScans,
  frameDrScan,
  replyOf,
  scansToPins,
  userIrScan,
} from '../../../src/hdl/bridge-jtag.ts';

const reply = (tag: number, data = 0, status: BridgeReply['status'] = 'ok'): BridgeReply => ({
  status,
  tag,
  seq: tag,
  coreBusy: false,
  outstanding: false,
  data,
});

describe('planFrames and matchReplies', () => {
  const commands = [
    { op: 'write', address: 4, data: 9 },
    { op: 'read', address: 4 },
  ] as const;

  it('appends two NOPs and tags frames in order, wrapping at 256', () => {
    const frames = planFrames(commands, 255);
    expect(frames.map((f) => [f.command.op, f.tag, f.wanted])).toEqual([
      ['write', 255, true],
      ['read', 0, true],
      ['nop', 1, false],
      ['nop', 2, false],
    ]);
    expect(decodeFields(frames[1]?.bits ?? new Uint8Array())).toMatchObject({ tag: 0, opcode: 1 });
    expect(BRIDGE_REPLY_DELAY).toBe(2);
  });

  it('answers frame k with reply k + 2', () => {
    const frames = planFrames(commands, 10);
    const replies = [reply(0, 0, 'none'), reply(0, 0, 'none'), reply(10), reply(11, 9)];
    expect(matchReplies(frames, replies).map((r) => [r.command.op, r.status, r.data])).toEqual([
      ['write', 'ok', 0],
      ['read', 'ok', 9],
    ]);
  });

  it('refuses a reply whose tag does not match (a lost scan)', () => {
    const frames = planFrames(commands, 10);
    const replies = [reply(0), reply(0), reply(11), reply(12)];
    expect(() => matchReplies(frames, replies)).toThrow(/tag 10\) answered by tag 11/);
    expect(() => matchReplies(frames, replies.slice(1))).toThrow(/3 replies for 4 frames/);
  });

  it('expectOk names the command and the status', () => {
    const result = { command: commands[0], status: 'overrun', data: 0, seq: 0 } as const;
    expect(() => expectOk(result)).toThrow(/bridge write: overrun \(the previous command/);
  });
});

describe('JTAG scans on the Zynq chain', () => {
  it('shifts the 6 PL IR bits, then 4 ones for the DAP', () => {
    expect(Array.from(userIrScan(3).tdi)).toEqual([0, 1, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(Array.from(userIrScan(1).tdi)).toEqual([0, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('pads a frame with one bit for the bypassed DAP after it; the reply comes out first', () => {
    const frame = planFrames([])[0]?.bits ?? new Uint8Array();
    const scan = frameDrScan(frame);
    expect(scan.kind === 'dr' && scan.tdi.length).toBe(89);
    expect(Array.from(scan.tdi.subarray(0, 88))).toEqual(Array.from(frame));
    const tdo = new Uint8Array(89).map((_, i) => (i % 3) & 1);
    expect(Array.from(replyOf(scan, tdo))).toEqual(Array.from(tdo.subarray(0, 88)));
    const tdoSide = frameDrScan(frame, {
      tdoSideDevices: 2,
      tdoSideIrBits: 8,
      tdiSideDevices: 0,
      tdiSideIrBits: 0,
    });
    expect(tdoSide.kind === 'dr' && tdoSide.read).toEqual({ offset: 2, length: 88 });
  });

  it('walks the TAP: reset, IR scan, DR scan, idle', () => {
    const frame = planFrames([])[0]?.bits ?? new Uint8Array();
    const scans = bridgeScans([frame], { user: 2, idleClocks: 3 });
    expect(scans.map((s) => s.kind)).toEqual(['ir', 'dr', 'idle']);
    const { pins, shiftStarts } = scansToPins(scans, true);
    const tms = pins.map((p) => p.tms).join('');
    // reset 111110, IR: 1100 + 9 zeros + 1 + 10, DR: 100 + 88 zeros + 1 + 10, idle 000
    expect(tms).toBe(
      '111110' + '1100' + '0'.repeat(9) + '1' + '10' + '100' + '0'.repeat(88) + '1' + '10' + '000',
    );
    expect(shiftStarts).toEqual([10, 25, -1]); // 6 + 4; 10 + 10 + 2 + 3
    expect(pins.slice(10, 20).map((p) => p.tdi)).toEqual([1, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(() => replyOf(scans[0] ?? { kind: 'idle', clocks: 0 }, new Uint8Array(10))).toThrow(
      /only a DR scan carries a reply, not ir/,
    );
  });
});
