/**
 * The core's register bridge as a JTAG user register of the virtual PL: Capture-DR loads the
 * bridge model's reply, Shift-DR moves it out as the next frame comes in, Update-DR executes
 * the frame (`src/hdl/bridge-model.ts`, the software twin of `hdl/host_bridge.v`).
 */
import { BRIDGE_FRAME_BITS } from '../../hdl/bridge-protocol.ts';
import type { BridgeModel } from '../../hdl/bridge-model.ts';
import type { TapRegister } from './virtual-tap.ts';

export function bridgeRegister(model: BridgeModel): TapRegister {
  const register = new Uint8Array(BRIDGE_FRAME_BITS);
  let shifted = 0;
  return {
    capture: () => {
      register.set(model.captureReply());
      shifted = 0;
    },
    out: () => (register[0] === 1 ? 1 : 0),
    shift: (tdi) => {
      register.copyWithin(0, 1);
      register[BRIDGE_FRAME_BITS - 1] = tdi;
      shifted += 1;
    },
    update: () => model.updateFrame(register.slice(), shifted),
  };
}
