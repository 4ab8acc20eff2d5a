/**
 * The virtual PYNQ-Z2 behind a software FT2232H: the Zynq chain with its configuration engine,
 * and the USERCODE of the design it holds once DONE is high. `link` is an `MpsseLink` that runs
 * the host's bytes directly (no USB framing); the WebUSB face is built on the same engine.
 */
import type { MpsseLink } from '../jtag/jtag-session.ts';
import { PL_INSTRUCTION } from '../jtag/zynq-chain.ts';
import { VirtualConfigEngine, type ConfigFault } from './config-engine.ts';
import { VirtualMpsse } from './virtual-mpsse.ts';
import type { TapRegister } from './virtual-tap.ts';
import { zynqChain } from './zynq-taps.ts';

export interface VirtualBoardOptions {
  readonly faults?: readonly ConfigFault[];
  /** USERCODE of the design once configured (default: unprogrammed 0xFFFFFFFF). */
  readonly usercode?: number;
  /** TCK clocks JPROGRAM's clearing takes. */
  readonly initDelayTck?: number;
  /** The design's USER1..4 registers (the core's bridge), once configured. */
  readonly userRegister?: (instruction: number) => TapRegister | null;
  /** Test-Logic-Reset of the PL TAP (BSCANE2's RESET: the bridge empties its result slots). */
  readonly onTapReset?: () => void;
  /** JPROGRAM: the PL is cleared, so the next design starts with empty memories. */
  readonly onProgram?: () => void;
}

export class VirtualBoard {
  readonly config: VirtualConfigEngine;
  readonly mpsse: VirtualMpsse;

  constructor(options: VirtualBoardOptions = {}) {
    const config = new VirtualConfigEngine(new Set(options.faults ?? []), options.initDelayTck);
    this.config = config;
    const cfgIn = config.cfgIn();
    const cfgOut = config.cfgOut();
    const { chain } = zynqChain({
      status: () => config.irStatus,
      usercode: () => (config.done ? (options.usercode ?? 0xffffffff) : 0xffffffff),
      register: (i) => {
        if (i === PL_INSTRUCTION.CFG_IN) return cfgIn;
        if (i === PL_INSTRUCTION.CFG_OUT) return cfgOut;
        return config.done ? (options.userRegister?.(i) ?? null) : null;
      },
      onState: (state, instruction) => {
        config.onState(state, instruction);
        if (state === 'test-logic-reset') options.onTapReset?.();
      },
      onInstruction: (instruction) => {
        config.onInstruction(instruction);
        if (instruction === PL_INSTRUCTION.JPROGRAM) options.onProgram?.();
      },
    });
    this.mpsse = new VirtualMpsse(chain);
  }

  /** The host's bytes executed directly; the reply must be exactly what the host expects. */
  readonly link: MpsseLink = {
    exchange: (commands, replyBytes) => {
      const reply = this.mpsse.write(commands);
      if (reply.length !== replyBytes) {
        return Promise.reject(
          new Error(`virtual board: ${reply.length} reply bytes, the host expected ${replyBytes}`),
        );
      }
      return Promise.resolve(reply);
    },
  };
}
