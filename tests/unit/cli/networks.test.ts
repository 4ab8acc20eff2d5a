/** The bench's networks, built in code, against the published example and the numbers. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CUBA, cubaNetwork } from '../../../src/cli/bench/networks.ts';
import { planStats } from '../../../src/cli/bench/plan-stats.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson, validateDocument } from '../../../src/model/index.ts';

/** What determines the simulation: everything but names, labels, positions and probes. */
function physics(doc: NetworkDocument): unknown {
  return {
    populations: doc.populations.map((p) => ({
      id: p.id,
      size: p.size,
      model: p.model,
      params: p.params,
    })),
    projections: doc.projections,
    stimuli: doc.stimuli,
    run: { dt: doc.run.dt, duration: doc.run.duration, seed: doc.run.seed },
  };
}

describe('bench networks', () => {
  it('CUBA built in code is public/examples/cuba.json (same network, connectivity and seed)', () => {
    const text = readFileSync(
      new URL('../../../public/examples/cuba.json', import.meta.url),
      'utf8',
    );
    const example = parseDocumentJson(text);
    expect(example.ok).toBe(true);
    if (!example.ok) return;
    const built = validateDocument(cubaNetwork());
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(physics(built.document)).toEqual(physics(example.document));
  });

  it("CUBA has the issue's parameters: 3200 + 800 LIF, p 0.02, we 1.62 mV, wi -9 mV", () => {
    expect(CUBA.we).toBeCloseTo((60 * 0.27) / 10, 12);
    expect(CUBA.wi).toBeCloseTo((-20 * 4.5) / 10, 12);
    const doc = cubaNetwork();
    expect(doc.populations.map((p) => p.size)).toEqual([3200, 800]);
    for (const projection of doc.projections) {
      expect(projection.connectivity).toEqual({
        rule: 'fixed_probability',
        p: 0.02,
        allow_self: true,
      });
    }
    expect(doc.run).toMatchObject({ dt: 0.1, duration: 1000 });
  });

  it('the scaling series keeps the 80/20 split and about 80 synapses per neuron', () => {
    for (const neurons of [1000, 16_000]) {
      const doc = cubaNetwork(neurons, 1);
      expect(doc.populations.map((p) => p.size)).toEqual([0.8 * neurons, 0.2 * neurons]);
      const stats = planStats(doc);
      expect(stats.neurons).toBe(neurons);
      // Binomial(N^2, 80/N): mean 80 N, standard deviation about sqrt(80 N).
      expect(Math.abs(stats.synapses - 80 * neurons)).toBeLessThan(5 * Math.sqrt(80 * neurons));
      let outgoing = 0;
      for (const degrees of stats.outDegree.values()) for (const d of degrees) outgoing += d;
      expect(outgoing).toBe(stats.synapses);
    }
  });
});
