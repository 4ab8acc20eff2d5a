/**
 * The export's integer SC layers (src/hdl/core-images.ts, core-capacity.ts, core-memory-map.ts):
 * `pop.hex` fields and `sc_*.hex` images from the plan, SCCHMAX/SCKMAX only for a network with
 * SC layers, the 32-bit ext check, the load writes and their refusal on a core without SC.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import { capacityFor, memoryBits } from '../../../src/hdl/core-capacity.ts';
import { POP_FIELDS, POP_SC_FLAG, layoutCore } from '../../../src/hdl/core-images.ts';
import { CORE_REGIONS, coreLoadWrites } from '../../../src/hdl/core-memory-map.ts';
import { exportVerilog } from '../../../src/hdl/export-verilog.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { coreRtl } from '../../hdl/core-cosim.ts';

function example(name: string): NetworkDocument {
  const parsed = parseDocumentJson(readFileSync(`public/examples/${name}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not validate`);
  return parsed.document;
}

describe('the integer SC layer in the core images', () => {
  const doc = example('sc-fixed-point.json');
  const plan = compile(doc);
  const layout = layoutCore(plan);
  const sc = plan.populations[0]?.model.model === 'fixed_point_lif' && plan.populations[0].model.sc;
  if (!sc) throw new Error('sc-fixed-point.json compiles to no integer SC layer');

  it('is a fixed-point population with the SC flag, channels, L and table base', () => {
    const pop = layout.images.pop.slice(0, POP_FIELDS);
    expect(pop[0]).toBe(POP_SC_FLAG);
    expect(pop.slice(13, 17)).toEqual([0, 8, 2048, 0]);
    expect(pop[3]).toBe(0); // no synaptic channels
    expect(layout.images.scInputKey).toEqual([...sc.inputKeys]);
    expect(layout.images.scWeightKey).toEqual([...sc.weightKeys]);
    expect(layout.images.scInputThreshold).toEqual([...sc.inputs.thresholds]);
    expect(layout.images.scWeightThreshold).toEqual([...sc.weightThresholds]);
    expect(layout.images.scCurrent).toEqual([...sc.currentByCount]);
    expect(layout.needs).toMatchObject({ scChannels: 8, scEntries: 9 });
  });

  it('sizes SCCHMAX and SCKMAX only for a network with SC layers', () => {
    const c = capacityFor(layout.needs);
    expect([c.SCCHMAX, c.SCKMAX]).toEqual([8, 16]);
    expect(memoryBits(c).map((m) => m.name)).toContain('SC current-by-count tables');
    const plain = capacityFor(layoutCore(compile(example('fixed-point-hw.json'))).needs);
    expect('SCCHMAX' in plain || 'SCKMAX' in plain).toBe(false);
  });

  it('loads its tables over the bus, and a core without SC refuses the network', () => {
    const c = capacityFor(layout.needs);
    const writes = coreLoadWrites(layout.images, c);
    const current = writes.filter((w) => w.address >>> 24 === CORE_REGIONS.sc_current.region);
    expect(current.map((w) => w.data | 0)).toEqual([...sc.currentByCount]);
    const { SCCHMAX: _, SCKMAX: __, ...none } = c;
    expect(() => coreLoadWrites(layout.images, none)).toThrow(/built without SCCHMAX/);
  });

  it("refuses a layer whose ext plus a table entry leaves the core's 32 bits", () => {
    const layer = doc.populations[0];
    if (layer?.model !== 'sc_dense') throw new Error('no SC layer');
    const fixedPlan = compile(doc);
    const p = fixedPlan.populations[0];
    if (p === undefined) throw new Error('no population');
    // A bias near 2^31 (in units of 2^-F) is legal for the engine, whose sum is exact.
    if (p.model.model === 'fixed_point_lif') p.model.bias = 2 ** 31 - 100;
    const problems = layoutCore(fixedPlan).problems;
    expect(problems.map((x) => x.message).join('\n')).toMatch(
      /input \(bias \+ stimuli \+ SC current\) of 2147483548 \+ \[0, \d+\] at step 0, beyond the core's 32-bit ext register/,
    );
  });

  it('exports the sc_*.hex images and names SCCHMAX and SCKMAX in the README', () => {
    const files = exportVerilog(doc, { rtl: coreRtl(), version: 'test' }).files;
    const names = files.map((f) => f.path);
    for (const image of ['sc_in_key', 'sc_w_key', 'sc_in_thr', 'sc_w_thr', 'sc_current']) {
      expect(names).toContain(`${image}.hex`);
    }
    expect(names).toContain('sc_lane.v');
    const readme = files.find((f) => f.path === 'README.md')?.text ?? '';
    expect(readme).toContain('| SCCHMAX | SC channels of all layers | 8 | 8 |');
    // A network without SC layers: its core has no SC memories, but the board build (every
    // feature in one bitstream) reads the images, so each is one zero word.
    const plain = exportVerilog(example('fixed-point-hw.json'), { rtl: coreRtl(), version: 'x' });
    const scImages = plain.files.filter((f) => f.path.startsWith('sc_') && f.path.endsWith('.hex'));
    expect(scImages.map((f) => f.path).sort()).toEqual(
      ['sc_current', 'sc_in_key', 'sc_in_thr', 'sc_w_key', 'sc_w_thr'].map((n) => `${n}.hex`),
    );
    for (const f of scImages)
      expect(f.text.split('\n').filter((l) => /^[0-9a-f]+$/.test(l))).toEqual([
        expect.stringMatching(/^0+$/),
      ]);
    expect(plain.files.find((f) => f.path === 'syn_o1w.hex')?.text).toMatch(/\n0+\n$/);
  });
});
