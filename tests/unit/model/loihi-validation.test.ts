/**
 * Validation of Loihi populations and synapses: brian2-loihi's ranges and messages, the 1 ms
 * step, which projections may meet a Loihi population, mantissa ranges per sign mode.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LOIHI_SYNAPSE_INFO,
  createPopulation,
  defaultParams,
  loihiEffective,
  loihiWeightScale,
} from '../../../src/model/index.ts';
import { issuesOf, setIn } from './helpers.ts';

const EXAMPLE = readFileSync(
  new URL('../../../public/examples/loihi.json', import.meta.url),
  'utf8',
);

/** The gallery's Loihi example as a mutable, untyped document. */
function loihiDoc(): Record<string, unknown> {
  return JSON.parse(EXAMPLE) as Record<string, unknown>;
}

function issuesWith(path: (string | number)[], value: unknown): string[] {
  const doc = loihiDoc();
  setIn(doc, path, value);
  return issuesOf(doc);
}

describe('Loihi validation', () => {
  it('accepts the example', () => {
    expect(issuesOf(loihiDoc())).toEqual([]);
  });

  it.each([
    ['refractory', 0, 'has to be between 1 and 64, got 0'],
    ['refractory', 65, 'has to be between 1 and 64, got 65'],
    ['refractory', 2.5, 'has to be an integer, got 2.5'],
    ['threshold_v_mant', 131072, 'has to be between 0 and 131071, got 131072'],
    ['threshold_v_mant', -1, 'has to be between 0 and 131071, got -1'],
    ['decay_v', 4097, 'has to be between 0 and 4096, got 4097'],
    ['decay_I', -1, 'has to be between 0 and 4096, got -1'],
    ['decay_I', 0.5, 'has to be an integer, got 0.5'],
  ])('refuses %s = %s with brian2-loihi’s wording', (key, value, message) => {
    expect(issuesWith(['populations', 1, 'params', key], value)).toEqual([
      `populations[1].params.${key}: ${message}`,
    ]);
  });

  it.each([
    ['w_exp', -9, 'has to be between -8 and 7, got -9'],
    ['w_exp', 8, 'has to be between -8 and 7, got 8'],
    ['num_weight_bits', 9, 'has to be between 0 and 8, got 9'],
    ['num_weight_bits', 1.5, 'has to be an integer, got 1.5'],
  ])('refuses synapse %s = %s', (key, value, message) => {
    expect(issuesWith(['projections', 0, 'synapse', key], value)).toEqual([
      `projections[0].synapse.${key}: ${message}`,
    ]);
  });

  it('needs run.dt = 1 ms', () => {
    const issues = issuesWith(['run', 'dt'], 0.5);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^run\.dt: must be 1 ms: population "loihi" is a loihi population/);
  });

  it.each([
    ['mixed', -257, 254, -256],
    ['mixed', 255, 254, -256],
    ['excitatory', -1, 255, 0],
    ['excitatory', 256, 255, 0],
    ['inhibitory', 1, 0, -256],
    ['inhibitory', -257, 0, -256],
  ])('refuses a %s mantissa of %s', (mode, value, high, low) => {
    const doc = loihiDoc();
    setIn(doc, ['projections', 0, 'synapse', 'sign_mode'], mode);
    setIn(doc, ['projections', 0, 'synapse', 'mantissas'], [0, 0, 0, 0, value, 0]);
    expect(issuesOf(doc)).toEqual([
      `projections[0].synapse.mantissas[4]: weights have to be between ${low} and ${high} ` +
        `in sign mode ${mode}, got ${value}`,
    ]);
  });

  it('needs one mantissa per synapse, and a known synapse count', () => {
    expect(issuesWith(['projections', 0, 'synapse', 'mantissas'], [1, 2, 3])).toEqual([
      'projections[0].synapse.mantissas: must have one entry per synapse (6), got 3',
    ]);
    const doc = loihiDoc();
    setIn(doc, ['projections', 0, 'connectivity'], {
      rule: 'fixed_probability',
      p: 0.5,
      allow_self: true,
    });
    expect(issuesOf(doc)).toEqual([
      'projections[0].synapse.mantissas: needs a rule with a known synapse count ' +
        '(all_to_all, one_to_one, explicit, conv or pool), got fixed_probability',
    ]);
  });

  it('takes a constant integer mantissa without a list', () => {
    const doc = loihiDoc();
    setIn(doc, ['projections', 0, 'synapse', 'mantissas'], undefined);
    setIn(doc, ['projections', 0, 'weight'], { kind: 'constant', value: 100 });
    expect(issuesOf(doc)).toEqual([]);
    setIn(doc, ['projections', 0, 'weight'], { kind: 'constant', value: 1.5 });
    expect(issuesOf(doc)).toEqual([
      'projections[0].weight.value: weights have to be integer values, got 1.5',
    ]);
    setIn(doc, ['projections', 0, 'weight'], { kind: 'uniform', low: 0, high: 9 });
    expect(issuesOf(doc)).toEqual([
      'projections[0].weight.kind: a loihi synapse takes a constant weight mantissa ' +
        '(or synapse.mantissas), got uniform',
    ]);
  });

  it('limits delays to 0..62 steps', () => {
    expect(issuesWith(['projections', 0, 'delay'], { kind: 'constant', steps: 63 })).toEqual([
      'projections[0].delay.steps: delay has to be between 0 and 62 with a loihi synapse, got 63',
    ]);
  });

  it('keeps Loihi synapses and Loihi targets together', () => {
    expect(issuesWith(['projections', 0, 'synapse'], { kind: 'delta' })).toEqual([
      'projections[0].synapse.kind: "loihi" is a loihi population; a projection into it must ' +
        'use a loihi synapse, got delta',
    ]);
    const doc = loihiDoc();
    const populations = doc.populations as unknown[];
    populations.push({ ...createPopulation('stochastic_lif', 'lif', { x: 0, y: 0 }), size: 3 });
    setIn(doc, ['projections', 0, 'target'], 'lif');
    setIn(doc, ['probes'], []);
    expect(issuesOf(doc)).toEqual([
      'projections[0].synapse.kind: a loihi synapse needs a loihi target; "lif" is a ' +
        'stochastic_lif population',
    ]);
  });

  it('refuses current stimuli into a Loihi population but records its v and I', () => {
    const doc = loihiDoc();
    setIn(
      doc,
      ['stimuli'],
      [{ id: 's', kind: 'current_step', target: 'loihi', start: 0, stop: 5, amplitude: 1 }],
    );
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^stimuli\[0\]\.target: "loihi" is a loihi population; a current needs/,
    );
  });

  it('creates a valid default population with brian2-loihi’s defaults', () => {
    expect(defaultParams('loihi')).toEqual({
      refractory: 1,
      threshold_v_mant: 100,
      decay_v: 0,
      decay_I: 4096,
    });
    const doc = loihiDoc();
    setIn(doc, ['populations', 1], createPopulation('loihi', 'loihi', { x: 0, y: 0 }));
    setIn(doc, ['probes'], []);
    setIn(doc, ['projections', 0, 'synapse', 'mantissas'], undefined);
    expect(issuesOf(doc)).toEqual([]);
  });
});

describe('Loihi parameter info', () => {
  it('gives the effective values behind the mantissas', () => {
    expect(
      loihiEffective({ refractory: 2, threshold_v_mant: 70, decay_v: 400, decay_I: 4096 }),
    ).toEqual({ threshold: 4480, tauV: 10.24, tauI: 1 });
    expect(
      loihiEffective({ refractory: 1, threshold_v_mant: 0, decay_v: 0, decay_I: 0 }),
    ).toMatchObject({ tauV: Infinity, tauI: Infinity });
  });

  it('gives the weight scale and the mantissa step of a synapse', () => {
    const synapse = { kind: 'loihi', w_exp: -3, sign_mode: 'mixed', num_weight_bits: 6 } as const;
    expect(loihiWeightScale(synapse)).toEqual({ scale: 8, step: 8 });
    expect(loihiWeightScale({ ...synapse, sign_mode: 'excitatory', num_weight_bits: 8 })).toEqual({
      scale: 8,
      step: 1,
    });
    expect(LOIHI_SYNAPSE_INFO.map((i) => i.key)).toEqual(['w_exp', 'sign_mode', 'num_weight_bits']);
  });
});
