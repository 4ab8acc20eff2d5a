/**
 * How a configured PL says it holds a Spikelab core: its JTAG USERCODE (Vivado's
 * BITSTREAM.CONFIG.USERID) is "SL" in the top 16 bits, then the bridge protocol version and the
 * core's image format, one byte each. The host reads it before it speaks the bridge protocol,
 * so a board with another design, or a core of another version, is named before anything is
 * written to it.
 */
import { BRIDGE_PROTOCOL_VERSION } from '../../hdl/bridge-protocol.ts';
import {
  GENERATOR_FORMAT,
  SPIKELAB_USERCODE,
  USERCODE_MAGIC as MAGIC,
} from '../../hdl/core-usercode.ts';

/** The USERCODE a Spikelab core of this version carries (defined beside the generator). */
export { SPIKELAB_USERCODE };

export type CoreIdentity =
  | { kind: 'spikelab'; protocol: number; format: number }
  | { kind: 'unconfigured' }
  | { kind: 'other'; usercode: number };

export function identifyUsercode(usercode: number, done: boolean): CoreIdentity {
  if (!done) return { kind: 'unconfigured' };
  if (usercode >>> 16 === MAGIC) {
    return { kind: 'spikelab', protocol: (usercode >>> 8) & 0xff, format: usercode & 0xff };
  }
  return { kind: 'other', usercode: usercode >>> 0 };
}

const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(8, '0')}`;

/** One line for people. */
export function describeIdentity(identity: CoreIdentity): string {
  switch (identity.kind) {
    case 'unconfigured':
      return 'the FPGA is not configured (DONE is low): upload a Spikelab bitstream';
    case 'other':
      return `the FPGA holds another design (USERCODE ${hex(identity.usercode)}), not a Spikelab core`;
    case 'spikelab':
      return `a Spikelab core (bridge protocol ${identity.protocol}, image format ${identity.format})`;
  }
}

/**
 * Refuse a core this host cannot drive, naming both versions.
 *
 * @throws Error for an unconfigured FPGA, another design, or another protocol or format.
 */
export function requireCompatibleCore(identity: CoreIdentity): void {
  if (identity.kind !== 'spikelab') throw new Error(describeIdentity(identity));
  if (identity.protocol !== BRIDGE_PROTOCOL_VERSION || identity.format !== GENERATOR_FORMAT) {
    throw new Error(
      `the board's core speaks bridge protocol ${identity.protocol} with image format ${identity.format}; this Spikelab speaks protocol ${BRIDGE_PROTOCOL_VERSION}, format ${GENERATOR_FORMAT}: rebuild the bitstream from this version's export`,
    );
  }
}
