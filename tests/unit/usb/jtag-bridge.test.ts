/**
 * The core's register bridge over the host's real JTAG bytes: USER1 on the virtual PL, 88-bit
 * frames through the bypassed DAP, replies by the frame-after-next rule, into the software
 * bridge (`BridgeModel`, itself checked reply by reply against hdl/host_bridge.v in tests/hdl).
 */
import { describe, expect, it } from 'vitest';
import { BridgeModel, type BridgeBackend } from '../../../src/hdl/bridge-model.ts';
import { BRIDGE_REGISTERS } from '../../../src/hdl/bridge-protocol.ts';
import { JtagBridge } from '../../../src/usb/board/jtag-bridge.ts';
import { JtagSession } from '../../../src/usb/jtag/jtag-session.ts';
import { PL_INSTRUCTION } from '../../../src/usb/jtag/zynq-chain.ts';
import { bridgeRegister } from '../../../src/usb/virtual/bridge-register.ts';
import { VirtualBoard } from '../../../src/usb/virtual/virtual-board.ts';
import { checkBitstream } from '../../../src/usb/xilinx7/check-bitstream.ts';
import { programBitstream } from '../../../src/usb/xilinx7/program.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';

/** A word-addressed memory and a step counter: what the test puts behind the bridge. */
function memoryBackend(): BridgeBackend & { memory: Map<number, number>; steps: number } {
  const memory = new Map<number, number>();
  return {
    memory,
    steps: 0,
    read: (a) => memory.get(a) ?? 0,
    write: (a, d) => void memory.set(a, d),
    run(steps) {
      this.steps += steps;
    },
  };
}

async function configuredBoard() {
  const backend = memoryBackend();
  const model = new BridgeModel(backend);
  const register = bridgeRegister(model);
  const board = new VirtualBoard({
    usercode: 0x534c0101,
    userRegister: (i) => (i === PL_INSTRUCTION.USER1 ? register : null),
    onTapReset: () => model.tapReset(),
  });
  const session = new JtagSession(board.link);
  await programBitstream(session, checkBitstream(testBitstream({ frameWords: 64 })));
  return { backend, session, bridge: new JtagBridge(session) };
}

describe('the register bridge over JTAG', () => {
  it('reads the ID register: "SL" and protocol version 1', async () => {
    const { bridge } = await configuredBoard();
    expect(await bridge.read(BRIDGE_REGISTERS.id)).toBe(0x534c0001);
  });

  it('writes and reads memory and runs steps, many frames in one batch', async () => {
    const { bridge, backend, session } = await configuredBoard();
    const batchesBefore = session.batches;
    const writes = Array.from({ length: 50 }, (_, i) => ({
      op: 'write' as const,
      address: 0x1000 + i,
      data: (i * 0x01010101) >>> 0,
    }));
    await bridge.execute([...writes, { op: 'run', steps: 7 }]);
    expect(session.batches - batchesBefore).toBe(1);
    expect(backend.memory.get(0x1000 + 49)).toBe((49 * 0x01010101) >>> 0);
    expect(backend.steps).toBe(7);
    const results = await bridge.execute([
      { op: 'read', address: 0x1000 + 3 },
      { op: 'read', address: BRIDGE_REGISTERS.stepCount },
    ]);
    expect(results.map((r) => r.data)).toEqual([0x03030303, 7]);
  });

  it('a refused command is named', async () => {
    const { bridge } = await configuredBoard();
    await expect(
      bridge.execute([{ op: 'write', address: BRIDGE_REGISTERS.id, data: 1 }]),
    ).rejects.toThrow(/bridge write: bad-address \(no such control register, or it is read-only\)/);
  });

  it('before configuration no core answers: the scan reads BYPASS and the reply is refused', async () => {
    const board = new VirtualBoard();
    const bridge = new JtagBridge(new JtagSession(board.link));
    await expect(bridge.read(BRIDGE_REGISTERS.id)).rejects.toThrow(
      /no Spikelab core answers on USER1 .*CRC-8/,
    );
  });
});
