import { describe, expect, it } from 'vitest';
import {
  PARAM_INFO,
  POPULATION_MODELS,
  createDocument,
  createPopulation,
  createProjection,
  defaultParams,
  documentIds,
  uniqueId,
  validateDocument,
} from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { validDocument } from './helpers.ts';

function roundTrip(doc: NetworkDocument): NetworkDocument {
  const result = validateDocument(JSON.parse(JSON.stringify(doc)));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.document;
}

describe('defaults and factories', () => {
  it('creates an empty document with the stated run settings', () => {
    expect(createDocument()).toEqual({
      format: 'spikelab-network',
      version: 1,
      name: 'Untitled network',
      populations: [],
      projections: [],
      stimuli: [],
      probes: [],
      run: { dt: 0.1, duration: 1000, seed: 1, backend: 'auto' },
    });
  });

  it('uses the tutorial values for a new LIF population', () => {
    expect(defaultParams('stochastic_lif')).toEqual({
      v_rest: 0,
      v_reset: 0,
      v_threshold: 1,
      tau_mem: 20,
      resistance: 1,
      noise_std: 0,
      refractory_period: 0,
      bias: 0,
      v_init: { kind: 'constant', value: 0 },
    });
    expect(defaultParams('poisson')).toEqual({ rate: 20 });
    expect(defaultParams('spike_generator')).toEqual({ indices: [], times: [], period: 0 });
  });

  it('makes a new sc_dense population the tutorial’s section 4 layer', () => {
    const layer = createPopulation('sc_dense', 'sc', { x: 0, y: 0 });
    expect(layer.size).toBe(4);
    expect(layer.params).toEqual({
      inputs: { kind: 'constant', values: [0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8] },
      weights: [0.5, 0.6, 0.4, 0.3, 0.7, 0.5, 0.8, 0.2],
      x_min: 0,
      x_max: 1,
      w_min: 0,
      w_max: 1,
      length: 2048,
      y_min: 0,
      y_max: 0.1,
      scaling: 'sum',
      v_rest: 0,
      v_reset: 0,
      v_threshold: 1,
      tau_mem: 20,
      resistance: 1,
      noise_std: 0.02,
      refractory_period: 0,
      base_seed: 42,
    });
  });

  it('returns fresh objects, so editing one population never edits another', () => {
    const a = createPopulation('stochastic_lif', 'a', { x: 0, y: 0 });
    const b = createPopulation('stochastic_lif', 'b', { x: 0, y: 0 });
    if (a.model !== 'stochastic_lif' || b.model !== 'stochastic_lif')
      throw new Error('LIF expected');
    a.params.v_init = { kind: 'constant', value: 5 };
    expect(b.params.v_init).toEqual({ kind: 'constant', value: 0 });
  });

  it('creates the stated default projection', () => {
    expect(createProjection('p', 'a', 'b')).toEqual({
      id: 'p',
      source: 'a',
      target: 'b',
      connectivity: { rule: 'fixed_probability', p: 0.1, allow_self: false },
      weight: { kind: 'constant', value: 0.1 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'exponential', tau: 5 },
    });
  });

  it('round-trips a document of every model through JSON and validation unchanged', () => {
    const doc = validDocument();
    // A loihi population needs 1 ms steps (brian2-loihi's dt).
    doc.run.dt = 1;
    for (const model of POPULATION_MODELS) {
      doc.populations.push(
        createPopulation(model, uniqueId(model, documentIds(doc)), { x: 10, y: 20 }),
      );
    }
    doc.projections.push(createProjection('rec', 'exc', 'exc'));
    expect(roundTrip(doc)).toEqual(doc);
    expect(roundTrip(roundTrip(doc))).toEqual(doc);
  });

  it('validation returns a copy, never the caller’s object', () => {
    const doc = validDocument();
    const result = validateDocument(doc);
    expect(result.ok && result.document).not.toBe(doc);
    expect(result.ok && result.document.populations[0]).not.toBe(doc.populations[0]);
  });
});

describe('uniqueId', () => {
  it('returns the prefix while it is free, then the first free numbered id', () => {
    expect(uniqueId('exc', new Set())).toBe('exc');
    expect(uniqueId('exc', new Set(['exc']))).toBe('exc_2');
    expect(uniqueId('exc', ['exc', 'exc_2', 'exc_4'])).toBe('exc_3');
    expect(uniqueId('', [])).toBe('item');
  });

  it('draws from the one namespace of all ids', () => {
    expect([...documentIds(validDocument())].sort()).toEqual(
      ['exc', 'exc_rate', 'exc_spikes', 'exc_v', 'gen', 'input', 'input_exc', 'step'].sort(),
    );
  });
});

describe('parameter metadata', () => {
  // Optional parameters, absent from the defaults, that the inspector also describes.
  const OPTIONAL: Partial<Record<string, string[]>> = { sc_dense: ['fixed_point'] };

  it.each(POPULATION_MODELS)('describes every parameter of %s exactly once', (model) => {
    const keys = PARAM_INFO[model].map((info) => info.key);
    const all = [...Object.keys(defaultParams(model)), ...(OPTIONAL[model] ?? [])];
    expect([...keys].sort()).toEqual(all.sort());
    for (const info of PARAM_INFO[model]) {
      expect(info.label).not.toBe('');
      expect(info.description).not.toBe('');
    }
  });

  it('gives hints the defaults satisfy', () => {
    for (const model of POPULATION_MODELS) {
      const params: Record<string, unknown> = { ...defaultParams(model) };
      for (const info of PARAM_INFO[model]) {
        const value = params[info.key];
        if (typeof value !== 'number') continue;
        if (info.min !== undefined) expect(value, info.key).toBeGreaterThanOrEqual(info.min);
        if (info.max !== undefined) expect(value, info.key).toBeLessThanOrEqual(info.max);
      }
      for (const info of PARAM_INFO[model]) {
        // A choice lists its options, and the default is one of them.
        if (info.input === 'choice') expect(info.options).toContain(params[info.key]);
        else expect(info.options).toBeUndefined();
      }
    }
  });
});
