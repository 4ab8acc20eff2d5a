/**
 * What the board run needs of a register bridge, and the few things every step of it does with
 * one: send commands in bounded batches, count the frames on the wire, check the bridge's ID,
 * and name a cancel or a failure. `JtagBridge` is the real one; tests may wrap a `BridgeModel`.
 */
import {
  BRIDGE_ID_MAGIC,
  BRIDGE_PROTOCOL_VERSION,
  BRIDGE_REGISTERS,
  type BridgeCommand,
} from '../../hdl/bridge-protocol.ts';
import { BRIDGE_REPLY_DELAY, type CommandResult, expectOk } from '../../hdl/bridge-session.ts';

/** A register bridge: executes commands in order, one reply per command. */
export interface BridgeLike {
  execute(commands: readonly BridgeCommand[]): Promise<CommandResult[]>;
}

/** Commands per `execute` call: about 30 KB of MPSSE bytes, one USB batch of the host. */
export const MAX_BATCH_COMMANDS = 1024;

/** A board run that cannot go on: the message says why and what state the core is left in. */
export class BoardRunError extends Error {
  override name = 'BoardRunError';
}

/** The caller's signal fired; the core is idle (nothing runs between batches). */
export class BoardRunCancelled extends Error {
  override name = 'BoardRunCancelled';
}

/**
 * A bridge that counts the frames it shifts (each `execute` adds its commands and the two NOPs
 * that flush the last replies) and checks every result is 'ok'.
 */
export class CountingBridge implements BridgeLike {
  frames = 0;
  calls = 0;

  constructor(private readonly inner: BridgeLike) {}

  async execute(commands: readonly BridgeCommand[]): Promise<CommandResult[]> {
    this.frames += commands.length + BRIDGE_REPLY_DELAY;
    this.calls += 1;
    const results = await this.inner.execute(commands);
    if (results.length !== commands.length) {
      throw new BoardRunError(
        `the bridge answered ${results.length} of ${commands.length} commands`,
      );
    }
    return results.map(expectOk);
  }
}

/**
 * Executes `commands` in batches of at most `batch`, calling `between(done)` after each one
 * (progress; a cancel check may throw there, between batches, never inside one).
 */
export async function executeBatched(
  bridge: BridgeLike,
  commands: readonly BridgeCommand[],
  batch: number = MAX_BATCH_COMMANDS,
  between?: (done: number) => void,
): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  for (let start = 0; start < commands.length; start += batch) {
    results.push(...(await bridge.execute(commands.slice(start, start + batch))));
    between?.(Math.min(commands.length, start + batch));
  }
  return results;
}

/** The ID register of this host's protocol: "SL" and the protocol version. */
export const EXPECTED_BRIDGE_ID = ((BRIDGE_ID_MAGIC << 16) | BRIDGE_PROTOCOL_VERSION) >>> 0;

const hex = (n: number): string => `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/**
 * Refuses a bridge whose ID register is not this host's ("SL", protocol version 1), naming
 * what it read.
 *
 * @throws BoardRunError naming the ID read and the one expected.
 */
export function checkBridgeId(id: number): void {
  if (id >>> 0 === EXPECTED_BRIDGE_ID) return;
  if (id >>> 16 === BRIDGE_ID_MAGIC) {
    throw new BoardRunError(
      `the board's bridge speaks protocol version ${id & 0xffff}; this Spikelab speaks ` +
        `${BRIDGE_PROTOCOL_VERSION}: upload a bitstream built from this version`,
    );
  }
  throw new BoardRunError(
    `the bridge's ID register reads ${hex(id)}, not a Spikelab bridge (${hex(EXPECTED_BRIDGE_ID)}): ` +
      'the FPGA holds another design',
  );
}

/** Reads the bridge's ID register and checks it (`checkBridgeId`). */
export async function requireSpikelabBridge(bridge: BridgeLike): Promise<void> {
  const [id] = await bridge.execute([{ op: 'read', address: BRIDGE_REGISTERS.id }]);
  checkBridgeId(id?.data ?? 0);
}

/** Throws BoardRunCancelled with `message` when `signal` has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted === true) throw new BoardRunCancelled(message);
}
