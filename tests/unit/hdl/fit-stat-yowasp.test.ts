/**
 * `parseYosysStat` on the `stat -json` of Yosys 0.55 (`@yowasp/yosys` 0.55.944, the page's
 * Yosys) for public/examples/fixed-point-hw.json, run with the CLI's `synthScript` and kept as
 * Yosys wrote it (`.txt`, so no formatter touches it): unlike 0.23
 * it writes valid JSON with a `design` section, whose counts are taken, not a module's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYosysStat } from '../../../src/hdl/fit/yosys-stat.ts';

const fixture = readFileSync(
  new URL('./fixtures/yosys-0.55-stat-fixed-point-hw.txt', import.meta.url),
  'utf8',
);

describe('parseYosysStat on Yosys 0.55 (@yowasp/yosys)', () => {
  it('the fixture is plain JSON with four modules and a design section', () => {
    const json = JSON.parse(fixture) as { modules: object; design: object; creator: string };
    expect(json.creator).toMatch(/^Yosys 0\.55 /);
    expect(Object.keys(json.modules)).toHaveLength(4);
    expect(json.design).toBeDefined();
  });

  it('counts the design section (the hierarchy summed), not the top module alone', () => {
    const c = parseYosysStat(fixture);
    // LUT1 7 + LUT2 551 + LUT3 344 + LUT4 314 + LUT5 348 + LUT6 960
    expect(c.logicLuts).toBe(2524);
    // plus 4 LUTs for each of the 14 RAM32M and 18 RAM64M
    expect(c.lutRam).toBe(32);
    expect(c.luts).toBe(2524 + 4 * 32);
    expect(c.flipFlops).toBe(803);
    expect(c.ramb36).toBe(1);
    expect(c.ramb18).toBe(5);
    expect(c.bram36).toBe(3.5);
    // The DSPs sit in the lanes, below the top: only the design section has all 20.
    expect(c.dsp).toBe(20);
    expect(c.carry4).toBe(280);
    expect(c.cells['INV']).toBe(76);
  });
});
