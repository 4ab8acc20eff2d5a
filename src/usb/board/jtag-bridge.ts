/**
 * The host side of the core's register bridge over JTAG (protocol in `src/hdl/bridge-*.ts`,
 * documented in hdl/README.md): select USERn on the PL, then one 88-bit DR scan per frame
 * through the bypassed DAP, all frames of a call in one USB batch, replies matched by the
 * frame-after-next rule and checked by tag.
 */
import {
  BRIDGE_FRAME_BITS,
  type BridgeCommand,
  BridgeProtocolError,
  decodeReply,
  packBits,
  unpackBits,
} from '../../hdl/bridge-protocol.ts';
import { PL_USER_IR, type UserRegister } from '../../hdl/bridge-jtag.ts';
import {
  type CommandResult,
  expectOk,
  matchReplies,
  planFrames,
} from '../../hdl/bridge-session.ts';
import type { JtagSession } from '../jtag/jtag-session.ts';
import { plBits, plData, plInstruction } from '../jtag/zynq-chain.ts';

export class JtagBridge {
  private tag = 0;

  constructor(
    private readonly session: JtagSession,
    private readonly user: UserRegister = 1,
  ) {}

  /**
   * Execute `commands` in order; every one must succeed.
   *
   * @throws BridgeProtocolError naming the command and its status, or a lost scan.
   */
  async execute(commands: readonly BridgeCommand[]): Promise<CommandResult[]> {
    const frames = planFrames(commands, this.tag);
    this.tag = (this.tag + frames.length) & 0xff;
    const { value: handles, tdo } = await this.session.batch((w) => {
      plInstruction(w, PL_USER_IR[this.user], false);
      return frames.map((f) => plData(w, packBits(f.bits), BRIDGE_FRAME_BITS, true));
    });
    const replies = handles.map((h) => {
      try {
        return decodeReply(unpackBits(plBits(tdo(h), BRIDGE_FRAME_BITS), BRIDGE_FRAME_BITS));
      } catch (error) {
        throw new BridgeProtocolError(
          `no Spikelab core answers on USER${this.user} (the FPGA holds another design, or none): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
    return matchReplies(frames, replies).map(expectOk);
  }

  /** Read one 32-bit word. */
  async read(address: number): Promise<number> {
    const [result] = await this.execute([{ op: 'read', address }]);
    return result?.data ?? 0;
  }
}
