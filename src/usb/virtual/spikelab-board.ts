/**
 * The virtual PYNQ-Z2 holding a Spikelab bitstream (issue 9's "Demo board"): once configured,
 * its USERCODE names a Spikelab core of this version and its USER1 register is the core's
 * register bridge (`BridgeModel`) in front of the virtual core (`VirtualCore`), the engine's
 * step at the bitstream's capacity. Each configuration gets a fresh, empty core, as a real
 * FPGA does: JPROGRAM clears the PL, and a replugged (power-cycled) board must be uploaded to
 * again before USER1 answers.
 */
import { BOARD_CAPACITY } from '../../hdl/board-capacity.ts';
import { BridgeModel } from '../../hdl/bridge-model.ts';
import type { CoreCapacity } from '../../hdl/core-capacity.ts';
import { SPIKELAB_USERCODE } from '../board/usercode.ts';
import { PL_INSTRUCTION } from '../jtag/zynq-chain.ts';
import { bridgeRegister } from './bridge-register.ts';
import type { ConfigFault } from './config-engine.ts';
import type { VirtualBoardOptions } from './virtual-board.ts';
import { VirtualCore } from './virtual-core.ts';
import { type UsbFaults, VirtualUsbDevice } from './virtual-usb-device.ts';

/**
 * The capacity the demo board's "bitstream" holds: the board build's (`BOARD_CAPACITY`), which
 * has the Loihi pass, the learning pass and integer SC layers, so one board runs them all.
 */
export const DEMO_BOARD_CAPACITY: Readonly<CoreCapacity> = BOARD_CAPACITY;

/** The options of a virtual board with a Spikelab core, and the core configured now. */
export interface SpikelabBoardOptions extends VirtualBoardOptions {
  /** The core behind USER1 since the last JPROGRAM (tests and the demo look at it). */
  readonly core: () => VirtualCore;
}

/**
 * Options for `VirtualBoard` / `VirtualUsbDevice`: a Spikelab core of `capacity` behind USER1.
 *
 * @example new VirtualUsbDevice(spikelabVirtualBoard())
 */
export function spikelabVirtualBoard(
  capacity: Readonly<CoreCapacity> = DEMO_BOARD_CAPACITY,
  faults: readonly ConfigFault[] = [],
): SpikelabBoardOptions {
  let core = new VirtualCore(capacity);
  let model = new BridgeModel(core);
  let register = bridgeRegister(model);
  return {
    usercode: SPIKELAB_USERCODE,
    faults,
    userRegister: (instruction) => (instruction === PL_INSTRUCTION.USER1 ? register : null),
    onTapReset: () => model.tapReset(),
    onProgram: () => {
      core = new VirtualCore(capacity);
      model = new BridgeModel(core);
      register = bridgeRegister(model);
    },
    core: () => core,
  };
}

/**
 * The demo board as WebUSB sees it: an FT2232H in front of a PYNQ-Z2 that a Spikelab bitstream
 * configures (`faults`: the configuration engine's, e.g. DONE never rising; `usb`: unplug,
 * stall, hang).
 */
export function spikelabDemoDevice(
  options: {
    capacity?: Readonly<CoreCapacity>;
    faults?: readonly ConfigFault[];
    usb?: UsbFaults;
  } = {},
): VirtualUsbDevice {
  return new VirtualUsbDevice(
    spikelabVirtualBoard(options.capacity, options.faults),
    options.usb ?? {},
  );
}
