/**
 * Runs batches of JTAG operations over an MPSSE link and keeps the TAP state between them. The
 * link is the only thing that differs between a real board (WebUSB, status bytes stripped) and
 * the virtual one (bytes executed in software).
 */
import { MpsseJtagWriter, type ShiftHandle } from './mpsse-jtag-writer.ts';
import type { TapState } from './tap-state.ts';

/** Sends MPSSE bytes and returns exactly `replyBytes` reply bytes (status bytes stripped). */
export interface MpsseLink {
  exchange(commands: Uint8Array, replyBytes: number): Promise<Uint8Array>;
}

export class JtagSession {
  private state: TapState = 'test-logic-reset';
  /** MPSSE bytes sent and TCK-carrying batches run, for the bench. */
  bytesSent = 0;
  batches = 0;

  constructor(private readonly link: MpsseLink) {}

  /**
   * Build a batch with `build`, send it, and return what `build` returned with the TDO bits of
   * every read shift.
   */
  async batch<T>(
    build: (writer: MpsseJtagWriter) => T,
  ): Promise<{ value: T; tdo: (handle: ShiftHandle) => Uint8Array }> {
    const writer = new MpsseJtagWriter(this.state);
    const value = build(writer);
    if (writer.expectedReplyBytes > 0) writer.sendImmediate();
    const commands = writer.commands;
    const reply = await this.link.exchange(commands, writer.expectedReplyBytes);
    this.state = writer.state;
    this.bytesSent += commands.length;
    this.batches += 1;
    const decoded = writer.decode(reply);
    return {
      value,
      tdo: (handle) => {
        const bits = decoded.get(handle);
        if (bits === undefined) throw new Error(`shift ${handle} was not a read`);
        return bits;
      },
    };
  }
}
