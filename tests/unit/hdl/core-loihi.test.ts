/**
 * The generator's side of Loihi in the network core: what `layoutCore` writes for a Loihi
 * population and its synapses, when the capacity asks for the core's LOIHI = 1 build, what
 * export-verilog still refuses (Loihi learning), and the memory and resource terms it adds.
 * (The RTL's equality with the engine is tests/hdl/core-cosim.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import { capacityFor, memoryBits } from '../../../src/hdl/core-capacity.ts';
import { POP_FIELDS, POP_KIND, PRJ_FIELDS, layoutCore } from '../../../src/hdl/core-images.ts';
import { exportRefusals } from '../../../src/hdl/core-refusals.ts';
import { estimateResources } from '../../../src/hdl/fit/resource-model.ts';
import { parseDocumentJson, type NetworkDocument } from '../../../src/model/index.ts';

const EXAMPLES = new URL('../../../public/examples/', import.meta.url);

function load(file: string): NetworkDocument {
  const result = parseDocumentJson(readFileSync(new URL(file, EXAMPLES), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.document;
}

describe('Loihi in the core images', () => {
  it("lays out loihi.json: kind 3 with the plan's constants, the synapses' actual weights", () => {
    const doc = load('loihi.json');
    expect(exportRefusals(doc)).toEqual([]);
    const plan = compile(doc);
    const layout = layoutCore(plan);
    expect(layout.problems).toEqual([]);
    const pop = layout.images.pop.slice(POP_FIELDS, 2 * POP_FIELDS);
    // kind, base (after the 2 generator neurons), size; threshold 70 * 64, decays, refractory.
    expect(pop.slice(0, 3)).toEqual([POP_KIND.loihi, 2, 3]);
    expect(pop.slice(9, 13)).toEqual([70 * 64, 400, 1000, 2]);
    expect(layout.delivered).toEqual([0]);
    expect(layout.images.prj.slice(0, PRJ_FIELDS)).toEqual([
      0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
    ]);
    // Mixed sign, 8 bits: precision 2, so 50 120 -60 200 30 90 times 2^6 (all even).
    expect(layout.images.synWeight).toEqual([50, 120, -60, 200, 30, 90].map((m) => m * 64));
    expect(layout.images.synTarget).toEqual([2, 3, 4, 2, 3, 4]);
    expect(layout.needs.loihi).toBe(3);
  });

  it('asks for LOIHI = 1 only when the network has Loihi populations', () => {
    const loihi = layoutCore(compile(load('loihi.json'))).needs;
    const fixed = layoutCore(compile(load('fixed-point-hw.json'))).needs;
    expect(capacityFor(loihi).LOIHI).toBe(1);
    expect('LOIHI' in capacityFor(fixed)).toBe(false);
    const c = capacityFor(loihi);
    expect(memoryBits(c).find((m) => m.name === 'Loihi v and I')?.bits).toBe(c.NMAX * 57);
    expect(memoryBits(capacityFor(fixed)).some((m) => m.name.startsWith('Loihi'))).toBe(false);
  });

  it('still refuses Loihi learning, naming the projection', () => {
    const refusals = exportRefusals(load('loihi-learning.json'));
    expect(refusals.map((r) => r.path)).toEqual(['projections[0].synapse.dw']);
    expect(refusals[0]?.message).toMatch(/Loihi learning rule \(dw or traces\)/);
  });

  it('adds the Loihi memories and logic to the estimate', () => {
    const c = capacityFor(layoutCore(compile(load('fixed-point-hw.json'))).needs);
    const without = estimateResources(c);
    const withLoihi = estimateResources({ ...c, LOIHI: 1 });
    expect(withLoihi.dsp - without.dsp).toBe(4);
    expect(withLoihi.luts - without.luts).toBe(450);
    expect(withLoihi.flipFlops - without.flipFlops).toBe(121);
    // 128 x 25 and 128 x 32 bits: one RAMB18 each (Yosys 0.23: 5 -> 7 RAMB18E1).
    expect(withLoihi.ramb18 - without.ramb18).toBe(2);
  });
});
