/**
 * The frame-after-next rule of the register bridge, on the host side: the reply shifted out
 * during scan k answers the frame shifted in during scan k - 2 (its result has the whole scan
 * k - 1 to cross from the core clock back to TCK). So a batch of commands is followed by two NOP
 * frames, and reply k + 2 is matched to command k by position and checked by tag.
 */
import {
  type BridgeCommand,
  type BridgeReply,
  type BridgeStatus,
  BRIDGE_STATUS_MESSAGES,
  BridgeProtocolError,
  type Bits,
  encodeCommand,
} from './bridge-protocol.ts';

/** Scans between a frame and the reply that answers it. */
export const BRIDGE_REPLY_DELAY = 2;

/** A frame ready to shift: the command (a flush NOP is `{ op: 'nop' }` too) and its tag. */
export interface PlannedFrame {
  command: BridgeCommand;
  tag: number;
  bits: Bits;
  /** False for the NOPs appended to flush the last replies. */
  wanted: boolean;
}

/** A command's outcome. */
export interface CommandResult {
  command: BridgeCommand;
  status: BridgeStatus;
  data: number;
  seq: number;
}

/**
 * The frames for `commands`, tagged `firstTag`, `firstTag + 1`, … (modulo 256), followed by
 * BRIDGE_REPLY_DELAY NOPs so that every command's reply comes out.
 *
 * @example planFrames([{ op: 'read', address: 0xffffff00 }]).length // 3
 */
export function planFrames(commands: readonly BridgeCommand[], firstTag = 0): PlannedFrame[] {
  const flush: BridgeCommand[] = Array.from({ length: BRIDGE_REPLY_DELAY }, () => ({ op: 'nop' }));
  return [...commands, ...flush].map((command, k) => {
    const tag = (firstTag + k) & 0xff;
    return { command, tag, bits: encodeCommand(command, tag), wanted: k < commands.length };
  });
}

/**
 * Matches `replies` (one per frame, in scan order) to the planned frames: reply k + 2 answers
 * frame k. Throws a BridgeProtocolError when a tag does not match (a scan was lost or the bridge
 * was reset in between).
 */
export function matchReplies(
  frames: readonly PlannedFrame[],
  replies: readonly BridgeReply[],
): CommandResult[] {
  if (replies.length !== frames.length) {
    throw new BridgeProtocolError(`${replies.length} replies for ${frames.length} frames`);
  }
  const results: CommandResult[] = [];
  frames.forEach((frame, k) => {
    if (!frame.wanted) return;
    const reply = replies[k + BRIDGE_REPLY_DELAY];
    if (reply === undefined) {
      throw new BridgeProtocolError(`frame ${k} (${frame.command.op}) has no reply: flush it`);
    }
    if (reply.tag !== frame.tag || reply.status === 'none') {
      throw new BridgeProtocolError(
        `frame ${k} (${frame.command.op}, tag ${frame.tag}) answered by tag ${reply.tag} ` +
          `(${reply.status}): a scan was lost or the bridge was reset`,
      );
    }
    results.push({
      command: frame.command,
      status: reply.status,
      data: reply.data,
      seq: reply.seq,
    });
  });
  return results;
}

/** Throws, naming the command and what went wrong, unless `result` is 'ok'. */
export function expectOk(result: CommandResult): CommandResult {
  if (result.status !== 'ok') {
    throw new BridgeProtocolError(
      `bridge ${result.command.op}: ${result.status} (${BRIDGE_STATUS_MESSAGES[result.status]})`,
    );
  }
  return result;
}
