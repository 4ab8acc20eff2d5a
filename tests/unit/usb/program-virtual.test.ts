/**
 * The whole configuration sequence (JPROGRAM, INIT, CFG_IN, JSTART, DONE, STAT on failure)
 * from the host's real MPSSE bytes into the virtual board's configuration engine, and every
 * fault it can inject, each turned into a message a person can act on.
 */
import { describe, expect, it } from 'vitest';
import { JtagSession } from '../../../src/usb/jtag/jtag-session.ts';
import { parseBitFile } from '../../../src/usb/xilinx7/bit-file.ts';
import { checkBitstream } from '../../../src/usb/xilinx7/check-bitstream.ts';
import { configWords, parseConfigPackets } from '../../../src/usb/xilinx7/config-packets.ts';
import {
  programBitstream,
  ProgramError,
  readStat,
  type ProgramProgress,
} from '../../../src/usb/xilinx7/program.ts';
import { STAT_BIT } from '../../../src/usb/xilinx7/stat-register.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';
import { VirtualBoard, type VirtualBoardOptions } from '../../../src/usb/virtual/virtual-board.ts';

function setUp(options: VirtualBoardOptions = {}) {
  const board = new VirtualBoard(options);
  return { board, session: new JtagSession(board.link) };
}

/** A file the host's own check would refuse, as if it had slipped through. */
function unchecked(bytes: Uint8Array) {
  const file = parseBitFile(bytes);
  return { file, packets: parseConfigPackets(configWords(file.data)), userId: null };
}

describe('configuring the virtual PYNQ-Z2', () => {
  it('a good bitstream: every frame word arrives, DONE rises, progress reaches the end', async () => {
    const { board, session } = setUp({ usercode: 0x534c0001 });
    const progress: ProgramProgress[] = [];
    const bit = checkBitstream(testBitstream({ frameWords: 2500 }));
    await programBitstream(session, bit, { chunkBytes: 4096, onProgress: (p) => progress.push(p) });
    expect(board.config.done).toBe(true);
    expect(board.config.frameWords).toBe(2500);
    expect(board.config.crcError).toBe(false);
    const sending = progress.filter((p) => p.phase === 'sending');
    expect(sending.length).toBe(Math.ceil(bit.file.data.length / 4096));
    expect(sending.at(-1)?.sentBytes).toBe(bit.file.data.length);
    expect(progress.at(-1)?.phase).toBe('checking');
    expect((await readStat(session)) & STAT_BIT.done).toBe(STAT_BIT.done);
  });

  it('a corrupted CRC: DONE stays low and STAT explains it', async () => {
    const { board, session } = setUp();
    const bit = checkBitstream(testBitstream({ frameWords: 64, crcCorruption: 0x10 }));
    const error = await programBitstream(session, bit).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgramError);
    expect(String(error)).toMatch(/failed its CRC check \(STAT bit 0\)/);
    expect(board.config.done).toBe(false);
  });

  it('an IDCODE for another device: the ID error is named', async () => {
    const { session } = setUp();
    const bit = unchecked(testBitstream({ frameWords: 64, idcode: 0x0362d093 }));
    await expect(programBitstream(session, bit)).rejects.toThrow(
      /bitstream is for another device.*STAT bit 15, ID error/,
    );
  });

  it('INIT that never rises times out with its own message', async () => {
    const { session } = setUp({ faults: ['init-never'] });
    let t = 0;
    const bit = checkBitstream(testBitstream({ frameWords: 64 }));
    await expect(
      programBitstream(session, bit, { initTimeoutMs: 50, now: () => (t += 10) }),
    ).rejects.toThrow(/INIT stayed low for 50 ms after JPROGRAM/);
  });

  it('DONE that never rises: start-up named, no error bit', async () => {
    const { session } = setUp({ faults: ['done-never'] });
    const bit = checkBitstream(testBitstream({ frameWords: 64 }));
    await expect(programBitstream(session, bit)).rejects.toThrow(
      /DONE stayed low \(STAT bit 14\) with no error flagged/,
    );
  });

  it('cancel between chunks stops the upload and leaves the FPGA cleared', async () => {
    const { board, session } = setUp();
    const controller = new AbortController();
    const bit = checkBitstream(testBitstream({ frameWords: 4000 }));
    const run = programBitstream(session, bit, {
      chunkBytes: 1024,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'sending' && p.sentBytes >= 4096) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/cancelled; the FPGA is left cleared/);
    expect(board.config.done).toBe(false);
    expect(board.config.frameWords).toBeLessThan(4000);
    // A later upload works.
    await programBitstream(session, checkBitstream(testBitstream({ frameWords: 64 })));
    expect(board.config.done).toBe(true);
  });
});
