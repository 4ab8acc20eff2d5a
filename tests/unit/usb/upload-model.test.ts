/** The upload traffic model: bytes, round trips and TCK cycles of the host's real commands. */
import { describe, expect, it } from 'vitest';
import { modelledSeconds, uploadTraffic } from '../../../src/usb/board/upload-model.ts';
import { checkBitstream } from '../../../src/usb/xilinx7/check-bitstream.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';

describe('upload traffic', () => {
  it('counts every TCK: the data, 120,000 + 2,000 idle clocks and the scans', async () => {
    const bit = checkBitstream(testBitstream({ frameWords: 100_000 }));
    const traffic = await uploadTraffic(bit);
    const dataBits = bit.file.data.length * 8;
    expect(traffic.tckCycles).toBeGreaterThan(dataBits + 122_000);
    expect(traffic.tckCycles).toBeLessThan(dataBits + 122_000 + 2_000); // TMS moves and scans
    // 64 KiB per command: a few bytes of header per 65,536 of data.
    expect(traffic.bytesOut / traffic.dataBytes).toBeLessThan(1.01);
    expect(traffic.writeBatches).toBeGreaterThanOrEqual(Math.ceil(traffic.dataBytes / 65536));
    expect(traffic.readBatches).toBe(2); // one INIT poll, one DONE check
    const t6 = modelledSeconds(traffic, 6e6);
    const t30 = modelledSeconds(traffic, 30e6);
    expect(t6).toBeCloseTo(
      traffic.tckCycles / 6e6 + (2 * 2 + traffic.writeBatches * 0.125) / 1000,
      9,
    );
    expect(t30).toBeLessThan(t6 / 4);
  });
});
