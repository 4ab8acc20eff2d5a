/**
 * The register bridge as JTAG scans: which instruction selects it (USER1..4 on the 7-series PL
 * TAP), how its frames are padded for the other devices on the chain (the Zynq's ARM DAP sits
 * between TDI and the PL), and, as a reference for a JTAG layer or a virtual board, the TMS/TDI
 * value of every TCK cycle that performs those scans from Run-Test/Idle.
 */
import { BRIDGE_FRAME_BITS, type Bits } from './bridge-protocol.ts';

/** The PL TAP's instruction length and its USER instructions (UG470). */
export const PL_IR_BITS = 6;
export const PL_USER_IR = { 1: 0x02, 2: 0x03, 3: 0x22, 4: 0x23 } as const;
export type UserRegister = keyof typeof PL_USER_IR;

/** Where the PL TAP sits on the chain: the other devices, all kept in BYPASS. */
export interface ChainPosition {
  /** Devices between the PL and TDO (their bits come out first), and their IR bits in all. */
  tdoSideDevices: number;
  tdoSideIrBits: number;
  /** Devices between TDI and the PL (their bits are shifted in last), and their IR bits. */
  tdiSideDevices: number;
  tdiSideIrBits: number;
}

/** Zynq-7000: TDI -> ARM DAP (IR 4 bits) -> PL TAP -> TDO. */
export const ZYNQ_7000_PL: ChainPosition = {
  tdoSideDevices: 0,
  tdoSideIrBits: 0,
  tdiSideDevices: 1,
  tdiSideIrBits: 4,
};

/** One scan from Run-Test/Idle back to Run-Test/Idle, or idle clocks in Run-Test/Idle. */
export type JtagScan = IrScan | DrScan | { kind: 'idle'; clocks: number };
/** An IR scan: `tdi` in shift order, for the whole chain. */
export interface IrScan {
  kind: 'ir';
  tdi: Bits;
}
/** A DR scan: `tdi` in shift order for the whole chain; `read` locates the PL's bits in TDO. */
export interface DrScan {
  kind: 'dr';
  tdi: Bits;
  read: { offset: number; length: number };
}

function bitsOf(value: number, width: number): number[] {
  return Array.from({ length: width }, (_, i) => (value >> i) & 1);
}

/** The IR scan that puts the PL TAP on USER`user` and every other device in BYPASS. */
export function userIrScan(user: UserRegister, chain: ChainPosition = ZYNQ_7000_PL): IrScan {
  const ones = (n: number): number[] => Array.from({ length: n }, () => 1);
  const tdi = [
    ...ones(chain.tdoSideIrBits),
    ...bitsOf(PL_USER_IR[user], PL_IR_BITS),
    ...ones(chain.tdiSideIrBits),
  ];
  return { kind: 'ir', tdi: Uint8Array.from(tdi) };
}

/** The DR scan of one frame, padded for the bypassed devices; `read` locates the reply. */
export function frameDrScan(frame: Bits, chain: ChainPosition = ZYNQ_7000_PL): DrScan {
  if (frame.length !== BRIDGE_FRAME_BITS) {
    throw new RangeError(`frameDrScan: ${frame.length} bits, expected ${BRIDGE_FRAME_BITS}`);
  }
  const tdi = new Uint8Array(chain.tdoSideDevices + frame.length + chain.tdiSideDevices);
  tdi.set(frame, chain.tdoSideDevices);
  return { kind: 'dr', tdi, read: { offset: chain.tdoSideDevices, length: frame.length } };
}

/**
 * The scans that send `frames` to the bridge on USER`user`: the IR scan, then one DR scan per
 * frame, each followed by `idleClocks` in Run-Test/Idle.
 *
 * @example bridgeScans(planFrames(cmds).map((f) => f.bits), { user: 1 })
 */
export function bridgeScans(
  frames: readonly Bits[],
  options: { user: UserRegister; chain?: ChainPosition; idleClocks?: number },
): JtagScan[] {
  const chain = options.chain ?? ZYNQ_7000_PL;
  const idle = options.idleClocks ?? 0;
  return [
    userIrScan(options.user, chain),
    ...frames.flatMap((f): JtagScan[] => [
      frameDrScan(f, chain),
      ...(idle > 0 ? [{ kind: 'idle', clocks: idle } as const] : []),
    ]),
  ];
}

/** The bridge's reply in the TDO bits of a DR scan (as many bits as the scan shifted). */
export function replyOf(scan: JtagScan, tdo: Bits): Bits {
  if (scan.kind !== 'dr')
    throw new Error(`replyOf: only a DR scan carries a reply, not ${scan.kind}`);
  if (tdo.length !== scan.tdi.length) {
    throw new RangeError(`replyOf: ${tdo.length} TDO bits for a ${scan.tdi.length}-bit scan`);
  }
  return tdo.slice(scan.read.offset, scan.read.offset + scan.read.length);
}

/** One TCK cycle: TMS and TDI as set while TCK is low, sampled by the TAP on its rising edge. */
export interface PinCycle {
  tms: number;
  tdi: number;
}

/**
 * Every TCK cycle of `scans`, starting in Run-Test/Idle (after five TMS=1 cycles and one TMS=0
 * when `reset`), with, per scan, the index of the cycle whose rising edge shifts its first bit:
 * TDO read at that edge and the following ones is what the scan shifts out.
 */
export function scansToPins(
  scans: readonly JtagScan[],
  reset = false,
): { pins: PinCycle[]; shiftStarts: number[] } {
  const pins: PinCycle[] = [];
  const tms = (...values: number[]): void => {
    for (const v of values) pins.push({ tms: v, tdi: 0 });
  };
  if (reset) tms(1, 1, 1, 1, 1, 0);
  const shiftStarts: number[] = [];
  for (const scan of scans) {
    if (scan.kind === 'idle') {
      shiftStarts.push(-1);
      tms(...Array.from({ length: scan.clocks }, () => 0));
      continue;
    }
    // Run-Test/Idle -> Select-DR (-> Select-IR) -> Capture -> Shift.
    if (scan.kind === 'ir') tms(1, 1, 0, 0);
    else tms(1, 0, 0);
    shiftStarts.push(pins.length);
    // The last bit leaves Shift with TMS=1 (Exit1), then Update and back to Run-Test/Idle.
    scan.tdi.forEach((b, i) => pins.push({ tms: i === scan.tdi.length - 1 ? 1 : 0, tdi: b }));
    tms(1, 0);
  }
  return { pins, shiftStarts };
}
