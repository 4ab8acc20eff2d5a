/**
 * The Plasticity section's pure edits: every rule's defaults pass the model's validation on a
 * real projection (so a pick is never refused), switching keeps shared parameters, a rewarded
 * rule without a reward population says what to add, the switches add and remove their keys,
 * and the words on the canvas and plots name the rule and the weight units.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkDocument, Population, Projection } from '../../../src/model/index.ts';
import { createDocument, createPopulation, validateDocument } from '../../../src/model/index.ts';
import {
  classicRecordableVariables,
  defaultBounds,
  defaultRule,
  explicitSummary,
  replaceProjection,
  rewardCandidates,
  withRuleChoice,
  withStp,
  withStructural,
} from '../../../src/app/inspector/plasticity-edits.ts';
import { RULE_CHOICES, ruleParams } from '../../../src/app/inspector/plasticity-params.ts';
import {
  plasticityLabel,
  synapseLabel,
  weightLabel,
  weightUnit,
} from '../../../src/app/editor/projection-summary.ts';
import { probeUnit } from '../../../src/app/plots/synapse-lines.ts';

function at(id: string, model: Population['model'], size = 2): Population {
  return { ...createPopulation(model, id, { x: 0, y: 0 }), size };
}

const PROJECTION: Projection = {
  id: 'in_out',
  source: 'in',
  target: 'out',
  connectivity: { rule: 'all_to_all', allow_self: false },
  weight: { kind: 'constant', value: 0.4 },
  delay: { kind: 'constant', steps: 0 },
  synapse: { kind: 'delta' },
};

function network(withReward: boolean): NetworkDocument {
  const populations = [at('in', 'poisson'), at('out', 'stochastic_lif')];
  if (withReward) populations.push(at('dopamine', 'spike_generator', 1), at('chip', 'loihi'));
  // A Loihi population needs dt = 1 ms.
  const doc = createDocument();
  return { ...doc, run: { ...doc.run, dt: 1 }, populations, projections: [PROJECTION] };
}

function valid(doc: NetworkDocument): string[] {
  const result = validateDocument(doc);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('rule defaults', () => {
  it.each(RULE_CHOICES.map((c) => c.value))('%s: the picked rule is a valid document', (c) => {
    const doc = network(true);
    const next = withRuleChoice(doc, PROJECTION, c);
    if (typeof next === 'string') throw new Error(next);
    expect(valid(replaceProjection(doc, next))).toEqual([]);
    expect(next.plasticity?.rule).toBe(c === 'none' ? undefined : c);
    // Every field the section draws is a number of the rule.
    if (next.plasticity !== undefined)
      for (const spec of ruleParams(next.plasticity.rule))
        expect(typeof (next.plasticity as unknown as Record<string, unknown>)[spec.key]).toBe(
          'number',
        );
  });

  it('STDP steps a twentieth of [0, 2·mean], depression 5 % stronger, a 20 ms window', () => {
    expect(defaultRule(network(false), PROJECTION, 'stdp')).toEqual({
      rule: 'stdp',
      a_plus: 0.04,
      a_minus: 0.042,
      tau_plus: 20,
      tau_minus: 20,
      w_min: 0,
      w_max: 0.8,
    });
  });

  it('keeps an inhibitory projection inhibitory', () => {
    expect(defaultBounds({ kind: 'normal', mean: -2, std: 1 })).toEqual({ w_min: -4, w_max: 0 });
    expect(defaultBounds({ kind: 'constant', value: 0 })).toEqual({ w_min: 0, w_max: 1 });
  });

  it('R-STDP keeps the STDP parameters and rewards from a spike generator', () => {
    const doc = network(true);
    const stdp = {
      ...PROJECTION,
      plasticity: { ...(defaultRule(doc, PROJECTION, 'stdp') as object), a_plus: 0.5 },
    } as Projection;
    const r = defaultRule(doc, stdp, 'rstdp');
    expect(r).toMatchObject({
      rule: 'rstdp',
      a_plus: 0.5,
      tau_eligibility: 1000,
      tau_reward: 200,
      reward: { population: 'dopamine', amount: 1 },
    });
  });

  it('OnlineO1 puts the mean weight at half the integer range', () => {
    const r = defaultRule(network(true), PROJECTION, 'online_o1');
    if (typeof r === 'string' || r.rule !== 'online_o1') throw new Error('not online_o1');
    expect(r.weight_bits).toBe(16);
    expect(r.weight_scale).toBe(Number((0.4 / 32768).toPrecision(3)));
    // The scale is rounded to 3 digits for reading, so the start is within 0.1 % of half.
    expect(Math.abs(0.4 / r.weight_scale / 32768 - 1)).toBeLessThan(1e-3);
  });

  it('a rewarded rule without a reward population says what to add', () => {
    const doc = network(false);
    for (const c of ['rstdp', 'online_o1'] as const)
      expect(withRuleChoice(doc, PROJECTION, c)).toMatch(/add a population that delivers it/);
  });

  it('offers spike generators first and never Loihi or DynapSim populations', () => {
    const doc = network(true);
    expect(rewardCandidates(doc.populations)).toEqual(['dopamine', 'in', 'out']);
  });

  it('none removes the rule key altogether', () => {
    const doc = network(true);
    const on = withRuleChoice(doc, PROJECTION, 'stdp') as Projection;
    const off = withRuleChoice(doc, on, 'none');
    expect(off).toEqual(PROJECTION);
    expect(Object.keys(off)).not.toContain('plasticity');
  });
});

describe('short-term and structural switches', () => {
  it('add valid defaults and remove the key when off', () => {
    const doc = network(false);
    const stp = withStp(PROJECTION, true);
    const both = withStructural(stp, true);
    expect(both.stp).toEqual({ U: 0.5, tau_d: 200, tau_f: 20 });
    expect(both.structural).toEqual({
      interval: 100,
      prune_below: 0.04,
      growth_rate: 0.1,
      grow_low: 0.2,
      grow_high: 0.4,
    });
    expect(valid(replaceProjection(doc, both))).toEqual([]);
    expect(Object.keys(withStp(withStructural(both, false), false))).toEqual(
      Object.keys(PROJECTION),
    );
  });
});

describe('words for a plastic projection', () => {
  it('edge label, units and recordable variables follow the rule', () => {
    const doc = network(true);
    const rstdp = withStp(withRuleChoice(doc, PROJECTION, 'rstdp') as Projection, true);
    expect(plasticityLabel(rstdp)).toBe('R-STDP STP');
    expect(synapseLabel(rstdp)).toBe('δ R-STDP STP');
    expect(synapseLabel({ ...PROJECTION, synapse: { kind: 'exponential', tau: 5 } })).toBe('τ5');
    expect(classicRecordableVariables(rstdp)).toEqual([
      'w',
      'pre_trace',
      'post_trace',
      'eligibility',
    ]);
    expect(classicRecordableVariables(withStructural(PROJECTION, true))).toEqual(['w']);
    expect(classicRecordableVariables(PROJECTION)).toEqual([]);
    expect(weightUnit(PROJECTION, 'stochastic_lif')).toBe('mV');
    const exp: Projection = { ...PROJECTION, synapse: { kind: 'exponential', tau: 5 } };
    expect(weightUnit(exp, 'adex')).toBe('pA');
    expect(weightUnit(exp, 'izhikevich')).toBe('mV/ms');
    expect(probeUnit(doc, rstdp, 'w')).toBe('w (mV)');
    expect(probeUnit(doc, rstdp, 'eligibility')).toBe('eligibility');
  });

  it('explicit weights read as their count and range', () => {
    expect(weightLabel({ kind: 'explicit', values: [0.25, 1, 0] })).toBe('w[3]∈[0,1]');
    expect(explicitSummary([0.5, 1, 0])).toEqual({ count: 3, min: 0, max: 1, mean: 0.5 });
    expect(explicitSummary([])).toEqual({ count: 0, min: 0, max: 0, mean: 0 });
  });
});
