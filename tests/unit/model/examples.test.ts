import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultParams, isPopulationProbe, parseDocumentJson } from '../../../src/model/index.ts';
import type { NetworkDocument, Population, Projection } from '../../../src/model/index.ts';

const EXAMPLES = new URL('../../../public/examples/', import.meta.url);

interface IndexEntry {
  file: string;
  title: string;
  description: string;
}

function readText(file: string): string {
  return readFileSync(new URL(file, EXAMPLES), 'utf8');
}

const index = JSON.parse(readText('index.json')) as IndexEntry[];

function load(file: string): NetworkDocument {
  const result = parseDocumentJson(readText(file));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.document;
}

function pop(doc: NetworkDocument, id: string): Population {
  const found = doc.populations.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no population ${id}`);
  return found;
}

function proj(doc: NetworkDocument, id: string): Projection {
  const found = doc.projections.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no projection ${id}`);
  return found;
}

describe('example gallery', () => {
  it('lists the default network first, then the tutorial and benchmark examples', () => {
    expect(index.map((e) => e.file)).toEqual([
      'default.json',
      'single-neuron.json',
      'f-i-curve.json',
      'cuba.json',
      'sc-dense.json',
      'sc-two-layer.json',
      'loihi.json',
      'loihi-float-twin.json',
      'loihi-learning.json',
      'stdp.json',
      'rstdp.json',
      'izhikevich-gallery.json',
      'adex.json',
      'dynapsim.json',
      'classifier.json',
      'fixed-point-lif.json',
      'fixed-point-hw.json',
      'sc-fixed-point.json',
    ]);
    for (const entry of index) {
      expect(entry.title).not.toBe('');
      expect(entry.description).not.toBe('');
    }
  });

  it.each(index.map((e) => e.file))('%s is a valid document, already in normal form', (file) => {
    const text = readText(file);
    const doc = load(file);
    // Normal form: nothing was left to defaults, so the file reads exactly as it runs.
    expect(doc).toEqual(JSON.parse(text));
    expect(text.endsWith('\n')).toBe(true);
  });

  it('single-neuron.json is tutorial section 1', () => {
    const doc = load('single-neuron.json');
    expect(doc.run).toMatchObject({ dt: 1, duration: 200 });
    expect(doc.populations).toHaveLength(1);
    expect(doc.populations[0]).toMatchObject({
      model: 'stochastic_lif',
      size: 1,
      params: {
        v_rest: 0,
        v_reset: 0,
        v_threshold: 1,
        tau_mem: 20,
        resistance: 1,
        noise_std: 0,
        bias: 0.08,
      },
    });
    expect(doc.probes.map((p) => p.kind).sort()).toEqual(['spikes', 'state']);
  });

  it('f-i-curve.json spans the rheobase theta/(R*tau) with deterministic neurons', () => {
    const doc = load('f-i-curve.json');
    expect(doc.run).toMatchObject({ dt: 1, duration: 5000 });
    const currents: number[] = [];
    for (const p of doc.populations) {
      if (p.model !== 'stochastic_lif') throw new Error('LIF only');
      expect(p.params).toMatchObject({ v_threshold: 1, tau_mem: 20, resistance: 1, noise_std: 0 });
      currents.push(p.params.bias);
    }
    const rheobase = 1 / (1 * 20);
    expect(currents.filter((i) => i < rheobase).length).toBeGreaterThanOrEqual(2);
    expect(currents.filter((i) => i > rheobase).length).toBeGreaterThanOrEqual(5);
    expect(currents).toContain(0.08);
    // Exactly at rheobase the neuron only approaches threshold; rounding would decide. Avoid it.
    expect(currents).not.toContain(rheobase);
    expect(new Set(doc.probes.filter(isPopulationProbe).map((p) => p.population))).toEqual(
      new Set(doc.populations.map((p) => p.id)),
    );
  });

  it('cuba.json is Brian2’s CUBA network', () => {
    const doc = load('cuba.json');
    expect(doc.run).toMatchObject({ dt: 0.1, duration: 1000 });
    expect(pop(doc, 'exc').size).toBe(3200);
    expect(pop(doc, 'inh').size).toBe(800);
    const taum = 20;
    for (const id of ['exc', 'inh']) {
      expect(pop(doc, id).params).toEqual({
        v_rest: -49, // El
        v_reset: -60, // Vr
        v_threshold: -50, // Vt
        tau_mem: taum,
        resistance: 1 / taum, // dv/dt = (ge + gi - (v - El)) / taum
        noise_std: 0,
        refractory_period: 5,
        bias: 0,
        v_init: { kind: 'uniform', low: -60, high: -50 },
      });
    }
    const we = (60 * 0.27) / 10;
    const wi = (-20 * 4.5) / 10;
    for (const [id, weight, tau] of [
      ['exc_exc', we, 5],
      ['exc_inh', we, 5],
      ['inh_exc', wi, 10],
      ['inh_inh', wi, 10],
    ] as const) {
      const p = proj(doc, id);
      expect(p.connectivity).toEqual({ rule: 'fixed_probability', p: 0.02, allow_self: true });
      expect(p.weight.kind === 'constant' && p.weight.value).toBeCloseTo(weight, 12);
      expect(p.synapse).toEqual({ kind: 'exponential', tau });
      expect(p.delay).toEqual({ kind: 'constant', steps: 0 });
      expect(`${p.source}_${p.target}`).toBe(id);
    }
  });

  it('sc-dense.json is tutorial section 4 with spikes, rate, v and i_syn probes', () => {
    const doc = load('sc-dense.json');
    expect(doc.run).toMatchObject({ dt: 1, duration: 500 });
    expect(doc.populations).toHaveLength(1);
    const layer = pop(doc, 'layer');
    expect(layer).toMatchObject({ model: 'sc_dense', size: 4 });
    // The palette's new SC layer is this same layer (defaults.ts: tutorial section 4).
    expect(layer.params).toEqual(defaultParams('sc_dense'));
    expect(layer.params).toMatchObject({
      inputs: { kind: 'constant', values: [0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8] },
      weights: [0.5, 0.6, 0.4, 0.3, 0.7, 0.5, 0.8, 0.2],
      length: 2048,
      y_min: 0,
      y_max: 0.1,
      tau_mem: 20,
      v_threshold: 1,
      noise_std: 0.02,
      base_seed: 42,
    });
    expect(doc.probes.map((p) => (p.kind === 'state' ? p.variable : p.kind)).sort()).toEqual([
      'i_syn',
      'rate',
      'spikes',
      'v',
    ]);
  });

  it('sc-two-layer.json is tutorial section 5, layer 1’s rates wired into layer 2', () => {
    const doc = load('sc-two-layer.json');
    expect(doc.run).toMatchObject({ dt: 1, duration: 500 });
    expect(pop(doc, 'layer1')).toMatchObject({
      model: 'sc_dense',
      size: 4,
      params: {
        inputs: { kind: 'constant', values: [0.4, 0.7, 0.3, 0.8, 0.6, 0.5, 0.9, 0.2] },
        weights: [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.5, 0.6],
        x_max: 1,
        noise_std: 0.01,
        base_seed: 100,
      },
    });
    const layer2 = pop(doc, 'layer2');
    expect(layer2).toMatchObject({
      model: 'sc_dense',
      size: 2,
      params: {
        inputs: { kind: 'rates', source: 'layer1' },
        weights: [0.6, 0.5, 0.7, 0.4],
        x_min: 0,
        x_max: 0.1,
        noise_std: 0.01,
        base_seed: 200,
      },
    });
    expect(doc.projections).toEqual([]);
    expect(layer2.position.x).toBeGreaterThan(pop(doc, 'layer1').position.x);
    expect(new Set(doc.probes.filter(isPopulationProbe).map((p) => p.population))).toEqual(
      new Set(['layer1', 'layer2']),
    );
  });

  it('default.json lays its populations out left to right, input first', () => {
    const doc = load('default.json');
    const input = pop(doc, 'input');
    expect(input.model).toBe('poisson');
    for (const p of doc.populations) {
      if (p.id !== 'input') expect(p.position.x).toBeGreaterThan(input.position.x);
    }
    expect(doc.probes.filter((p) => p.kind === 'spikes')).toHaveLength(doc.populations.length);
  });
});
