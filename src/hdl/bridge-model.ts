/**
 * A software register bridge: what `hdl/host_bridge.v` does with each frame, for a virtual board
 * (issue 9) that answers the host's JTAG scans without RTL. Commands execute at once (so it never
 * answers `pending`, `overrun` or `aborted`; `bus-timeout` and `core-busy` only where the
 * backend throws `VirtualBusError`); everything else (the checks in the RTL's order, the control
 * page, the two result slots of the frame-after-next rule, sequence numbers, TAP reset) follows
 * the RTL, and tests/hdl compares the two reply by reply.
 */
import {
  BRIDGE_CONTROL,
  BRIDGE_FRAME_BITS,
  BRIDGE_ID_MAGIC,
  BRIDGE_OPCODES,
  BRIDGE_PROTOCOL_VERSION,
  BRIDGE_REGISTERS,
  type BridgeStatus,
  type Bits,
  decodeFields,
  encodeReply,
} from './bridge-protocol.ts';

/** What sits behind the bridge: the core's memories and its step control. */
export interface BridgeBackend {
  /** @throws VirtualBusError where the core's bus would not answer (`bus-timeout`). */
  read(address: number): number;
  /** @throws VirtualBusError where the core's bus would not answer (`bus-timeout`). */
  write(address: number, data: number): void;
  /**
   * Runs `steps` steps to completion; the model counts them.
   *
   * @throws VirtualBusError when the core cannot start (`core-busy`).
   */
  run(steps: number): void;
  /** A core that never finished its last run (STATUS bit 0); absent: always idle. */
  busy?(): boolean;
}

/**
 * A backend's "the core would not answer this": an address outside the map, a read-only
 * region, or a core still running. The RTL leaves `bus_ready` low and the bridge answers
 * `bus-timeout` (RUN: `core-busy`); the model does the same with this error.
 */
export class VirtualBusError extends Error {
  override name = 'VirtualBusError';
}

interface Slot {
  status: BridgeStatus;
  tag: number;
  seq: number;
  data: number;
}

const EMPTY: Slot = { status: 'none', tag: 0, seq: 0, data: 0 };
const CTRL_PAGE = BRIDGE_REGISTERS.id >>> 8;

export class BridgeModel {
  private a: Slot = EMPTY;
  private b: Slot = EMPTY;
  private seq = 0;
  private stepCount = 0;
  private runSteps = 0;
  private scratch = 0;

  constructor(private readonly backend: BridgeBackend) {}

  /** Test-Logic-Reset: the result slots and the sequence number start again. */
  tapReset(): void {
    this.a = EMPTY;
    this.b = EMPTY;
    this.seq = 0;
  }

  /**
   * One DR scan of the bridge's register: returns the reply loaded at Capture-DR, then takes the
   * last 88 of the `tdi` bits shifted (fewer than 88: `bad-length`) at Update-DR.
   */
  scan(tdi: Bits): Bits {
    const out = this.captureReply();
    const frame = new Uint8Array(BRIDGE_FRAME_BITS);
    // The register shifts right: the last bits shifted in end at the bottom; old reply bits stay
    // at the top when fewer than 88 are shifted.
    const kept = Math.min(tdi.length, BRIDGE_FRAME_BITS);
    frame.set(out.subarray(kept), 0);
    frame.set(tdi.subarray(tdi.length - kept), BRIDGE_FRAME_BITS - kept);
    this.update(frame, tdi.length >= BRIDGE_FRAME_BITS);
    return tdi.length >= BRIDGE_FRAME_BITS ? out : out.subarray(0, tdi.length);
  }

  /** The 88 reply bits Capture-DR loads (a TAP model that shifts bit by bit starts here). */
  captureReply(): Bits {
    return encodeReply({ ...this.b, coreBusy: false, outstanding: false });
  }

  /**
   * Update-DR of a bit-by-bit scan: `frame` is the register's 88 bits, `shifted` how many
   * clocks the scan had (fewer than 88 is `bad-length`).
   */
  updateFrame(frame: Bits, shifted: number): void {
    this.update(frame, shifted >= BRIDGE_FRAME_BITS);
  }

  private update(bits: Bits, fullLength: boolean): void {
    const f = decodeFields(bits);
    let status: BridgeStatus;
    let data = 0;
    if (!fullLength) status = 'bad-length';
    else if (!f.ok) status = 'bad-check';
    else if (f.version !== BRIDGE_PROTOCOL_VERSION) status = 'bad-version';
    else if (f.opcode > BRIDGE_OPCODES.run) status = 'bad-opcode';
    else [status, data] = this.execute(f.opcode, f.address, f.data);
    this.b = this.a;
    this.a = { status, tag: f.tag, seq: this.seq, data };
    this.seq = (this.seq + 1) & 0xff;
  }

  private execute(opcode: number, address: number, value: number): [BridgeStatus, number] {
    const control = address >>> 8 === CTRL_PAGE;
    if (opcode === BRIDGE_OPCODES.nop) return ['ok', 0];
    if (opcode === BRIDGE_OPCODES.run) return this.start(value, true);
    if (opcode === BRIDGE_OPCODES.read) {
      if (!control) return this.bus(() => this.backend.read(address) >>> 0);
      switch (address) {
        case BRIDGE_REGISTERS.id:
          return ['ok', ((BRIDGE_ID_MAGIC << 16) | BRIDGE_PROTOCOL_VERSION) >>> 0];
        case BRIDGE_REGISTERS.status:
          return ['ok', this.backend.busy?.() === true ? 1 : 0];
        case BRIDGE_REGISTERS.stepCount:
          return ['ok', this.stepCount];
        case BRIDGE_REGISTERS.runSteps:
          return ['ok', this.runSteps];
        case BRIDGE_REGISTERS.scratch:
          return ['ok', this.scratch];
        default:
          return ['bad-address', 0];
      }
    }
    if (!control) return this.bus(() => (this.backend.write(address, value), 0));
    switch (address) {
      case BRIDGE_REGISTERS.runSteps:
        this.runSteps = value;
        return ['ok', 0];
      case BRIDGE_REGISTERS.scratch:
        this.scratch = value;
        return ['ok', 0];
      case BRIDGE_REGISTERS.control: {
        const result: [BridgeStatus, number] =
          value & BRIDGE_CONTROL.start ? this.start(this.runSteps, false) : ['ok', 0];
        if (value & BRIDGE_CONTROL.clearStepCount) this.stepCount = 0;
        return result;
      }
      default:
        return ['bad-address', 0];
    }
  }

  /** A bus access: the backend's VirtualBusError is the RTL's `bus-timeout`. */
  private bus(access: () => number): [BridgeStatus, number] {
    try {
      return ['ok', access()];
    } catch (error) {
      if (error instanceof VirtualBusError) return ['bus-timeout', 0];
      throw error;
    }
  }

  /** Starts the core (it runs to completion here); the reply carries STEP_COUNT before. */
  private start(steps: number, setRunSteps: boolean): [BridgeStatus, number] {
    if (setRunSteps) this.runSteps = steps;
    const before = this.stepCount;
    try {
      this.backend.run(steps);
    } catch (error) {
      if (error instanceof VirtualBusError) return ['core-busy', 0];
      throw error;
    }
    this.stepCount = (this.stepCount + steps) >>> 0;
    return ['ok', before];
  }
}
