/**
 * The largest same-shape network that fits: synapses scale as the connectivity rule implies,
 * the search result fits while one neuron more does not, and fitting is monotone in size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import { layoutCore } from '../../../src/hdl/core-images.ts';
import { largestFit, scaledFit } from '../../../src/hdl/fit/fit-report.ts';
import { growth, networkShape, scaleNeeds } from '../../../src/hdl/fit/network-shape.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';

function example() {
  const text = readFileSync(join(process.cwd(), 'public/examples/fixed-point-hw.json'), 'utf8');
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error('fixed-point-hw.json is invalid');
  const plan = compile(parsed.document);
  const layout = layoutCore(plan);
  return { shape: networkShape(parsed.document, plan, layout), layout };
}

describe('largest same-shape network', () => {
  it('synapses grow with the rule: pairs for probability, targets for fan-in', () => {
    expect(growth({ rule: 'fixed_probability', p: 0.1, allow_self: false })).toEqual({
      sourcePower: 1,
      targetPower: 1,
    });
    expect(growth({ rule: 'fixed_fan_in', k: 4, allow_self: false })).toEqual({
      sourcePower: 0,
      targetPower: 1,
    });
    expect(growth({ rule: 'one_to_one' })).toEqual({ sourcePower: 1, targetPower: 0 });
  });

  it('scaling by 1 gives the network itself; by 2 four times the probability synapses', () => {
    const { shape, layout } = example();
    expect(scaleNeeds(shape, 1)).toEqual(layout.needs);
    const twice = scaleNeeds(shape, 2);
    expect(twice.neurons).toBe(2 * layout.needs.neurons);
    expect(twice.rows).toBe(2 * layout.needs.rows);
    // Every projection of the example is fixed_probability: synapses x4 (each rounded).
    expect(Math.abs(twice.synapses - 4 * layout.needs.synapses)).toBeLessThanOrEqual(5);
    expect(twice.genIdx).toBe(layout.needs.genIdx);
    expect(twice.maxDelay).toBe(layout.needs.maxDelay);
  });

  it('the result fits, one neuron more does not, and fitting is monotone in size', () => {
    const { shape } = example();
    const found = largestFit(shape, { synDelay: 3 });
    if (found === undefined) throw new Error('nothing fits');
    const { largest, next } = found;
    expect(largest.fits).toBe(true);
    expect(next.fits).toBe(false);
    expect(next.factor).toBeGreaterThan(largest.factor);
    expect(largest.needs.neurons).toBeGreaterThan(shape.needs.neurons);
    const n = Math.round(largest.factor * shape.needs.neurons);
    let fitted = true;
    for (let k = shape.sizes.length; k <= 2 * n; k += Math.max(1, Math.floor(n / 200))) {
      const f = scaledFit(shape, k, { synDelay: 3 }).fits;
      expect(f && !fitted, `fits again at ${k} neurons`).toBe(false);
      fitted = f;
      expect(f).toBe(k <= n);
    }
  });

  it('a smaller part gives a smaller network, and a part too small for one neuron none', () => {
    const { shape } = example();
    const half = { luts: 53200, flipFlops: 106400, bram36: 70, dsp: 220 };
    const full = largestFit(shape)?.largest.needs.neurons ?? 0;
    const small = largestFit(shape, {}, half)?.largest.needs.neurons ?? 0;
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(full);
    expect(largestFit(shape, {}, { ...half, dsp: 10 })).toBeUndefined();
  });
});
