/**
 * The virtual core's bus slave answers as `spikelab_core.v`'s (hdl/README.md, "Core memory
 * map"): every region at its depth, a word written reads back at the memory's width (sign-
 * extended where signed), the `capacity` words are the build's, `run_state` reads and writes t,
 * ext_ptr and overflow; no answer (the bridge's `bus-timeout`) past a region's depth, at an
 * address of no region, for a Loihi region of a core without LOIHI, a bank at or past CHMAX,
 * or a write to a read-only region. A core whose images it could never finish a step of stays
 * busy: STATUS bit 0 reads 1, RUN is `core-busy`, every access `bus-timeout`.
 */
import { describe, expect, it } from 'vitest';
import { BridgeModel } from '../../../src/hdl/bridge-model.ts';
import { BRIDGE_REGISTERS, type BridgeCommand } from '../../../src/hdl/bridge-protocol.ts';
import { type CommandResult, matchReplies, planFrames } from '../../../src/hdl/bridge-session.ts';
import { decodeReply } from '../../../src/hdl/bridge-protocol.ts';
import type { CoreCapacity } from '../../../src/hdl/core-capacity.ts';
import {
  BANK_REGION,
  CAPACITY_WORDS,
  CORE_REGIONS,
  type CoreRegionName,
  bankAddress,
  coreAddress,
} from '../../../src/hdl/core-memory-map.ts';
import { lowBits, rangeWidth, signExtend } from '../../../src/usb/virtual/virtual-core-bits.ts';
import { VirtualBusError, VirtualCore } from '../../../src/usb/virtual/virtual-core.ts';
import { TB_CAPACITY } from '../../hdl/core-cosim.ts';

/** Width and signedness of each region's memory in the RTL at TB_CAPACITY (spikelab_core.v). */
const WIDTHS: Record<CoreRegionName, number> = {
  net: 32,
  pop: 32,
  prj: 32,
  ext: 32,
  v: 24,
  row_start: 14, // log2(SYNMAX 8192) + 1
  row_end: 14,
  syn_target: 8, // log2(NMAX 256)
  syn_weight: 24,
  syn_delay: 8,
  gen_ptr: 10, // log2(GIDXMAX 512) + 1
  gen_idx: 8,
  refr: 16,
  loihi_v: 25,
  loihi_i: 32,
  ext_reg: 32,
  gen_phase: 32,
  spike_count: 9,
  spike_list: 8,
  capacity: 32,
  run_state: 32,
  syn_pre: 30, // ONLINE_O1 = 1 only
  syn_post: 30,
  syn_elig: 30,
  syn_int_weight: 31,
  sc_in_key: 32, // SCCHMAX > 0 only
  sc_w_key: 32,
  sc_in_thr: 25,
  sc_w_thr: 25,
  sc_current: 24,
};

/** `data` as a memory of `width` bits reads it back on the 32-bit bus. */
function readBack(data: number, width: number, signed: boolean): number {
  if (width >= 32) return data >>> 0;
  const low = (data >>> 0) % 2 ** width;
  return (signed && low >= 2 ** (width - 1) ? low - 2 ** width : low) >>> 0;
}

/** Runs `commands` through the software bridge (two NOPs after, the frame-after-next rule). */
function viaBridge(model: BridgeModel, commands: readonly BridgeCommand[]): CommandResult[] {
  const frames = planFrames(commands);
  return matchReplies(
    frames,
    frames.map((f) => decodeReply(model.scan(f.bits))),
  );
}

describe('register widths', () => {
  it("keep the low bits of any integer below 2^53, read unsigned or as two's complement", () => {
    expect([lowBits(-1, 8), lowBits(2 ** 33 + 5, 3), lowBits(-(2 ** 40) - 3, 32)]).toEqual([
      255,
      5,
      2 ** 32 - 3,
    ]);
    expect([
      signExtend(0xffffff, 24),
      signExtend(0x800000, 24),
      signExtend(2 ** 52 + 7, 4),
    ]).toEqual([-1, -8388608, 7]);
    expect([
      signExtend(0xfffffffe, 32),
      signExtend(0x10000, 25),
      signExtend(-(2 ** 24), 25),
    ]).toEqual([-2, 65536, -(2 ** 24)]);
    expect([rangeWidth(-32768, 32767), rangeWidth(-1, 0), rangeWidth(0, 0)]).toEqual([16, 1, null]);
  });
});

describe('the virtual core answers the bus as the RTL does', () => {
  it('every writable region keeps a word at its width; reads sign-extend signed memories', () => {
    const core = new VirtualCore(TB_CAPACITY);
    const data = 0xdeadbeef;
    for (const [name, r] of Object.entries(CORE_REGIONS) as [
      CoreRegionName,
      (typeof CORE_REGIONS)[CoreRegionName],
    ][]) {
      // The learning regions answer only in an ONLINE_O1 = 1 core (TB_CAPACITY has none).
      // The SC regions only in a core with SC layers (SCCHMAX > 0).
      if (!r.writable || name === 'run_state' || 'onlineO1' in r || 'sc' in r) continue;
      const last = r.depth(TB_CAPACITY) - 1;
      for (const index of [0, last]) {
        core.write(coreAddress(name, index, TB_CAPACITY), data);
        expect(core.read(coreAddress(name, index, TB_CAPACITY)), `${name}[${index}]`).toBe(
          readBack(data, WIDTHS[name], r.signed),
        );
      }
    }
    for (let k = 0; k < TB_CAPACITY.CHMAX; k++) {
      core.write(bankAddress(k, 3, TB_CAPACITY), 0x00800001);
      expect(core.read(bankAddress(k, 3, TB_CAPACITY))).toBe(0xff800001);
    }
  });

  it('the capacity words are the build parameters, then zeros; they cannot be written', () => {
    const c: CoreCapacity = { ...TB_CAPACITY, DMAX: 16, EXTMAX: 128 };
    const core = new VirtualCore(c);
    const words = Array.from({ length: 16 }, (_, i) => core.read(coreAddress('capacity', i, c)));
    expect(words).toEqual([256, 8, 16, 8, 16, 8192, 512, 512, 512, 128, 1, 0, 0, 0, 0, 0]);
    expect(CAPACITY_WORDS.slice(0, 11).map((name) => (name === 'LOIHI' ? 1 : c[name]))).toEqual(
      words.slice(0, 11),
    );
    const { LOIHI: _, ...noLoihi } = c;
    expect(new VirtualCore(noLoihi).read(coreAddress('capacity', 10, c))).toBe(0);
    expect(() => core.write(coreAddress('capacity', 0, c), 1)).toThrow(VirtualBusError);
  });

  it('run_state: t (32 bits), ext_ptr (log2(EXTMAX) + 1 bits), overflow (bit 0), word 3 reads 0', () => {
    const core = new VirtualCore(TB_CAPACITY);
    const at = (i: number): number => coreAddress('run_state', i, TB_CAPACITY);
    [0xfffffffe, 0xffffffff, 0xffffffff, 0x1234].forEach((d, i) => core.write(at(i), d));
    expect([0, 1, 2, 3].map((i) => core.read(at(i)))).toEqual([0xfffffffe, 127, 1, 0]);
    // An empty network still counts its steps, and t wraps at 32 bits.
    core.run(3);
    expect(core.read(at(0))).toBe(1);
    core.write(at(2), 0);
    expect(core.read(at(2))).toBe(0);
  });

  it('no answer past a depth, outside every region, for Loihi without LOIHI, or bank >= CHMAX', () => {
    const { LOIHI: _, ...c } = TB_CAPACITY;
    const core = new VirtualCore(c);
    const bad = [
      [(CORE_REGIONS.pop.region << 24) | (c.POPMAX * 32), /word 256 is outside region 'pop'/],
      [(CORE_REGIONS.net.region << 24) | 4, /word 4 is outside region 'net' \(4 words\)/],
      [(CORE_REGIONS.capacity.region << 24) | 16, /outside region 'capacity'/],
      [(CORE_REGIONS.run_state.region << 24) | 4, /outside region 'run_state'/],
      [CORE_REGIONS.loihi_v.region << 24, /no region 0xd/],
      [CORE_REGIONS.loihi_i.region << 24, /no region 0xe/],
      [0x15 << 24, /no region 0x15/],
      [(BANK_REGION + c.CHMAX) << 24, /no region 0x28/],
      [((BANK_REGION + 1) << 24) | c.NMAX, /outside region 'bank 1'/],
    ] as const;
    for (const [address, message] of bad) {
      expect(() => core.read(address), address.toString(16)).toThrow(message);
      expect(() => core.write(address, 0), address.toString(16)).toThrow(VirtualBusError);
    }
    for (const name of ['spike_count', 'spike_list', 'capacity'] as const) {
      expect(() => core.write(coreAddress(name, 0, c), 0)).toThrow(
        new RegExp(`region '${name}' is read-only`),
      );
    }
  });

  it('through the software bridge a refused access is bus-timeout, a good one ok', () => {
    const core = new VirtualCore(TB_CAPACITY);
    const model = new BridgeModel(core);
    const results = viaBridge(model, [
      { op: 'write', address: coreAddress('v', 5, TB_CAPACITY), data: 0xffffff },
      { op: 'read', address: coreAddress('v', 5, TB_CAPACITY) },
      { op: 'write', address: coreAddress('spike_list', 0, TB_CAPACITY), data: 1 },
      { op: 'read', address: (CORE_REGIONS.v.region << 24) | TB_CAPACITY.NMAX },
      { op: 'read', address: BRIDGE_REGISTERS.id },
    ]);
    expect(results.map((r) => [r.status, r.data])).toEqual([
      ['ok', 0],
      ['ok', 0xffffffff],
      ['bus-timeout', 0],
      ['bus-timeout', 0],
      ['ok', 0x534c0001],
    ]);
  });

  it('images whose step never ends leave the core busy: RUN core-busy, accesses bus-timeout', () => {
    const core = new VirtualCore(TB_CAPACITY);
    // More populations than the core's counter can reach (2 * POPMAX).
    core.write(coreAddress('net', 0, TB_CAPACITY), 2 * TB_CAPACITY.POPMAX);
    const model = new BridgeModel(core);
    const [idle, run, busy, again, read] = viaBridge(model, [
      { op: 'read', address: BRIDGE_REGISTERS.status },
      { op: 'run', steps: 1 },
      { op: 'read', address: BRIDGE_REGISTERS.status },
      { op: 'run', steps: 1 },
      { op: 'read', address: coreAddress('net', 0, TB_CAPACITY) },
    ]);
    expect([idle?.data, run?.status, busy?.data]).toEqual([0, 'ok', 1]);
    expect(core.busyForever).toMatch(/net word 0 asks for 16 populations; the core counts to 15/);
    expect([again?.status, read?.status]).toEqual(['core-busy', 'bus-timeout']);
  });

  it('refuses a capacity the RTL would not elaborate', () => {
    expect(() => new VirtualCore({ ...TB_CAPACITY, NMAX: 200 })).toThrow(
      /NMAX = 200 is not a power of two of at least 2/,
    );
    expect(() => new VirtualCore({ ...TB_CAPACITY, CHMAX: 17 })).toThrow(/CHMAX = 17/);
  });
});
