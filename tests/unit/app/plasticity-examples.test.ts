/**
 * The gallery's STDP and R-STDP examples teach what their descriptions say, run on the
 * reference backend: STDP separates the synchronous inputs (up to w max) from the random ones
 * (down), R-STDP grows only the rewarded input's weight.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';

function example(file: string): NetworkDocument {
  const text = readFileSync(new URL(`../../../public/examples/${file}`, import.meta.url), 'utf8');
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.document;
}

/** The learned weights at the end of the run, and at its first third. */
async function weights(doc: NetworkDocument) {
  const sim = await createSimulation(doc, { backend: 'reference' });
  try {
    await sim.step(Math.round(sim.totalSteps / 3));
    const early = await sim.learnedWeights();
    await sim.step(sim.totalSteps - sim.currentStep);
    return { early, end: await sim.learnedWeights() };
  } finally {
    sim.dispose();
  }
}

const list = (a: Float32Array | undefined) => Array.from(a ?? []);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('plasticity examples', () => {
  it('stdp.json: correlated inputs grow to w max, uncorrelated ones fall', async () => {
    const { early, end } = await weights(example('stdp.json'));
    expect(list(end.pattern_out)).toEqual([0.6, 0.6, 0.6, 0.6].map(Math.fround));
    const noise = list(end.noise_out);
    expect(noise).toHaveLength(4);
    expect(Math.max(...noise)).toBeLessThan(0.3);
    expect(mean(noise)).toBeLessThan(0.15);
    // Visible while it runs: already apart after the first second.
    expect(Math.min(...list(early.pattern_out))).toBeGreaterThan(
      Math.max(...list(early.noise_out)),
    );
  });

  it('rstdp.json: only the rewarded input A learns', async () => {
    const doc = example('rstdp.json');
    const { end } = await weights(doc);
    const [a, b] = list(end.inputs_out);
    expect(a).toBe(3);
    expect(b).toBeGreaterThanOrEqual(1.2 - 1e-6);
    expect(b).toBeLessThan(1.3);
  });
});
