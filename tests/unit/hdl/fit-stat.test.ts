/**
 * `parseYosysStat` on a real `stat -json` of Yosys 0.23 (synth_xilinx -family xc7 of the core
 * for public/examples/fixed-point-hw.json, saved by `tee -o`): the hierarchy line Yosys writes
 * into the JSON is dropped and the `design` section (the summed hierarchy) is counted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countsOf, parseYosysStat } from '../../../src/hdl/fit/yosys-stat.ts';

const fixture = readFileSync(
  new URL('./fixtures/yosys-stat-fixed-point-hw.txt', import.meta.url),
  'utf8',
);

describe('parseYosysStat', () => {
  it('the fixture is not valid JSON as Yosys wrote it (the case the parser exists for)', () => {
    expect(() => JSON.parse(fixture) as unknown).toThrow();
  });

  it('counts the design section of the captured stat', () => {
    const c = parseYosysStat(fixture);
    // LUT1 1 + LUT2 494 + LUT3 365 + LUT4 298 + LUT5 347 + LUT6 908
    expect(c.logicLuts).toBe(2413);
    // plus 4 LUTs for each of the 14 RAM32M and 18 RAM64M
    expect(c.lutRam).toBe(32);
    expect(c.luts).toBe(2413 + 4 * 32);
    expect(c.flipFlops).toBe(795);
    expect(c.ramb36).toBe(1);
    expect(c.ramb18).toBe(5);
    expect(c.bram36).toBe(3.5);
    expect(c.dsp).toBe(20);
    expect(c.carry4).toBe(277);
    expect(c.muxf7).toBe(145);
    expect(c.muxf8).toBe(31);
    expect(c.srl).toBe(0);
    expect(c.cells['INV']).toBe(75);
  });

  it('counts every flip-flop kind, shift register and LUT-RAM primitive', () => {
    const c = countsOf({
      FDRE: 1,
      FDSE: 2,
      FDCE: 3,
      FDPE: 4,
      FDRE_1: 100,
      SRL16E: 5,
      SRLC32E: 6,
      RAM32X1D: 7,
      RAM64M: 1,
      LUT6: 10,
      RAMB18E1: 3,
      RAMB36E1: 2,
    });
    expect(c.flipFlops).toBe(10);
    expect(c.srl).toBe(11);
    expect(c.lutRam).toBe(8);
    expect(c.luts).toBe(10 + 7 * 2 + 4 + 11);
    expect(c.bram36).toBe(3.5);
  });

  it('takes the only module when there is no design section', () => {
    const text = JSON.stringify({
      modules: { '\\top': { num_cells_by_type: { LUT3: 4, FDRE: 2 } } },
    });
    expect(parseYosysStat(`log line\n${text}`)).toMatchObject({ luts: 4, flipFlops: 2 });
  });

  it('refuses output without JSON, broken JSON and several modules without a design section', () => {
    expect(() => parseYosysStat('ERROR: no such pass')).toThrow(/no JSON/);
    expect(() => parseYosysStat('{ "modules": {')).toThrow(/cannot parse/);
    const two = JSON.stringify({ modules: { a: {}, b: {} } });
    expect(() => parseYosysStat(two)).toThrow(/no "design" section and 2 modules/);
  });
});
