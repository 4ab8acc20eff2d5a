/**
 * The nir_neuron model in the document: schema (a union tagged by type, numbers or arrays,
 * taus > 0, no refractory or noise fields), cross-checks (array lengths, delta projections,
 * probes), defaults and the type switch of the inspector.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkDocument, NirNeuronParams } from '../../../src/model/document.ts';
import { createDocument, createPopulation, validateDocument } from '../../../src/model/index.ts';
import { withNirType, describeNirValue } from '../../../src/model/nir-neuron-params.ts';
import { applyEdit } from '../../../src/store/document/reduce.ts';

function doc(params: unknown, size = 3): NetworkDocument {
  const d = createDocument();
  const nir = { ...createPopulation('nir_neuron', 'n', { x: 0, y: 0 }), size, params };
  const src = createPopulation('poisson', 'p', { x: 0, y: 0 });
  return { ...d, populations: [src, nir as NetworkDocument['populations'][number]] };
}

function issues(d: unknown): string[] {
  const r = validateDocument(d);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

const lif = {
  type: 'LIF',
  discretisation: 'exact',
  tau_mem: 10,
  r: 1,
  v_leak: 0,
  v_threshold: 1,
  v_reset: 0,
};

describe('nir_neuron schema', () => {
  it('accepts numbers and per-neuron arrays and fills bias and v_init with 0', () => {
    const r = validateDocument(doc({ ...lif, tau_mem: [5, 10, 20] }));
    expect(r.ok).toBe(true);
    const params = r.ok ? (r.document.populations[1]?.params as NirNeuronParams) : undefined;
    expect(params).toMatchObject({ tau_mem: [5, 10, 20], bias: 0, v_init: 0 });
  });

  it('names the bad field', () => {
    expect(issues(doc({ ...lif, tau_mem: 0 }))).toEqual([
      'populations[1].params.tau_mem: must be > 0, got 0',
    ]);
    expect(issues(doc({ ...lif, tau_mem: [5, -1, 3] }))).toEqual([
      'populations[1].params.tau_mem[1]: must be > 0, got -1',
    ]);
    expect(issues(doc({ ...lif, r: 'big' }))).toEqual([
      'populations[1].params.r: must be a number or an array of numbers, got "big"',
    ]);
    expect(issues(doc({ ...lif, type: 'Izhikevich' }))[0]).toMatch(
      /^populations\[1\]\.params\.type: must be one of LIF, IF, LI, I, CubaLIF, CubaLI, Threshold/,
    );
    expect(issues(doc({ ...lif, discretisation: 'rk4' }))[0]).toMatch(
      /^populations\[1\]\.params\.discretisation: must be one of/,
    );
  });

  it('has no refractory period, noise or fields of another type', () => {
    expect(issues(doc({ ...lif, refractory_period: 2 }))[0]).toMatch(
      /^populations\[1\]\.params\.refractory_period: /,
    );
    expect(issues(doc({ ...lif, noise_std: 0.1 }))[0]).toMatch(/params\.noise_std: /);
    expect(issues(doc({ ...lif, tau_syn: 5 }))[0]).toMatch(/params\.tau_syn: /);
    const { v_threshold: _, ...noThreshold } = lif;
    expect(issues(doc(noThreshold))[0]).toMatch(/params\.v_threshold: required/);
  });
});

describe('nir_neuron cross-checks', () => {
  it('wants one value per neuron in an array', () => {
    expect(issues(doc({ ...lif, v_threshold: [1, 2] }))).toEqual([
      'populations[1].params.v_threshold: must have one value per neuron (size 3) or be a ' +
        'single number, got 2 values',
    ]);
  });

  it('takes delta projections and current steps, refuses exponential synapses', () => {
    const base = doc(lif);
    const projection = {
      id: 'p_n',
      source: 'p',
      target: 'n',
      connectivity: { rule: 'all_to_all', allow_self: false },
      weight: { kind: 'constant', value: 0.5 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'delta' },
    } as const;
    const stimulus = {
      id: 's',
      kind: 'current_step',
      target: 'n',
      start: 0,
      stop: 10,
      amplitude: 1,
    } as const;
    expect(issues({ ...base, projections: [projection], stimuli: [stimulus] })).toEqual([]);
    const exp = { ...projection, synapse: { kind: 'exponential', tau: 5 } };
    expect(issues({ ...base, projections: [exp] })).toEqual([
      'projections[0].synapse.kind: "n" is a nir_neuron population; a projection into it must ' +
        "use a delta synapse (its weights reach the next step's input; the model's own tau_syn " +
        'filters them), got exponential',
    ]);
  });

  it('records v and i_syn, not u or w', () => {
    const base = doc(lif);
    const probe = (variable: string) => ({
      ...base,
      probes: [{ id: 'q', kind: 'state', population: 'n', variable, neurons: [0] }],
    });
    expect(issues(probe('v'))).toEqual([]);
    expect(issues(probe('i_syn'))).toEqual([]);
    expect(issues(probe('u'))[0]).toMatch(/^probes\[0\]\.variable: u is the adaptation variable/);
  });
});

describe('nir_neuron defaults and edits', () => {
  it('creates a valid CubaLIF', () => {
    const d = doc(createPopulation('nir_neuron', 'x', { x: 0, y: 0 }).params, 100);
    expect(issues(d)).toEqual([]);
    expect(d.populations[1]?.params).toMatchObject({ type: 'CubaLIF', tau_syn: 5 });
  });

  it('switches type keeping shared fields and dropping the rest', () => {
    const params = { ...lif, tau_mem: [5, 6, 7], bias: 0.2, v_init: 0 } as NirNeuronParams;
    expect(withNirType(params, 'LI')).toEqual({
      type: 'LI',
      discretisation: 'exact',
      tau_mem: [5, 6, 7],
      r: 1,
      v_leak: 0,
      bias: 0.2,
      v_init: 0,
    });
    const cuba = withNirType(params, 'CubaLIF');
    expect(cuba).toMatchObject({ tau_syn: 5, w_in: 1, tau_mem: [5, 6, 7] });
    // Through the store's reducer, as the inspector's select writes it: still valid.
    const d = doc(params);
    const next = applyEdit(d, {
      type: 'updatePopulationParams',
      id: 'n',
      params: { type: 'Threshold' },
    });
    expect(next.populations[1]?.params).toEqual({
      type: 'Threshold',
      discretisation: 'exact',
      v_threshold: 1,
      bias: 0.2,
      v_init: 0,
    });
    expect(issues(next)).toEqual([]);
  });

  it('summarises a per-neuron array', () => {
    expect(describeNirValue([1, 3, 2])).toBe('per neuron: 3 values, 1..3');
    expect(describeNirValue([2, 2])).toBe('per neuron: 2 values, all 2');
  });
});
