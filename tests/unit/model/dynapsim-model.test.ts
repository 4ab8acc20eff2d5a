/**
 * The DynapSim document model: Rockpool's default currents and the time constants they imply
 * (numbers derived by hand from Rockpool's `defaults.py` formulas), validation messages, and
 * `dynapsimNetFromSpec` against the arguments of Rockpool's `dynapsim_net_from_spec`.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { createPopulation } from '../../../src/model/index.ts';
import { dynapsimDefaults, dynapsimTimeConstants } from '../../../src/model/dynapsim-constants.ts';
import {
  dpiWeightFromCode,
  dynapsimNetFromSpec,
  type DynapsimSpec,
} from '../../../src/model/dynapsim-from-spec.ts';
import { dynapsimDocument } from '../engine/fixtures/dynapsim-documents.ts';
import { issuesOf } from './helpers.ts';

describe('DynapSim defaults and time constants', () => {
  it('creates a population with Rockpool default currents', () => {
    const p = createPopulation('dynapsim', 'd', { x: 0, y: 0 });
    if (p.model !== 'dynapsim') throw new Error('wrong model');
    // kappa = 0.705, Ut / kappa = 0.0354610 V. Itau = Ut/kappa * C / tau, Ipw = Vth * C / t.
    const expected: Record<string, number> = {
      Itau_mem: 5.3191489e-12, // C_mem 3 pF, tau 20 ms
      Igain_mem: 2.1276596e-11, // 4 x Itau_mem
      Itau_syn: 8.6879433e-11, // C_ampa 24.5 pF, tau 10 ms
      Igain_syn: 8.6879433e-9, // 100 x Itau_syn
      Itau_ahp: 2.8368794e-11, // C_ahp 40 pF, tau 50 ms
      Igain_ahp: 2.8368794e-11,
      Ipulse: 3.5e-8, // 0.7 V x 0.5 pF / 10 us
      Ipulse_ahp: 3.5e-7, // 0.7 V x 0.5 pF / 1 us
      Iref: 1.05e-9, // 0.7 V x 1.5 pF / 1 ms
      Ispkthr: 1e-7,
      Iw_ahp: 5e-13,
      Idc: 5e-13,
      If_nmda: 5e-13,
      Iscale: 1e-8,
    };
    for (const [name, value] of Object.entries(expected)) {
      const got = (p.params as unknown as Record<string, number>)[name] ?? NaN;
      expect(got / value, name).toBeCloseTo(1, 6);
    }
    expect(p.params.percent_mismatch).toBe(0);
  });

  it('derives the time constants as Rockpool does', () => {
    const t = dynapsimTimeConstants(dynapsimDefaults());
    expect(t.tau_mem).toBeCloseTo(0.02, 10);
    expect(t.tau_syn).toBeCloseTo(0.01, 10);
    expect(t.tau_ahp).toBeCloseTo(0.05, 10);
    expect(t.t_pulse).toBeCloseTo(1e-5, 12);
    expect(t.t_pulse_ahp).toBeCloseTo(1e-6, 12);
    expect(t.t_ref).toBeCloseTo(1e-3, 12);
    // Other currents: tau = 0.025 * C / (0.705 * Itau); a tau current below Io is clipped to Io.
    const other = dynapsimTimeConstants({ ...dynapsimDefaults(), Itau_mem: 1e-11, kappa_n: 0.7 });
    expect(other.tau_mem).toBeCloseTo((0.025 * 3e-12) / (0.68 * 1e-11), 10);
    const clipped = dynapsimTimeConstants({ ...dynapsimDefaults(), Itau_syn: 1e-14 });
    expect(clipped.tau_syn).toBeCloseTo((0.025 * 24.5e-12) / (0.705 * 5e-13), 8);
  });
});

describe('DynapSim validation', () => {
  it('accepts a DynapSim document', () => {
    expect(issuesOf(dynapsimDocument({ Idc: 1e-9 }))).toEqual([]);
  });

  it('refuses non-positive currents and a threshold at or below Io', () => {
    expect(issuesOf(dynapsimDocument({ Itau_mem: -1e-12 })).join('\n')).toMatch(
      /populations\[0\]\.params\.Itau_mem.*> 0/,
    );
    expect(issuesOf(dynapsimDocument({ Ispkthr: 4e-13 })).join('\n')).toMatch(
      /Ispkthr.*above the dark current Io/,
    );
    expect(issuesOf(dynapsimDocument({ percent_mismatch: 0.8 })).join('\n')).toMatch(
      /percent_mismatch/,
    );
  });

  it('lets only dpi synapses into a DynapSim population, and dpi synapses only there', () => {
    const withProjection = (synapse: NetworkDocument['projections'][number]['synapse']) => {
      const doc = dynapsimDocument({});
      doc.projections.push({
        id: 'rec',
        source: 'D',
        target: 'D',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'constant', value: 1 },
        delay: { kind: 'constant', steps: 0 },
        synapse,
      });
      return issuesOf(doc).join('\n');
    };
    expect(withProjection({ kind: 'exponential', tau: 5 })).toMatch(
      /"D" is a dynapsim population; a projection into it must use a dpi synapse/,
    );
    expect(withProjection({ kind: 'dpi' })).toBe('');
    expect(withProjection({ kind: 'dpi', weights: [1, 2] })).toMatch(
      /synapse\.weights: must have one entry per synapse \(1\), got 2/,
    );
  });
});

function spec(overrides: Partial<DynapsimSpec> = {}): DynapsimSpec {
  const per = (v: number): number[] => [v, v];
  const d = dynapsimDefaults();
  return {
    n_cluster: 2,
    core_map: [0, 1, 0],
    weights_in: [
      [1, 2, 3],
      [0, 0, 0],
    ],
    weights_rec: [
      [0, 4, 0],
      [0, 0, 5],
      [0, 0, 0],
    ],
    Idc: [1e-10, 2e-10],
    If_nmda: per(d.If_nmda),
    Igain_ahp: per(d.Igain_ahp),
    Igain_mem: per(d.Igain_mem),
    Igain_syn: per(d.Igain_syn),
    Ipulse_ahp: per(d.Ipulse_ahp),
    Ipulse: per(d.Ipulse),
    Iref: per(d.Iref),
    Ispkthr: per(d.Ispkthr),
    Itau_ahp: per(d.Itau_ahp),
    Itau_mem: [d.Itau_mem, 2 * d.Itau_mem],
    Itau_syn: per(d.Itau_syn),
    Iw_ahp: [1e-12, 2e-12],
    Iscale: 2e-8,
    percent_mismatch: 0.1,
    dt: 5e-4,
    ...overrides,
  };
}

describe('dynapsimNetFromSpec', () => {
  it('builds one population per cluster with its biases, and the weight blocks', () => {
    const net = dynapsimNetFromSpec(spec());
    expect(net.dt).toBeCloseTo(0.5, 12);
    expect(net.populations.map((p) => [p.id, p.model, p.size])).toEqual([
      ['dynapsim_input', 'spike_generator', 2],
      ['dynapsim_cluster0', 'dynapsim', 2],
      ['dynapsim_cluster1', 'dynapsim', 1],
    ]);
    const [, c0, c1] = net.populations;
    if (c0?.model !== 'dynapsim' || c1?.model !== 'dynapsim') throw new Error('not dynapsim');
    expect([c0.params.Idc, c1.params.Idc]).toEqual([1e-10, 2e-10]);
    expect([c0.params.Iw_ahp, c1.params.Iw_ahp]).toEqual([1e-12, 2e-12]);
    expect(c1.params.Itau_mem).toBe(2 * c0.params.Itau_mem);
    expect([c0.params.Iscale, c0.params.percent_mismatch]).toEqual([2e-8, 0.1]);
    expect(c0.params.mismatch_seed).not.toBe(c1.params.mismatch_seed);
    expect(net.neurons).toEqual([
      { population: 'dynapsim_cluster0', index: 0 },
      { population: 'dynapsim_cluster1', index: 0 },
      { population: 'dynapsim_cluster0', index: 1 },
    ]);
    // Non-zero blocks only, weights sources ascending then targets ascending.
    const weights = Object.fromEntries(
      net.projections.map((p) => [
        `${p.source}->${p.target}`,
        p.synapse.kind === 'dpi' ? p.synapse.weights : undefined,
      ]),
    );
    expect(weights).toEqual({
      'dynapsim_input->dynapsim_cluster0': [1, 3, 0, 0],
      'dynapsim_input->dynapsim_cluster1': [2, 0],
      'dynapsim_cluster0->dynapsim_cluster1': [4, 0],
      'dynapsim_cluster1->dynapsim_cluster0': [0, 5],
    });
  });

  it('gives a document that validates', () => {
    const net = dynapsimNetFromSpec(spec());
    const doc = dynapsimDocument({});
    doc.populations = net.populations;
    doc.projections = net.projections;
    doc.probes = [];
    doc.run.dt = net.dt;
    expect(issuesOf(doc)).toEqual([]);
  });

  it('names the argument that does not fit', () => {
    expect(() => dynapsimNetFromSpec(spec({ Idc: [1e-10] }))).toThrow(
      'Idc must list one current per cluster (2), got 1',
    );
    expect(() => dynapsimNetFromSpec(spec({ core_map: [0, 2, 0] }))).toThrow(
      'core_map[1] must be a cluster index in 0..1, got 2',
    );
    expect(() => dynapsimNetFromSpec(spec({ weights_rec: [[0, 0, 0]] }))).toThrow(
      'weights_rec must have 3 rows (one per neuron), got 1',
    );
    expect(() => dynapsimNetFromSpec(spec({ Iref: [0, 1e-9] }))).toThrow(
      'Iref[0] must be a positive current in amperes, got 0',
    );
  });
});

describe('dpiWeightFromCode', () => {
  it('sums the weight-bit currents the mask selects, in units of Iscale', () => {
    // Rockpool's defaults Iw_0..Iw_3 = 1, 2, 4, 8 nA and Iscale 10 nA.
    expect(dpiWeightFromCode(0)).toBe(0);
    expect(dpiWeightFromCode(1)).toBeCloseTo(0.1, 12);
    expect(dpiWeightFromCode(8)).toBeCloseTo(0.8, 12);
    expect(dpiWeightFromCode(5)).toBeCloseTo(0.5, 12);
    expect(dpiWeightFromCode(15, [1e-9, 1e-9, 1e-9, 1e-9], 2e-9, -1)).toBeCloseTo(-2, 12);
    expect(() => dpiWeightFromCode(16)).toThrow(
      'weight code must be an integer bit mask in 0..15, got 16',
    );
  });
});
