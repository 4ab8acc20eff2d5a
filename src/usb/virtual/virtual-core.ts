/**
 * The virtual board's Spikelab core (issue 9): a TypeScript twin of `hdl/spikelab_core.v` built
 * with BUS = 1, behind the software register bridge (`BridgeModel`). Its memories answer the
 * bus as the RTL's do (`virtual-core-memory.ts`) and `run(steps)` runs the core's phases over
 * them (`virtual-core-step.ts`), which are the engine's step: the same integer functions, in
 * the same order. `t`, the stimulus pointer and the Loihi overflow flag carry over from one
 * run to the next (a host runs a network in chunks); `coreLoadWrites` zeroes them.
 */
import { type BridgeBackend, VirtualBusError } from '../../hdl/bridge-model.ts';
import type { CoreCapacity } from '../../hdl/core-capacity.ts';
import { CoreMemory } from './virtual-core-memory.ts';
import { coreStep } from './virtual-core-step.ts';

export { VirtualBusError } from '../../hdl/bridge-model.ts';
export { VirtualCoreError } from './virtual-core-pass.ts';

export class VirtualCore implements BridgeBackend {
  readonly memory: CoreMemory;
  /** Why the core would be running forever (an image it cannot finish a step of), or null. */
  private stuck: string | null = null;

  /**
   * An empty core (every memory 0) of capacity `capacity`, as a freshly configured bitstream.
   *
   * @example new VirtualCore(BOARD_CAPACITY).read(0x13 << 24) // NMAX
   */
  constructor(capacity: Readonly<CoreCapacity>) {
    this.memory = new CoreMemory(capacity);
  }

  /** Why the core is still busy (it never answers again), or null. */
  get busyForever(): string | null {
    return this.stuck;
  }

  /** STATUS bit 0: only a core stuck in a step it can never finish is busy between calls. */
  busy(): boolean {
    return this.stuck !== null;
  }

  /** @throws VirtualBusError where the RTL's bus slave would not answer. */
  read(address: number): number {
    this.idle();
    return this.memory.read(address);
  }

  /** @throws VirtualBusError where the RTL's bus slave would not answer. */
  write(address: number, data: number): void {
    this.idle();
    this.memory.write(address, data);
  }

  /**
   * Runs `steps` more steps (mod 2^32) from the current t.
   *
   * @throws VirtualBusError when the core is still busy (the bridge answers `core-busy`);
   *   VirtualCoreError for bounds that the engine's functions do not define.
   */
  run(steps: number): void {
    this.idle();
    for (let n = 0; n < steps >>> 0; n++) {
      this.stuck = coreStep(this.memory);
      if (this.stuck !== null) return;
    }
  }

  private idle(): void {
    if (this.stuck !== null) {
      throw new VirtualBusError(`the core is still running: ${this.stuck}`);
    }
  }
}
