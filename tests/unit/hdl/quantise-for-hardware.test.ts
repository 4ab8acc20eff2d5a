import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { quantiseForHardware } from '../../../src/hdl/quantise-for-hardware.ts';
import { formatQuantiseReport } from '../../../src/hdl/quantise-report.ts';
import { parseDocumentJson, validateDocument } from '../../../src/model/index.ts';
import type { NetworkDocument, Population } from '../../../src/model/index.ts';

const EXAMPLES = new URL('../../../public/examples/', import.meta.url);

function load(file: string): NetworkDocument {
  const result = parseDocumentJson(readFileSync(new URL(file, EXAMPLES), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.document;
}

function population(doc: NetworkDocument, id: string): Population {
  const found = doc.populations.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no population ${id}`);
  return found;
}

/** Spike counts per population over the whole run, on the reference backend. */
async function spikeCounts(doc: NetworkDocument): Promise<Record<string, number>> {
  const sim = await createSimulation(doc, { backend: 'reference' });
  try {
    const chunk = await sim.step(sim.totalSteps);
    return Object.fromEntries(Object.entries(chunk.spikes).map(([id, b]) => [id, b.steps.length]));
  } finally {
    sim.dispose();
  }
}

/** One state probe's values over the whole run. */
async function trace(doc: NetworkDocument, probe: string): Promise<number[]> {
  const sim = await createSimulation(doc, { backend: 'reference' });
  try {
    const chunk = await sim.step(sim.totalSteps);
    return Array.from(chunk.traces[probe]?.values ?? []);
  } finally {
    sim.dispose();
  }
}

/** Every example with a float LIF, and which of its LIF populations convert. */
const CONVERTED: Record<string, string[]> = {
  'single-neuron.json': ['neuron'],
  'f-i-curve.json': ['i040', 'i045', 'i055', 'i060', 'i070', 'i080', 'i100', 'i120'],
  'cuba.json': ['exc', 'inh'],
  'default.json': ['exc', 'inh'],
  'classifier.json': ['hidden', 'output'],
  'fixed-point-lif.json': ['float'],
  'loihi-float-twin.json': ['float'],
  'rstdp.json': [],
  'stdp.json': [],
};

describe('quantiseForHardware on the examples', () => {
  for (const [file, ids] of Object.entries(CONVERTED)) {
    it(`converts ${file} into a valid document`, () => {
      const doc = load(file);
      const { document, report } = quantiseForHardware(doc);
      expect(validateDocument(document).ok).toBe(true);
      expect(report.converted.map((c) => c.id)).toEqual(ids);
      for (const id of ids) expect(population(document, id).model).toBe('fixed_point_lif');
      // The input is left alone.
      expect(doc.populations.filter((p) => p.model === 'stochastic_lif').length).toBeGreaterThan(0);
    });
  }

  it('converts the CUBA network with W = 16, F = 9, S = 16 and nothing left to refuse', () => {
    const { document, report } = quantiseForHardware(load('cuba.json'));
    const exc = population(document, 'exc');
    if (exc.model !== 'fixed_point_lif') throw new Error('exc not converted');
    // -60 mV (v_reset) widened by one step's largest input must fit: 2^9 is the largest F.
    expect(exc.params).toMatchObject({
      total_bits: 16,
      fraction_bits: 9,
      scale_bits: 16,
      v_rest: -49,
      v_reset: -60,
      v_threshold: -50,
      tau_mem: 20,
      resistance: 0.05,
      refractory_period: 5,
      bias: 0,
      v_init: { kind: 'uniform', low: -60, high: -50 },
    });
    expect(report.converted[0]?.vStep).toBe(2 ** -9);
    expect(report.refusals).toEqual([]);
    expect(formatQuantiseReport(report)).toContain('the result can go to hardware');
  });

  it('drops noise and says so', () => {
    const { document, report } = quantiseForHardware(load('default.json'));
    expect(report.converted[0]?.dropped).toEqual([
      'noise_std 0.02 (the hardware has no noise source)',
    ]);
    expect(JSON.stringify(population(document, 'exc').params)).not.toContain('noise');
  });

  it('rescales delta weights by (1 - dt/tau_mem) / (resistance * dt)', () => {
    const doc = load('classifier.json');
    const { document, report } = quantiseForHardware(doc);
    // dt 1, tau 20, resistance 1: factor 0.95.
    expect(document.projections[0]?.weight).toEqual({ kind: 'uniform', low: -0.19, high: 0.57 });
    expect(report.converted[0]?.rescaled[0]).toMatch(
      /'inputs_to_hidden' \(delta\): weights × 0\.95/,
    );
  });

  it('keeps a LIF with plastic projections onto it, naming the projection', () => {
    const { report } = quantiseForHardware(load('stdp.json'));
    expect(report.kept).toEqual([
      {
        id: 'out',
        name: "'out' (Output neuron)",
        reason: expect.stringContaining("projection 'pattern_out' onto it is plastic") as string,
      },
    ]);
    // The refusals of the result still list the LIF and the plasticity.
    expect(report.refusals.map((r) => r.path)).toEqual([
      'populations[2]',
      'projections[0].plasticity',
      'projections[1].plasticity',
    ]);
  });

  it('leaves other refusals alone (Izhikevich stays Izhikevich)', () => {
    const doc = load('izhikevich-gallery.json');
    const { document, report } = quantiseForHardware(doc);
    expect(document.populations.map((p) => p.model)).toEqual(doc.populations.map((p) => p.model));
    expect(report.refusals).toHaveLength(5);
    expect(formatQuantiseReport(report)[0]).toBe('no float LIF population converted (W = 16 bits)');
  });

  it('refuses a width outside 8..24', () => {
    expect(() => quantiseForHardware(load('single-neuron.json'), { totalBits: 7 })).toThrow(
      'total bits must be an integer from 8 to 24, got 7',
    );
    expect(() => quantiseForHardware(load('single-neuron.json'), { totalBits: 16.5 })).toThrow(
      /got 16.5/,
    );
  });

  it('uses the chosen width', () => {
    const { report } = quantiseForHardware(load('single-neuron.json'), { totalBits: 8 });
    // Values 0..1, one step's jump 0.08: 1.08 * 2^6 = 69 fits [-128, 127].
    expect(report.converted[0]).toMatchObject({ totalBits: 8, fractionBits: 6, scaleBits: 14 });
  });
});

describe('quantised networks spike like the float ones (reference backend)', () => {
  /*
   * Measured spike counts, float -> fixed, per width W (reference backend):
   *   single-neuron (200 ms):  10 -> W8: 11, W12: 10, W16: 10, W24: 10
   *   f-i-curve (5 s, i055 i060 i070 i080 i100 i120; i040 and i045 stay silent):
   *     float 106 142 200 250 357 454
   *     W8:   208 208 208 294 384 500   (F = 6: a V step of 1/64 of the threshold)
   *     W12:  108 142 208 263 357 454
   *     W16:  106 142 200 250 357 454   (identical)
   * Tolerance at W = 16 and 24: one spike per population (measured: none).
   */
  for (const file of ['single-neuron.json', 'f-i-curve.json']) {
    for (const totalBits of [16, 24]) {
      it(`${file} at W = ${totalBits}`, async () => {
        const doc = load(file);
        const float = await spikeCounts(doc);
        const fixed = await spikeCounts(quantiseForHardware(doc, { totalBits }).document);
        expect(Object.keys(fixed)).toEqual(Object.keys(float));
        for (const [id, count] of Object.entries(float)) {
          expect(Math.abs((fixed[id] ?? -1) - count), id).toBeLessThanOrEqual(1);
        }
        // The f-I curve is not trivial: most currents fire, and faster with more current.
        expect(Object.values(float).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      });
    }
  }

  it('moves V by a delta spike as the float LIF does', async () => {
    // A silent LIF (threshold out of reach) kicked by three delta spikes: with resistance 0.5
    // the weight must become w * (1 - 1/20) / 0.5 for V to follow the float trace; a plain
    // 1/(R dt) would be 5 % high after every kick.
    const doc: NetworkDocument = {
      ...load('single-neuron.json'),
      populations: [
        {
          id: 'kicks',
          size: 1,
          position: { x: 0, y: 0 },
          model: 'spike_generator',
          params: { indices: [0, 0, 0], times: [5, 20, 40], period: 0 },
        },
        {
          id: 'neuron',
          size: 1,
          position: { x: 200, y: 0 },
          model: 'stochastic_lif',
          params: {
            v_rest: 0,
            v_reset: 0,
            v_threshold: 10,
            tau_mem: 20,
            resistance: 0.5,
            noise_std: 0,
            refractory_period: 0,
            bias: 0,
            v_init: { kind: 'constant', value: 0 },
          },
        },
      ],
      projections: [
        {
          id: 'kick',
          source: 'kicks',
          target: 'neuron',
          connectivity: { rule: 'one_to_one' },
          weight: { kind: 'constant', value: 1 },
          delay: { kind: 'constant', steps: 0 },
          synapse: { kind: 'delta' },
        },
      ],
      stimuli: [],
      probes: [{ id: 'v', kind: 'state', population: 'neuron', variable: 'v', neurons: [0] }],
      run: { dt: 1, duration: 60, seed: 1, backend: 'reference' },
    };
    const { document, report } = quantiseForHardware(doc);
    const step = report.converted[0]?.vStep ?? 1;
    const float = await trace(doc, 'v');
    const fixed = (await trace(document, 'v')).map((q) => q * step);
    expect(fixed).toHaveLength(float.length);
    // Float V shows a kick at the end of its delivery step (5, 20, 40), the fixed-point V a step
    // later: from the next step on, both have integrated it and must agree.
    const kicks = new Set([5, 20, 40]);
    let worst = 0;
    for (let t = 0; t < float.length; t++) {
      if (!kicks.has(t)) worst = Math.max(worst, Math.abs(fixed[t]! - float[t]!));
    }
    expect(Math.max(...fixed)).toBeGreaterThan(0.9);
    // Measured 0.0048 (F = 11: ten V steps of floor-shift drift over 60 steps); a weight of
    // 1 / (R dt) would be 0.05 off after the first kick.
    expect(worst).toBeLessThan(0.01);
  });
});

describe('quantiseForHardware with long explicit weights', () => {
  it('bounds a million explicit delta weights without spreading them into a call', () => {
    const doc = load('classifier.json');
    const projection = doc.projections[0]!;
    // 1,000,000 synapses: 1000 inputs all-to-all onto 1000 hidden neurons.
    const values = Array.from({ length: 1_000_000 }, (_, k) => (k % 7) / 10 - 0.2);
    values[123_456] = 1.5;
    doc.populations = doc.populations.map((p) =>
      p.id === 'inputs' || p.id === 'hidden' ? { ...p, size: 1000 } : p,
    );
    doc.projections[0] = { ...projection, weight: { kind: 'explicit', values } };
    const { document, report } = quantiseForHardware(doc);
    const w = document.projections[0]?.weight;
    expect(w?.kind === 'explicit' ? w.values[123_456] : null).toBeCloseTo(1.5 * 0.95, 12);
    // The hidden layer's largest weight is 1.5 * 0.95 = 1.425; V's reach, threshold 1 plus a
    // one-step jump of 1.425, is 2.425: 2.425 * 2^14 > 32767, so F = 13 at 16 bits.
    expect(report.converted[0]).toMatchObject({ id: 'hidden', fractionBits: 13 });
  });
});
