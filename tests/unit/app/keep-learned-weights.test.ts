/**
 * "Keep learned weights": float32 weights written as the shortest decimals that read back as
 * the same float32, projections that cannot take a list skipped with the reason, and a real
 * run of the STDP example on the reference backend whose kept weights compile back into
 * exactly the weights the run had learned.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { parseDocumentJson, validateDocument } from '../../../src/model/index.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import { keepLearnedWeights, shortestFloat32 } from '../../../src/app/run/learned-weights.ts';

function example(file: string): NetworkDocument {
  const text = readFileSync(new URL(`../../../public/examples/${file}`, import.meta.url), 'utf8');
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.document;
}

describe('shortestFloat32', () => {
  it('reads float32 values as the short decimals they came from', () => {
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(0.6))).toBe(0.6);
    expect(shortestFloat32(Math.fround(-1.2345678))).toBe(-1.2345678);
    expect(shortestFloat32(0)).toBe(0);
  });

  it('always reads back as the same float32 (random bit patterns)', () => {
    const bits = new Uint32Array(1);
    const f = new Float32Array(bits.buffer);
    let state = 12345;
    for (let k = 0; k < 2000; k += 1) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      bits[0] = state;
      const x = f[0] ?? 0;
      if (!Number.isFinite(x)) continue;
      const y = shortestFloat32(x);
      expect(Math.fround(y)).toBe(x);
      // At most 9 significant digits, the most a float32 ever needs.
      expect(Number(y.toPrecision(9))).toBe(y);
    }
  });
});

describe('keepLearnedWeights', () => {
  const doc = example('stdp.json');

  it('writes explicit weights and leaves everything else as it was', () => {
    const result = keepLearnedWeights(doc, {
      pattern_out: Float32Array.of(0.6, 0.6, 0.5, 0.1),
    });
    expect(result.kept).toEqual(['pattern_out']);
    expect(result.skipped).toEqual([]);
    const [first, second] = result.document.projections;
    expect(first?.weight).toEqual({ kind: 'explicit', values: [0.6, 0.6, 0.5, 0.1] });
    expect(second).toBe(doc.projections[1]);
    expect(validateDocument(result.document).ok).toBe(true);
  });

  it('skips projections that are gone, drawn at random or resized, saying why', () => {
    const changed: NetworkDocument = {
      ...doc,
      projections: doc.projections.map((p) =>
        p.id === 'noise_out'
          ? { ...p, connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: false } }
          : p,
      ),
      populations: doc.populations.map((p) => (p.id === 'pattern' ? { ...p, size: 3 } : p)),
    };
    const result = keepLearnedWeights(changed, {
      pattern_out: new Float32Array(4),
      noise_out: new Float32Array(4),
      gone: new Float32Array(1),
    });
    expect(result.kept).toEqual([]);
    expect(result.document).toBe(changed);
    expect(result.skipped).toEqual([
      { id: 'pattern_out', reason: 'it has 3 synapses now and the run had 4: Reset and run again' },
      {
        id: 'noise_out',
        reason:
          'its fixed_probability connectivity draws its synapses at random; per-synapse weights need all_to_all or one_to_one',
      },
      { id: 'gone', reason: 'it is no longer in the network' },
    ]);
  });

  it('kept weights of a real run compile back bit for bit (reference backend)', async () => {
    const sim = await createSimulation(doc, { backend: 'reference' });
    let learned: Record<string, Float32Array>;
    try {
      await sim.step(2000); // 1 s of the 3 s run
      learned = await sim.learnedWeights();
    } finally {
      sim.dispose();
    }
    expect(Object.keys(learned).sort()).toEqual(['noise_out', 'pattern_out']);
    const { document, kept } = keepLearnedWeights(doc, learned);
    expect(kept.sort()).toEqual(['noise_out', 'pattern_out']);
    const check = validateDocument(document);
    expect(check.ok ? [] : check.issues).toEqual([]);
    // The weights moved away from the constant 0.3 they started at.
    expect(Array.from(learned.pattern_out ?? []).every((w) => w > 0.3)).toBe(true);
    const again = await createSimulation(document, { backend: 'reference' });
    try {
      const start = await again.learnedWeights();
      for (const id of kept) expect(start[id]).toEqual(learned[id]);
    } finally {
      again.dispose();
    }
  });
});
