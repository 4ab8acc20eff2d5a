/**
 * One device's TAP as the chip has it: the IEEE 1149.1 state machine (`jtag/tap-state.ts`, the
 * same table the host uses), an instruction register, and data registers selected by the
 * instruction. On each rising TCK edge the current state acts (Capture loads, Shift shifts TDI
 * in, Update commits) and then TMS moves the state; TDO presents the shift register's bit 0
 * while in a Shift state. Devices plug their own registers in through `TapRegister`.
 */
import { nextTapState, type TapState } from '../jtag/tap-state.ts';

/**
 * A data register behind an instruction, bit by bit: Capture-DR calls `capture`, each Shift-DR
 * clock `shift` (TDI in, and the bit TDO showed before the edge is `out()`), Update-DR
 * `update`. Streaming, so a configuration register can take megabits without holding them.
 */
export interface TapRegister {
  capture(): void;
  /** The bit on TDO now (before the next rising edge). */
  out(): 0 | 1;
  shift(tdi: 0 | 1): void;
  update(): void;
}

/**
 * A fixed-length register: `read` gives the value Capture-DR loads (bit 0 shifted out first),
 * `write` receives the value at Update-DR.
 */
export function fixedRegister(
  length: number,
  read: () => bigint,
  write: (value: bigint) => void = () => undefined,
): TapRegister {
  let value = 0n;
  const top = BigInt(length - 1);
  return {
    capture: () => {
      value = read() & ((1n << BigInt(length)) - 1n);
    },
    out: () => Number(value & 1n) as 0 | 1,
    shift: (tdi) => {
      value = (value >> 1n) | (BigInt(tdi) << top);
    },
    update: () => write(value),
  };
}

/** The 1-bit BYPASS register: captures 0, ignores updates. */
export function bypassRegister(): TapRegister {
  return fixedRegister(1, () => 0n);
}

/** A read-only 32-bit register (IDCODE, USERCODE). */
export function constantRegister(value: number): TapRegister {
  return fixedRegister(32, () => BigInt(value >>> 0));
}

export interface VirtualTapOptions {
  readonly irLength: number;
  /** The instruction selected by Test-Logic-Reset (IDCODE). */
  readonly resetInstruction: number;
  /** The value Capture-IR loads (bits 1:0 are 01 by the standard). */
  readonly irCapture: () => number;
  /** The data register of an instruction (a device returns `bypassRegister()` for unknown ones). */
  readonly register: (instruction: number) => TapRegister;
  /** Called at Update-IR and whenever the state changes (a device acts on Run-Test/Idle). */
  readonly onInstruction?: (instruction: number) => void;
  readonly onState?: (state: TapState, instruction: number) => void;
}

export class VirtualTap {
  private tapState: TapState = 'test-logic-reset';
  private instruction: number;
  private readonly ir: TapRegister;
  private irValue = 0n;
  private selected: TapRegister;

  constructor(private readonly options: VirtualTapOptions) {
    this.instruction = options.resetInstruction;
    this.selected = options.register(this.instruction);
    this.ir = fixedRegister(
      options.irLength,
      () => BigInt(options.irCapture()),
      (value) => (this.irValue = value),
    );
  }

  get state(): TapState {
    return this.tapState;
  }

  get currentInstruction(): number {
    return this.instruction;
  }

  /** The bit this TAP presents on TDO before the next rising edge. */
  tdo(): 0 | 1 {
    if (this.tapState === 'shift-ir') return this.ir.out();
    if (this.tapState === 'shift-dr') return this.selected.out();
    return 0;
  }

  /** One rising TCK edge with these TMS and TDI. */
  clock(tms: 0 | 1, tdi: 0 | 1): void {
    const o = this.options;
    switch (this.tapState) {
      case 'test-logic-reset':
        this.instruction = o.resetInstruction;
        this.selected = o.register(this.instruction);
        break;
      case 'capture-ir':
        this.ir.capture();
        break;
      case 'capture-dr':
        this.selected.capture();
        break;
      case 'shift-ir':
        this.ir.shift(tdi);
        break;
      case 'shift-dr':
        this.selected.shift(tdi);
        break;
      case 'update-ir':
        this.ir.update();
        this.instruction = Number(this.irValue);
        this.selected = o.register(this.instruction);
        o.onInstruction?.(this.instruction);
        break;
      case 'update-dr':
        this.selected.update();
        break;
      case 'run-test-idle':
      case 'select-dr':
      case 'select-ir':
      case 'exit1-dr':
      case 'exit1-ir':
      case 'exit2-dr':
      case 'exit2-ir':
      case 'pause-dr':
      case 'pause-ir':
        break; // these states move on without acting on a register
    }
    const next = nextTapState(this.tapState, tms);
    this.tapState = next;
    o.onState?.(next, this.instruction);
  }
}

/**
 * Devices in a chain, TDI -> devices[0] -> ... -> devices[n-1] -> TDO. Each clock, each device
 * takes the TDO its upstream neighbour presented before the edge.
 */
export class VirtualChain {
  /** Each device's TDO before the edge; reused, since this runs once per TCK (megabits). */
  private readonly outs: (0 | 1)[];

  constructor(readonly devices: readonly VirtualTap[]) {
    this.outs = devices.map(() => 0);
  }

  /** One TCK: returns the TDO the host samples on this rising edge. */
  clock(tms: 0 | 1, tdi: 0 | 1): 0 | 1 {
    const { devices, outs } = this;
    const n = devices.length;
    for (let i = 0; i < n; i += 1) outs[i] = (devices[i] as VirtualTap).tdo();
    let input = tdi;
    for (let i = 0; i < n; i += 1) {
      (devices[i] as VirtualTap).clock(tms, input);
      input = outs[i] ?? 0;
    }
    return n === 0 ? tdi : input;
  }
}
