/**
 * A connected PYNQ-Z2: the FT2232H in MPSSE mode, the JTAG session, and what the board is
 * (the chain, DONE/INIT, the USERCODE and the core it names). Both the CLI and the page's
 * worker use this; only where the `UsbDeviceLike` comes from differs.
 */
import { FtdiMpsse, type FtdiOptions } from '../ftdi/ftdi-mpsse.ts';
import { numberFromBits } from '../jtag/bit-vector.ts';
import { type ChainDevice, parseIdcodeScan, queueIdcodeScan } from '../jtag/chain-scan.ts';
import { JtagSession } from '../jtag/jtag-session.ts';
import {
  checkZynqChain,
  IR_CAPTURE,
  PL_INSTRUCTION,
  plBits,
  plData,
  plInstruction,
} from '../jtag/zynq-chain.ts';
import type { UsbDeviceLike } from '../transport/usb-device.ts';
import type { CheckedBitstream } from '../xilinx7/check-bitstream.ts';
import { programBitstream, type ProgramOptions } from '../xilinx7/program.ts';
import { type CoreIdentity, identifyUsercode } from './usercode.ts';

export interface BoardStatus {
  readonly product: string;
  readonly serial: string;
  readonly tckHz: number;
  readonly chain: readonly ChainDevice[];
  readonly done: boolean;
  readonly init: boolean;
  readonly usercode: number;
  readonly identity: CoreIdentity;
}

export class BoardConnection {
  private constructor(
    private readonly device: UsbDeviceLike,
    readonly ftdi: FtdiMpsse,
    readonly session: JtagSession,
  ) {}

  /**
   * Open the board and check its JTAG chain is a PYNQ-Z2's.
   *
   * @throws UsbTransferError (access, busy, unplugged, time-out) or Error naming the chain found.
   */
  static async open(device: UsbDeviceLike, options: FtdiOptions = {}): Promise<BoardConnection> {
    const ftdi = await FtdiMpsse.open(device, options);
    const connection = new BoardConnection(device, ftdi, new JtagSession(ftdi));
    try {
      const { value, tdo } = await connection.session.batch((w) => queueIdcodeScan(w));
      checkZynqChain(parseIdcodeScan(tdo(value)));
    } catch (error) {
      await ftdi.close();
      throw error;
    }
    return connection;
  }

  async status(): Promise<BoardStatus> {
    const { value: idHandle, tdo: idTdo } = await this.session.batch((w) => queueIdcodeScan(w));
    const chain = parseIdcodeScan(idTdo(idHandle));
    const { value, tdo } = await this.session.batch((w) => {
      w.reset();
      const capture = plInstruction(w, PL_INSTRUCTION.USERCODE, true);
      const usercode = plData(w, new Uint8Array(5), 32, true);
      return { capture, usercode };
    });
    const capture = numberFromBits(tdo(value.capture), 0, 6);
    const usercode = numberFromBits(plBits(tdo(value.usercode), 32), 0, 32);
    const done = (capture & IR_CAPTURE.done) !== 0;
    return {
      product: this.device.productName ?? 'FT2232H',
      serial: this.device.serialNumber ?? '',
      tckHz: this.ftdi.tck,
      chain,
      done,
      init: (capture & IR_CAPTURE.init) !== 0,
      usercode,
      identity: identifyUsercode(usercode, done),
    };
  }

  upload(bitstream: CheckedBitstream, options: ProgramOptions = {}): Promise<void> {
    return programBitstream(this.session, bitstream, options);
  }

  close(): Promise<void> {
    return this.ftdi.close();
  }
}
