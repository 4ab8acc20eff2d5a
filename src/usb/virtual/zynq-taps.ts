/**
 * The PYNQ-Z2's JTAG chain in software: the Zynq PS's ARM DAP (IR 4 bits, IDCODE 0x4BA00477)
 * and the PL TAP (IR 6 bits, IDCODE 0x?3727093) behind it, TDI -> DAP -> PL -> TDO. The PL's
 * configuration and user registers are supplied by the virtual board (`PlHooks`), so this file
 * knows only the chain and the instruction codes.
 */
import { PL_INSTRUCTION, PL_IR_LENGTH, DAP_IR_LENGTH } from '../jtag/zynq-chain.ts';
import {
  bypassRegister,
  constantRegister,
  VirtualChain,
  VirtualTap,
  type TapRegister,
} from './virtual-tap.ts';
import type { TapState } from '../jtag/tap-state.ts';

/** The ARM DAP's IDCODE and its 4-bit IDCODE / BYPASS instructions (ARM ADIv5). */
export const DAP_IDCODE = 0x4ba00477;
const DAP_IDCODE_INSTRUCTION = 0b1110;

/** This board's PL silicon revision (the top nibble; hosts must mask it). */
export const PL_IDCODE = 0x13727093;

export interface PlHooks {
  /** IR capture bits 5:2 (DONE, INIT, ISC_ENABLED, ISC_DONE); bits 1:0 are added as 01. */
  readonly status: () => number;
  readonly usercode: () => number;
  /** Registers of CFG_IN, CFG_OUT and USER1..4, when the device has them now. */
  readonly register: (instruction: number) => TapRegister | null;
  /** Every TCK's new state with the current instruction (JPROGRAM/JSTART act in Idle). */
  readonly onState?: (state: TapState, instruction: number) => void;
  readonly onInstruction?: (instruction: number) => void;
}

export function zynqChain(pl: PlHooks): { chain: VirtualChain; dap: VirtualTap; pl: VirtualTap } {
  const dapIdcode = constantRegister(DAP_IDCODE);
  const dapBypass = bypassRegister();
  const dap = new VirtualTap({
    irLength: DAP_IR_LENGTH,
    resetInstruction: DAP_IDCODE_INSTRUCTION,
    irCapture: () => 0b0001,
    register: (i) => (i === DAP_IDCODE_INSTRUCTION ? dapIdcode : dapBypass),
  });
  const plIdcode = constantRegister(PL_IDCODE);
  const plBypass = bypassRegister();
  const plTap = new VirtualTap({
    irLength: PL_IR_LENGTH,
    resetInstruction: PL_INSTRUCTION.IDCODE,
    irCapture: () => (pl.status() & 0b111100) | 0b01,
    register: (i) => {
      if (i === PL_INSTRUCTION.IDCODE) return plIdcode;
      if (i === PL_INSTRUCTION.USERCODE) return constantRegister(pl.usercode());
      return pl.register(i) ?? plBypass;
    },
    ...(pl.onState === undefined ? {} : { onState: pl.onState }),
    ...(pl.onInstruction === undefined ? {} : { onInstruction: pl.onInstruction }),
  });
  // TDI enters the DAP first; the PL is nearest TDO.
  return { chain: new VirtualChain([dap, plTap]), dap, pl: plTap };
}
