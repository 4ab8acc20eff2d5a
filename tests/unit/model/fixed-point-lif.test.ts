/**
 * The `fixed_point_lif` model in the document layer: defaults, schema, the cross-checks of
 * CONTEXT.md step 2f (widths, leak and gain registers, every quantised value inside W bits),
 * and what may not reach such a population (plasticity, chip synapses).
 */
import { describe, expect, it } from 'vitest';
import {
  createDocument,
  createPopulation,
  createProjection,
  defaultParams,
  validateDocument,
} from '../../../src/model/index.ts';
import type { NetworkDocument, Population } from '../../../src/model/index.ts';
import { toJsonSchema } from '../../../src/model/json-schema.ts';
import { issuesOf } from './helpers.ts';

/** A Poisson source into a default fixed-point population, a stimulus and two probes. */
function fixedDocument(): NetworkDocument {
  const doc = createDocument('fixed');
  doc.populations.push(
    createPopulation('poisson', 'in', { x: 0, y: 0 }),
    createPopulation('fixed_point_lif', 'fx', { x: 200, y: 0 }),
  );
  doc.projections.push(createProjection('in_fx', 'in', 'fx'));
  doc.stimuli.push({
    id: 'kick',
    kind: 'current_step',
    target: 'fx',
    start: 0,
    stop: 10,
    amplitude: 2,
  });
  doc.probes.push(
    { id: 'fx_spikes', kind: 'spikes', population: 'fx' },
    { id: 'fx_v', kind: 'state', population: 'fx', variable: 'v', neurons: [0] },
    { id: 'fx_i', kind: 'state', population: 'fx', variable: 'i_syn', neurons: [0] },
  );
  return doc;
}

function fixedParams(
  doc: NetworkDocument,
): Extract<Population, { model: 'fixed_point_lif' }>['params'] {
  const p = doc.populations[1];
  if (p?.model !== 'fixed_point_lif') throw new Error('fixture: population 1 is fixed_point_lif');
  return p.params;
}

describe('fixed_point_lif defaults', () => {
  it('are 16 bits, 8 fraction, 12 scale and the LIF defaults, and validate', () => {
    expect(defaultParams('fixed_point_lif')).toEqual({
      total_bits: 16,
      fraction_bits: 8,
      scale_bits: 12,
      v_rest: 0,
      v_reset: 0,
      v_threshold: 1,
      tau_mem: 20,
      resistance: 1,
      refractory_period: 0,
      bias: 0,
      v_init: { kind: 'constant', value: 0 },
    });
    expect(issuesOf(fixedDocument())).toEqual([]);
  });

  it('fills the off values (bias, refractory period) of a hand-written file', () => {
    const doc = fixedDocument();
    const loose = JSON.parse(JSON.stringify(doc)) as {
      populations: { params: Record<string, unknown> }[];
    };
    const params = loose.populations[1]?.params ?? {};
    delete params.bias;
    delete params.refractory_period;
    const result = validateDocument(loose);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const p = result.document.populations[1];
      expect(p?.model === 'fixed_point_lif' && p.params.bias).toBe(0);
      expect(p?.model === 'fixed_point_lif' && p.params.refractory_period).toBe(0);
    }
  });

  it('appears in the exported JSON Schema with its widths', () => {
    const text = JSON.stringify(toJsonSchema());
    expect(text).toContain('fixed_point_lif');
    expect(text).toContain('S: fraction bits of the leak, gain and decay multipliers.');
  });
});

describe('fixed_point_lif schema ranges', () => {
  it.each([
    ['total_bits', 7, 'populations[1].params.total_bits: must be >= 8, got 7'],
    ['total_bits', 25, 'populations[1].params.total_bits: must be <= 24, got 25'],
    ['total_bits', 12.5, 'populations[1].params.total_bits: must be an integer, got 12.5'],
    ['scale_bits', 0, 'populations[1].params.scale_bits: must be >= 1, got 0'],
    ['scale_bits', 17, 'populations[1].params.scale_bits: must be <= 16, got 17'],
    ['fraction_bits', -1, 'populations[1].params.fraction_bits: must be >= 0, got -1'],
    ['resistance', -1, 'populations[1].params.resistance: must be >= 0, got -1'],
  ])('%s = %s is refused', (key, value, message) => {
    const doc = fixedDocument();
    (fixedParams(doc) as unknown as Record<string, number>)[key] = value;
    expect(issuesOf(doc)).toEqual([message]);
  });
});

describe('fixed_point_lif cross-checks', () => {
  it('needs at least two integer bits: fraction_bits <= total_bits - 2', () => {
    const doc = fixedDocument();
    fixedParams(doc).fraction_bits = 15;
    expect(issuesOf(doc)).toEqual([
      'populations[1].params.fraction_bits: must be <= total_bits - 2 (14), got 15',
    ]);
    // At 14 fraction bits the range is [-2, 2): the stimulus of 2 no longer fits, 1.5 does.
    fixedParams(doc).fraction_bits = 14;
    expect(issuesOf(doc)).toEqual([
      'stimuli[0].amplitude: amplitude 2 quantises to 32768 (× 2^-14), outside the 16-bit range [-32768, 32767]',
    ]);
    const kick = doc.stimuli[0];
    if (kick?.kind === 'current_step') kick.amplitude = 1.5;
    expect(issuesOf(doc)).toEqual([]);
  });

  it('keeps the leak at most 1 (tau_mem >= dt) and the gain inside its register', () => {
    const doc = fixedDocument();
    doc.run.dt = 1;
    fixedParams(doc).tau_mem = 0.5;
    fixedParams(doc).resistance = 300;
    expect(issuesOf(doc)).toEqual([
      'populations[1].params.tau_mem: must be >= run.dt (1 ms) so the leak dt/tau_mem is at most 1, got 0.5',
      'populations[1].params.resistance: resistance * dt must be <= 256 (the gain register), got 300 * 1 = 300',
    ]);
  });

  it('names a value whose quantised integer leaves W bits, with both numbers', () => {
    const doc = fixedDocument();
    // 16 bits, 8 fraction: [-32768, 32767] is [-128, 127.996] in real units.
    fixedParams(doc).v_threshold = 200;
    fixedParams(doc).bias = -128.01;
    fixedParams(doc).v_init = { kind: 'uniform', low: -1, high: 128 };
    expect(issuesOf(doc)).toEqual([
      'populations[1].params.v_threshold: v_threshold 200 quantises to 51200 (× 2^-8), outside the 16-bit range [-32768, 32767]',
      'populations[1].params.bias: bias -128.01 quantises to -32771 (× 2^-8), outside the 16-bit range [-32768, 32767]',
      'populations[1].params.v_init.high: v_init.high 128 quantises to 32768 (× 2^-8), outside the 16-bit range [-32768, 32767]',
    ]);
  });

  it('accepts the bounds themselves', () => {
    const doc = fixedDocument();
    fixedParams(doc).v_rest = -128;
    fixedParams(doc).v_threshold = 32767 / 256;
    expect(issuesOf(doc)).toEqual([]);
  });

  it('refuses a reset that quantises to the threshold or above', () => {
    const doc = fixedDocument();
    fixedParams(doc).v_reset = 0.999;
    expect(issuesOf(doc)).toEqual([
      'populations[1].params.v_reset: must quantise below v_threshold (256 × 2^-8), got 256 × 2^-8',
    ]);
  });

  it('checks the weights onto the population and the stimulus amplitudes against W bits', () => {
    const doc = fixedDocument();
    const pr = doc.projections[0];
    if (!pr) throw new Error('fixture has a projection');
    pr.weight = { kind: 'uniform', low: -200, high: 1 };
    const kick = doc.stimuli[0];
    if (kick?.kind === 'current_step') kick.amplitude = 1000;
    expect(issuesOf(doc)).toEqual([
      'projections[0].weight.low: weight -200 quantises to -51200 (× 2^-8), outside the 16-bit range [-32768, 32767]',
      'stimuli[0].amplitude: amplitude 1000 quantises to 256000 (× 2^-8), outside the 16-bit range [-32768, 32767]',
    ]);
    pr.weight = { kind: 'explicit', values: [] };
    pr.connectivity = { rule: 'all_to_all', allow_self: false };
    pr.weight.values = Array.from({ length: 100 * 100 }, (_, k) => (k === 7 ? 130 : 0.5));
    if (kick?.kind === 'current_step') kick.amplitude = 1;
    expect(issuesOf(doc)).toEqual([
      'projections[0].weight.values[7]: weight 130 quantises to 33280 (× 2^-8), outside the 16-bit range [-32768, 32767]',
    ]);
  });

  it('refuses plasticity, short-term plasticity and chip synapses onto it', () => {
    const doc = fixedDocument();
    const pr = doc.projections[0];
    if (!pr) throw new Error('fixture has a projection');
    pr.stp = { U: 0.5, tau_d: 100, tau_f: 50 };
    expect(issuesOf(doc)).toEqual([
      'projections[0].stp: needs a stochastic_lif, izhikevich or adex target; "fx" is a fixed_point_lif population',
    ]);
    delete pr.stp;
    pr.synapse = { kind: 'dpi' };
    expect(issuesOf(doc)).toContain(
      'projections[0].synapse.kind: a dpi synapse needs a dynapsim target; "fx" is a fixed_point_lif population',
    );
  });

  it('takes delta and exponential synapses, and records v and i_syn but not u', () => {
    const doc = fixedDocument();
    const pr = doc.projections[0];
    if (!pr) throw new Error('fixture has a projection');
    pr.synapse = { kind: 'delta' };
    expect(issuesOf(doc)).toEqual([]);
    doc.probes.push({ id: 'u', kind: 'state', population: 'fx', variable: 'u', neurons: [0] });
    expect(issuesOf(doc)).toEqual([
      'probes[3].variable: u is the adaptation variable of izhikevich populations; population "fx" has model fixed_point_lif',
    ]);
  });
});
