/**
 * The host side of the Spikelab register bridge (`hdl/host_bridge.v`), protocol version 1: the
 * one file that says, for TypeScript, what the bits of a frame mean. The RTL is the other side;
 * `hdl/README.md` ("Host register bridge") documents both, bit by bit.
 *
 * A frame is 88 bits shifted into a JTAG user register, bit 0 first (JTAG shifts LSB first):
 * `[3:0]` version, `[7:4]` opcode, `[15:8]` tag, `[47:16]` address, `[79:48]` data, `[87:80]`
 * CRC-8 (polynomial 0x07, initial value 0xFF) of bits 0..79 in shift order. A reply has the same
 * length and check, with `[7:4]` status, `[23:16]` sequence number and `[31:24]` flags; it
 * answers the frame shifted two scans earlier (see `bridge-session.ts`).
 */

/** The protocol version: in every frame and reply, and at `BRIDGE_REGISTERS.id`. */
export const BRIDGE_PROTOCOL_VERSION = 1;
/** Bits per frame and per reply. */
export const BRIDGE_FRAME_BITS = 88;
/** The upper half of the ID register: "SL". */
export const BRIDGE_ID_MAGIC = 0x534c;

/** The bridge's control page (the core's memories are below it). */
export const BRIDGE_REGISTERS = {
  /** Read-only: `BRIDGE_ID_MAGIC << 16 | BRIDGE_PROTOCOL_VERSION`. */
  id: 0xffffff00,
  /** Read-only: bit 0 the core is running. */
  status: 0xffffff04,
  /** Read-only: steps finished since reset or the last clear. */
  stepCount: 0xffffff08,
  /** Read-write: N for CONTROL's start (a RUN frame sets it too). */
  runSteps: 0xffffff0c,
  /** Write-only: `BRIDGE_CONTROL` bits. */
  control: 0xffffff10,
  /** Read-write: a register with no effect, for link tests. */
  scratch: 0xffffff14,
} as const;

/** Bits of the CONTROL register. */
export const BRIDGE_CONTROL = { start: 1, clearStepCount: 2 } as const;

/** A command as the host means it. Addresses and data are unsigned 32-bit. */
export type BridgeCommand =
  | { op: 'nop' }
  | { op: 'read'; address: number }
  | { op: 'write'; address: number; data: number }
  | { op: 'run'; steps: number };

export const BRIDGE_OPCODES = { nop: 0, read: 1, write: 2, run: 3 } as const;

/** Reply status codes; the index is the code on the wire (15 is 'none'). */
export const BRIDGE_STATUS_CODES = {
  ok: 0,
  pending: 1,
  'bad-length': 2,
  'bad-check': 3,
  'bad-version': 4,
  'bad-opcode': 5,
  overrun: 6,
  'bad-address': 7,
  'core-busy': 8,
  'bus-timeout': 9,
  aborted: 10,
  none: 15,
} as const;
export type BridgeStatus = keyof typeof BRIDGE_STATUS_CODES;

/** What each status means, for messages a person reads. */
export const BRIDGE_STATUS_MESSAGES: Readonly<Record<BridgeStatus, string>> = {
  ok: 'done',
  pending: 'still executing when the reply was captured (wait with TCK running, then resend)',
  'bad-length': 'the scan was shorter than 88 bits; not executed',
  'bad-check': 'the frame failed its CRC-8 check; not executed',
  'bad-version': 'the frame carries another protocol version; not executed',
  'bad-opcode': 'unknown opcode; not executed',
  overrun: 'the previous command was still executing; not executed (resend it)',
  'bad-address': 'no such control register, or it is read-only',
  'core-busy': 'the core is still running the previous steps; not started',
  'bus-timeout': 'the core did not answer the bus access in time',
  aborted: 'the core was reset while executing it',
  none: 'no frame in this slot since the TAP was reset',
};

/** Bits in shift order: element i is the i-th bit shifted (0 or 1). */
export type Bits = Uint8Array;

/** The raw fields of a request frame. */
export interface FrameFields {
  version: number;
  opcode: number;
  tag: number;
  address: number;
  data: number;
}

/** A decoded reply. */
export interface BridgeReply {
  status: BridgeStatus;
  /** The tag of the frame answered (echoed). */
  tag: number;
  /** That frame's sequence number (frames counted since TAP reset, modulo 256). */
  seq: number;
  /** The core was running when the reply was captured. */
  coreBusy: boolean;
  /** A command was still executing when the reply was captured. */
  outstanding: boolean;
  data: number;
}

/** A frame or reply that cannot be trusted. */
export class BridgeProtocolError extends Error {
  override name = 'BridgeProtocolError';
}

/**
 * CRC-8 with polynomial x^8 + x^2 + x + 1 over `bits` in order (most significant bit of the
 * register first, no reflection). The protocol starts from 0xFF so that an all-zero frame (a
 * stuck TDI) fails; with 0x00 this is the catalogue's CRC-8/SMBUS.
 *
 * @example crc8(bitsOfBytesMsbFirst('123456789'), 0) // 0xf4
 */
export function crc8(bits: ArrayLike<number>, initial = 0xff): number {
  let c = initial & 0xff;
  for (let i = 0; i < bits.length; i++) {
    const feedback = ((c >> 7) ^ (bits[i] ?? 0)) & 1;
    c = ((c << 1) & 0xff) ^ (feedback ? 0x07 : 0);
  }
  return c;
}

function put(bits: Bits, offset: number, width: number, value: number): void {
  for (let i = 0; i < width; i++) bits[offset + i] = Math.floor(value / 2 ** i) % 2;
}

function get(bits: Bits, offset: number, width: number): number {
  let value = 0;
  for (let i = width - 1; i >= 0; i--) value = value * 2 + (bits[offset + i] ?? 0);
  return value;
}

function checkRange(name: string, value: number, width: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) {
    throw new RangeError(`bridge frame: ${name} ${value} is not an unsigned ${width}-bit integer`);
  }
}

/** Appends the check byte over bits 0..79. */
function seal(bits: Bits): Bits {
  put(bits, 80, 8, crc8(bits.subarray(0, 80)));
  return bits;
}

/** A frame from raw fields (any version or opcode: tests use this to make bad frames). */
export function encodeFields(fields: FrameFields): Bits {
  checkRange('version', fields.version, 4);
  checkRange('opcode', fields.opcode, 4);
  checkRange('tag', fields.tag, 8);
  checkRange('address', fields.address, 32);
  checkRange('data', fields.data, 32);
  const bits = new Uint8Array(BRIDGE_FRAME_BITS);
  put(bits, 0, 4, fields.version);
  put(bits, 4, 4, fields.opcode);
  put(bits, 8, 8, fields.tag);
  put(bits, 16, 32, fields.address);
  put(bits, 48, 32, fields.data);
  return seal(bits);
}

/**
 * The bits to shift into TDI for `command`, carrying `tag` (echoed in its reply).
 *
 * @example encodeCommand({ op: 'read', address: 0xffffff00 }, 7) // 88 bits, bit 0 first
 */
export function encodeCommand(command: BridgeCommand, tag: number): Bits {
  const base = { version: BRIDGE_PROTOCOL_VERSION, opcode: BRIDGE_OPCODES[command.op], tag };
  switch (command.op) {
    case 'nop':
      return encodeFields({ ...base, address: 0, data: 0 });
    case 'read':
      return encodeFields({ ...base, address: command.address, data: 0 });
    case 'write':
      return encodeFields({ ...base, address: command.address, data: command.data });
    case 'run':
      return encodeFields({ ...base, address: 0, data: command.steps });
  }
}

function checkLength(what: string, bits: Bits): void {
  if (bits.length !== BRIDGE_FRAME_BITS) {
    throw new BridgeProtocolError(`${what}: ${bits.length} bits, expected ${BRIDGE_FRAME_BITS}`);
  }
}

/** Whether the check byte of an 88-bit frame or reply matches its first 80 bits. */
export function checkOk(bits: Bits): boolean {
  checkLength('bridge check', bits);
  return get(bits, 80, 8) === crc8(bits.subarray(0, 80));
}

/** The fields of a request frame (for a virtual board); `ok` says whether its check matches. */
export function decodeFields(bits: Bits): FrameFields & { ok: boolean } {
  checkLength('bridge frame', bits);
  return {
    version: get(bits, 0, 4),
    opcode: get(bits, 4, 4),
    tag: get(bits, 8, 8),
    address: get(bits, 16, 32),
    data: get(bits, 48, 32),
    ok: checkOk(bits),
  };
}

/** The status name of a wire code, or undefined for a code the protocol does not define. */
function statusOf(code: number): BridgeStatus | undefined {
  return (Object.keys(BRIDGE_STATUS_CODES) as BridgeStatus[]).find(
    (s) => BRIDGE_STATUS_CODES[s] === code,
  );
}

/** The bits a bridge shifts out for `reply` (for a virtual board, and to test the decoder). */
export function encodeReply(reply: BridgeReply): Bits {
  checkRange('tag', reply.tag, 8);
  checkRange('seq', reply.seq, 8);
  checkRange('data', reply.data, 32);
  const bits = new Uint8Array(BRIDGE_FRAME_BITS);
  put(bits, 0, 4, BRIDGE_PROTOCOL_VERSION);
  put(bits, 4, 4, BRIDGE_STATUS_CODES[reply.status]);
  put(bits, 8, 8, reply.tag);
  put(bits, 16, 8, reply.seq);
  put(bits, 24, 8, (reply.coreBusy ? 1 : 0) + (reply.outstanding ? 2 : 0));
  put(bits, 48, 32, reply.data);
  return seal(bits);
}

/**
 * Decodes the TDO bits of a reply (88, the first one shifted out first). Throws a
 * BridgeProtocolError naming the problem when the check fails (a broken link, another user
 * register, or no bridge), the version differs, or a field holds a value the protocol does not
 * define.
 */
export function decodeReply(bits: Bits): BridgeReply {
  checkLength('bridge reply', bits);
  if (!checkOk(bits)) {
    const zeros = bits.every((b) => b === 0);
    throw new BridgeProtocolError(
      `bridge reply fails its CRC-8 check (got 0x${get(bits, 80, 8).toString(16)}, expected ` +
        `0x${crc8(bits.subarray(0, 80)).toString(16)})` +
        (zeros ? ': TDO read all zeros (wrong user register, or no bridge in the design?)' : ''),
    );
  }
  const version = get(bits, 0, 4);
  if (version !== BRIDGE_PROTOCOL_VERSION) {
    throw new BridgeProtocolError(
      `the bridge speaks protocol version ${version}, this host version ${BRIDGE_PROTOCOL_VERSION}`,
    );
  }
  const code = get(bits, 4, 4);
  const status = statusOf(code);
  const flags = get(bits, 24, 8);
  if (status === undefined || flags > 3 || get(bits, 32, 16) !== 0) {
    throw new BridgeProtocolError(
      `bridge reply with undefined fields (status code ${code}, flags 0x${flags.toString(16)})`,
    );
  }
  return {
    status,
    tag: get(bits, 8, 8),
    seq: get(bits, 16, 8),
    coreBusy: (flags & 1) !== 0,
    outstanding: (flags & 2) !== 0,
    data: get(bits, 48, 32),
  };
}

/** Packs bits into bytes, bit 0 into the least significant bit of byte 0 (as MPSSE shifts). */
export function packBits(bits: Bits): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(bits.length / 8));
  bits.forEach((b, i) => {
    if (b) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return bytes;
}

/** The first `count` bits of `bytes`, least significant bit of byte 0 first. */
export function unpackBits(bytes: Uint8Array, count: number): Bits {
  if (count > bytes.length * 8) {
    throw new RangeError(`unpackBits: ${count} bits from ${bytes.length} bytes`);
  }
  const bits = new Uint8Array(count);
  for (let i = 0; i < count; i++) bits[i] = ((bytes[i >> 3] ?? 0) >> (i & 7)) & 1;
  return bits;
}
