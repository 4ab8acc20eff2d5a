/**
 * The host-bridge test: a script of scans built with src/hdl/bridge-protocol.ts, and the check of
 * a bench run against it: every reply decoded by the TypeScript decoder and matched by the
 * frame-after-next rule, every bus access and core start, and the clock-domain crossings (two
 * synchroniser flip-flops each way). Returns the first problem, or null.
 */
import {
  BRIDGE_CONTROL,
  BRIDGE_FRAME_BITS,
  BRIDGE_REGISTERS as REG,
  BridgeProtocolError,
  type BridgeReply,
  decodeReply,
  encodeCommand,
  encodeFields,
} from '../../src/hdl/bridge-protocol.ts';
import { BRIDGE_REPLY_DELAY } from '../../src/hdl/bridge-session.ts';
import { replyOf } from '../../src/hdl/bridge-jtag.ts';
import { BridgeScript } from './host-bridge-script.ts';
import { type BridgeRun, type ClockPair, TB } from './host-bridge-run.ts';

/** TCK cycles per frame: Select/Capture/Shift entry 3, 89 bits, Update and Run-Test/Idle 2. */
const FRAME_TCKS = 3 + BRIDGE_FRAME_BITS + 1 + 2;
const SLOW = 0x1000;
const NEVER = 0x2000;
const RUN_STEPS = 37;

/** TCK cycles that cover `clocks` core clocks with half again to spare. */
function tcksFor(clocks: number, pair: ClockPair): number {
  return Math.ceil((1.5 * clocks * pair.clkHalfPs) / pair.tckHalfPs) + 16;
}

/** The expected effect of a script on the bench's bus and core. */
export interface Scenario {
  script: BridgeScript;
  writes: { address: number; data: number }[];
  reads: { address: number; data: number }[];
  starts: number[];
  /** Bus accesses started (completed ones plus the one that times out). */
  busAccesses: number;
}

export function bridgeScenario(pair: ClockPair): Scenario {
  const s = new BridgeScript();
  const mem = TB.memory;
  const polls = (label: string, steps: number): void => {
    const n = Math.ceil(tcksFor(steps * TB.stepClocks, pair) / FRAME_TCKS) + 2;
    for (let k = 0; k < n; k++)
      s.command(label, { op: 'read', address: REG.status }, { status: 'ok' });
  };
  const corrupt = encodeCommand({ op: 'write', address: 0x24, data: 0x55555555 }, 100);
  corrupt[50] = corrupt[50] ? 0 : 1;
  s.reset()
    .ir(3)
    .command('read id', { op: 'read', address: REG.id }, { status: 'ok', data: 0x534c0001 })
    .command(
      'write mem 5',
      { op: 'write', address: 0x14, data: 0xdeadbeef },
      { status: 'ok', data: 0 },
    )
    .command('write mem 17', { op: 'write', address: 0x44, data: 0x12345678 }, { status: 'ok' })
    .command(
      'write scratch',
      { op: 'write', address: REG.scratch, data: 0xcafef00d },
      { status: 'ok' },
    )
    .command('read mem 5', { op: 'read', address: 0x14 }, { status: 'ok', data: 0xdeadbeef })
    .command('read mem 17', { op: 'read', address: 0x44 }, { status: 'ok', data: 0x12345678 })
    .command('read mem 3', { op: 'read', address: 0x0c }, { status: 'ok', data: mem(3) })
    .command(
      'read scratch',
      { op: 'read', address: REG.scratch },
      { status: 'ok', data: 0xcafef00d },
    )
    .raw('corrupted write mem 9', corrupt, 100, { status: 'bad-check', data: 0 })
    .command('read mem 9', { op: 'read', address: 0x24 }, { status: 'ok', data: mem(9) })
    .raw('version 2', encodeFields({ version: 2, opcode: 1, tag: 101, address: 0, data: 0 }), 101, {
      status: 'bad-version',
    })
    .raw('opcode 9', encodeFields({ version: 1, opcode: 9, tag: 102, address: 0, data: 0 }), 102, {
      status: 'bad-opcode',
    })
    // Its reply is cut short by the short scan two frames on.
    .command('nop', { op: 'nop' }, null)
    .command('write id', { op: 'write', address: REG.id, data: 1 }, { status: 'bad-address' })
    .short('short write mem 10', encodeCommand({ op: 'write', address: 0x28, data: 1 }, 103), 80, {
      status: 'bad-length',
      tag: false,
    })
    .command('read 0x40', { op: 'read', address: REG.id + 0x40 }, { status: 'bad-address' })
    .command('run 37', { op: 'run', steps: RUN_STEPS }, { status: 'ok', data: 0 })
    .command('run 5 while busy', { op: 'run', steps: 5 }, { status: 'core-busy' });
  polls('poll run 37', RUN_STEPS);
  s.command('read steps', { op: 'read', address: REG.stepCount }, { status: 'ok', data: RUN_STEPS })
    .command(
      'read run steps',
      { op: 'read', address: REG.runSteps },
      { status: 'ok', data: RUN_STEPS },
    )
    .command('write run steps', { op: 'write', address: REG.runSteps, data: 5 }, { status: 'ok' })
    .command(
      'control start',
      { op: 'write', address: REG.control, data: BRIDGE_CONTROL.start },
      {
        status: 'ok',
        data: RUN_STEPS,
      },
    );
  polls('poll run 5', 5);
  s.command('read steps 42', { op: 'read', address: REG.stepCount }, { status: 'ok', data: 42 })
    .command(
      'clear steps',
      { op: 'write', address: REG.control, data: BRIDGE_CONTROL.clearStepCount },
      {
        status: 'ok',
      },
    )
    .command('read steps 0', { op: 'read', address: REG.stepCount }, { status: 'ok', data: 0 })
    .command('slow read mem 6', { op: 'read', address: SLOW + 0x18 }, { status: 'pending' })
    .command('write mem 12 overrun', { op: 'write', address: 0x30, data: 7 }, { status: 'overrun' })
    .command('nop while slow', { op: 'nop' }, { status: 'ok' }, tcksFor(TB.slowWait, pair))
    .command('read mem 12', { op: 'read', address: 0x30 }, { status: 'ok', data: mem(12) })
    .command(
      'slow read mem 7',
      { op: 'read', address: SLOW + 0x1c },
      { status: 'ok', data: mem(7) },
      tcksFor(TB.slowWait, pair),
    )
    .command(
      'read never',
      { op: 'read', address: NEVER + 0x20 },
      { status: 'bus-timeout' },
      tcksFor(TB.busTimeout, pair),
    )
    .command(
      'read scratch again',
      { op: 'read', address: REG.scratch },
      { status: 'ok', data: 0xcafef00d },
    )
    .command('slow read aborted', { op: 'read', address: SLOW + 0x28 }, { status: 'aborted' })
    // The read reaches the bus (3 core clocks), then the core side is reset under it.
    .idle(tcksFor(10, pair))
    .coreReset(tcksFor(4, pair))
    .command(
      'read scratch after reset',
      { op: 'read', address: REG.scratch },
      { status: 'ok', data: 0 },
    )
    .command(
      'read run steps after reset',
      { op: 'read', address: REG.runSteps },
      { status: 'ok', data: 0 },
    )
    .flush()
    // Another user register: the bridge must not see these frames.
    .ir(1)
    .command('USER1 write mem 20', { op: 'write', address: 0x50, data: 0xbad }, null)
    .flush()
    .reset()
    .ir(3)
    .command('read mem 20', { op: 'read', address: 0x50 }, { status: 'ok', data: mem(20) })
    .command('read id again', { op: 'read', address: REG.id }, { status: 'ok', data: 0x534c0001 })
    .flush();
  return {
    script: s,
    writes: [
      { address: 0x14, data: 0xdeadbeef },
      { address: 0x44, data: 0x12345678 },
    ],
    reads: [
      { address: 0x14, data: 0xdeadbeef },
      { address: 0x44, data: 0x12345678 },
      { address: 0x0c, data: mem(3) },
      { address: 0x24, data: mem(9) },
      { address: SLOW + 0x18, data: mem(6) },
      { address: 0x30, data: mem(12) },
      { address: SLOW + 0x1c, data: mem(7) },
      { address: 0x50, data: mem(20) },
    ],
    starts: [RUN_STEPS, 5],
    busAccesses: 12,
  };
}

const hex = (x: number): string => `0x${x.toString(16)}`;

/**
 * Reply flags captured during the (first) scan of these frames, where they do not depend on the
 * clocks' phase: the slow read is still executing during the next scan; the core runs during the
 * first poll (two scans after RUN 37) and is idle at the end. (Right after an ordinary command,
 * `outstanding` depends on whether 3 core clocks fit in one TCK period.)
 */
const FLAGS_AT: Readonly<Record<string, Partial<Record<'outstanding' | 'coreBusy', boolean>>>> = {
  'write mem 12 overrun': { outstanding: true },
  'poll run 37': { coreBusy: true },
  'read id again': { coreBusy: false },
};

/** The first way `run` differs from `scenario`, or null. */
export function checkBridgeRun(scenario: Scenario, run: BridgeRun): string | null {
  const { drReads } = scenario.script.vectors();
  // Decode every reply of the bridge's sessions (USER3); USER1's must not decode.
  const replies = new Map<string, BridgeReply>();
  const polls = new Map<string, number[]>();
  const key = (session: number, index: number): string => `${session}/${index}`;
  for (const { start, scan, frame } of drReads) {
    if (scan.kind !== 'dr') continue;
    const tdo = run.tdo.slice(start, start + scan.tdi.length);
    if (scan.read.length !== BRIDGE_FRAME_BITS) continue; // a short scan cuts its reply
    const user1 =
      frame.label.startsWith('USER1') || (frame.label === 'flush' && frame.session === 1);
    try {
      const reply = decodeReply(replyOf(scan, tdo));
      if (user1)
        return `a reply decoded on USER1 (${frame.label}): the bridge answered another register`;
      replies.set(key(frame.session, frame.index), reply);
    } catch (e) {
      if (!(e instanceof BridgeProtocolError) || !user1) {
        return `reply during '${frame.label}' (session ${frame.session}, frame ${frame.index}): ${String(e)}`;
      }
    }
  }
  const flaggedOnce = new Set<string>();
  for (const frame of scenario.script.frames()) {
    if (frame.session === 1) continue;
    const own = replies.get(key(frame.session, frame.index));
    if (frame.index < BRIDGE_REPLY_DELAY && own && own.status !== 'none') {
      return `reply during '${frame.label}' after a TAP reset: status ${own.status}, expected none`;
    }
    const flags = FLAGS_AT[frame.label];
    if (flags && !flaggedOnce.has(frame.label)) {
      flaggedOnce.add(frame.label);
      for (const [flag, want] of Object.entries(flags)) {
        const got = own?.[flag as keyof typeof flags];
        if (got !== want)
          return `flag ${flag} captured during '${frame.label}': ${got}, expected ${want}`;
      }
    }
    const reply = replies.get(key(frame.session, frame.index + BRIDGE_REPLY_DELAY));
    if (!frame.expect) continue;
    if (!reply) return `no reply for '${frame.label}'`;
    const where = `'${frame.label}' (session ${frame.session}, frame ${frame.index})`;
    if (reply.status !== frame.expect.status) {
      return `${where}: status ${reply.status}, expected ${frame.expect.status}`;
    }
    if (frame.expect.data !== undefined && reply.data !== frame.expect.data) {
      return `${where}: data ${hex(reply.data)}, expected ${hex(frame.expect.data)}`;
    }
    if (frame.expect.tag !== false && reply.tag !== frame.tag) {
      return `${where}: tag ${reply.tag}, expected ${frame.tag}`;
    }
    if (reply.seq !== frame.index) return `${where}: seq ${reply.seq}, expected ${frame.index}`;
    if (frame.label.startsWith('poll'))
      polls.set(frame.label, [...(polls.get(frame.label) ?? []), reply.data]);
  }
  // Busy then idle; the 37-step run (1,480 core clocks) outlasts a frame at every clock pair.
  for (const [label, states] of polls) {
    const text = states.join('');
    const form = label === 'poll run 37' ? /^1+0+$/ : /^1*0+$/;
    if (!form.test(text)) return `${label}: STATUS read ${text}, expected busy (1) then idle (0)`;
  }
  const list = (xs: { address: number; data: number }[]): string =>
    xs.map((x) => `${hex(x.address)}=${hex(x.data)}`).join(' ');
  if (list(run.writes) !== list(scenario.writes)) {
    return `bus writes: ${list(run.writes)}, expected ${list(scenario.writes)}`;
  }
  if (list(run.reads) !== list(scenario.reads)) {
    return `bus reads: ${list(run.reads)}, expected ${list(scenario.reads)}`;
  }
  if (run.starts.join(',') !== scenario.starts.join(',')) {
    return `core starts: ${run.starts.join(',')}, expected ${scenario.starts.join(',')}`;
  }
  if (run.requestEdges.length !== scenario.busAccesses) {
    return `${run.requestEdges.length} bus strobes, expected ${scenario.busAccesses}`;
  }
  // Two synchroniser flip-flops, then the registered strobe (or the TCK side's take): 3 edges.
  const bad = run.requestEdges.find((n) => n !== 3);
  if (bad !== undefined)
    return `a request reached the bus ${bad} core clock edges after req_toggle, expected 3`;
  const badAck = run.ackEdges.find((n) => n !== 3);
  if (badAck !== undefined)
    return `a result was taken ${badAck} TCK edges after ack_toggle, expected 3`;
  if (run.ackEdges.length < scenario.busAccesses)
    return `only ${run.ackEdges.length} results crossed back`;
  return null;
}
