/**
 * The host side end to end against the software bridge (src/hdl/bridge-model.ts): commands
 * planned with planFrames, scanned through the model, replies decoded and matched by the
 * frame-after-next rule. (tests/hdl/host-bridge-model.test.ts checks the model against the RTL.)
 */
import { describe, expect, it } from 'vitest';
import { BridgeModel } from '../../../src/hdl/bridge-model.ts';
import {
  BRIDGE_CONTROL,
  BRIDGE_REGISTERS as REG,
  type BridgeCommand,
  decodeReply,
  encodeCommand,
} from '../../../src/hdl/bridge-protocol.ts';
import { expectOk, matchReplies, planFrames } from '../../../src/hdl/bridge-session.ts';

function board(): { model: BridgeModel; memory: Map<number, number>; runs: number[] } {
  const memory = new Map<number, number>();
  const runs: number[] = [];
  const model = new BridgeModel({
    read: (address) => memory.get(address) ?? 0,
    write: (address, data) => void memory.set(address, data),
    run: (steps) => void runs.push(steps),
  });
  return { model, memory, runs };
}

function send(model: BridgeModel, commands: readonly BridgeCommand[], firstTag = 0) {
  const frames = planFrames(commands, firstTag);
  const replies = frames.map((f) => decodeReply(model.scan(f.bits)));
  return matchReplies(frames, replies);
}

describe('BridgeModel through the host session', () => {
  it('writes, reads back, runs and counts steps', () => {
    const { model, memory, runs } = board();
    const results = send(model, [
      { op: 'read', address: REG.id },
      { op: 'write', address: 0x40, data: 0xfeedface },
      { op: 'read', address: 0x40 },
      { op: 'run', steps: 12 },
      { op: 'write', address: REG.runSteps, data: 3 },
      { op: 'write', address: REG.control, data: BRIDGE_CONTROL.start },
      { op: 'read', address: REG.stepCount },
      { op: 'read', address: REG.id + 0x40 },
    ]);
    expect(results.map((r) => [r.status, r.data >>> 0, r.seq])).toEqual([
      ['ok', 0x534c0001, 0],
      ['ok', 0, 1],
      ['ok', 0xfeedface, 2],
      ['ok', 0, 3],
      ['ok', 0, 4],
      ['ok', 12, 5],
      ['ok', 15, 6],
      ['bad-address', 0, 7],
    ]);
    expect(memory.get(0x40)).toBe(0xfeedface);
    expect(runs).toEqual([12, 3]);
    expect(() => results.forEach(expectOk)).toThrow(/bridge read: bad-address/);
  });

  it('refuses a corrupted frame without touching the bus, and a short scan', () => {
    const { model, memory } = board();
    const bad = encodeCommand({ op: 'write', address: 8, data: 1 }, 7);
    bad[60] = bad[60] ? 0 : 1;
    model.scan(bad);
    model.scan(bad.subarray(0, 40));
    const first = decodeReply(model.scan(encodeCommand({ op: 'nop' }, 8)));
    const second = decodeReply(model.scan(encodeCommand({ op: 'nop' }, 9)));
    expect([first.status, first.tag, second.status]).toEqual(['bad-check', 7, 'bad-length']);
    expect(memory.size).toBe(0);
  });

  it('answers none after a TAP reset, with the sequence restarted', () => {
    const { model } = board();
    send(model, [{ op: 'nop' }, { op: 'nop' }, { op: 'nop' }]);
    model.tapReset();
    const replies = [0, 1, 2].map((t) => decodeReply(model.scan(encodeCommand({ op: 'nop' }, t))));
    expect(replies.map((r) => [r.status, r.tag, r.seq])).toEqual([
      ['none', 0, 0],
      ['none', 0, 0],
      ['ok', 0, 0],
    ]);
  });
});
