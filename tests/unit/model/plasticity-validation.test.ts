/**
 * Validation of plasticity (`plasticity`, `stp`, `structural`), explicit weights and classic
 * synapse probes: each bad input on the model fixture (poisson `input` -> LIF `exc`, exponential
 * synapse, dt 0.1 ms) gives one message naming its field; and a document with all three parts
 * survives a JSON round trip.
 */
import { describe, expect, it } from 'vitest';
import { createPopulation } from '../../../src/model/index.ts';
import { parseDocumentJson } from '../../../src/model/validate.ts';
import { issuesOf, looseDocument, setIn } from './helpers.ts';

const P = ['projections', 0];
const STDP = {
  rule: 'stdp',
  a_plus: 0.01,
  a_minus: 0.012,
  tau_plus: 20,
  tau_minus: 20,
  w_min: 0,
  w_max: 1,
};
const RSTDP = {
  ...STDP,
  rule: 'rstdp',
  tau_eligibility: 100,
  tau_reward: 20,
  reward: { population: 'gen', amount: 0.5 },
};
const ONLINE = {
  rule: 'online_o1',
  weight_bits: 8,
  trace_bits: 6,
  reward_bits: 4,
  learning_shift: 2,
  trace_decay_shift: 1,
  weight_scale: 0.01,
  reward: { population: 'gen', amount: 2 },
};
const HOMEOSTATIC = {
  rule: 'homeostatic',
  target_rate: 5,
  tau: 1000,
  interval: 100,
  max_change: 0.1,
};
const STP = { U: 0.5, tau_d: 200, tau_f: 50 };
const STRUCTURAL = {
  interval: 10,
  prune_below: 0.01,
  growth_rate: 0.1,
  grow_low: 0.05,
  grow_high: 0.2,
};

/** The fixture with `part` of projection 0 set to `value`, then `edits` applied. */
function issuesWith(
  part: 'plasticity' | 'stp' | 'structural',
  value: unknown,
  edits: [(string | number)[], unknown][] = [],
): string[] {
  const doc = looseDocument();
  setIn(doc, [...P, part], structuredClone(value));
  for (const [path, v] of edits) setIn(doc, path, v);
  return issuesOf(doc);
}

describe('plasticity rules', () => {
  it('accepts every rule, STP and structural plasticity as written', () => {
    for (const rule of [STDP, RSTDP, ONLINE, HOMEOSTATIC])
      expect(issuesWith('plasticity', rule)).toEqual([]);
    expect(issuesWith('stp', STP)).toEqual([]);
    expect(issuesWith('structural', STRUCTURAL)).toEqual([]);
  });

  it('names an unknown rule and a missing field', () => {
    expect(issuesWith('plasticity', { ...STDP, rule: 'hebb' })).toEqual([
      'projections[0].plasticity.rule: must be one of stdp, rstdp, online_o1, homeostatic, got "hebb"',
    ]);
    expect(issuesWith('plasticity', { ...STDP, tau_plus: undefined })).toEqual([
      'projections[0].plasticity.tau_plus: required field is missing',
    ]);
  });

  it('stdp: signs, time constants and w_min <= w_max', () => {
    expect(issuesWith('plasticity', { ...STDP, a_plus: -0.01 })).toEqual([
      'projections[0].plasticity.a_plus: must be >= 0, got -0.01',
    ]);
    expect(issuesWith('plasticity', { ...STDP, tau_minus: 0 })).toEqual([
      'projections[0].plasticity.tau_minus: must be > 0, got 0',
    ]);
    expect(issuesWith('plasticity', { ...STDP, w_min: 2 })).toEqual([
      'projections[0].plasticity.w_max: must be >= w_min (2), got 1',
    ]);
  });

  it('names NaN and Infinity', () => {
    expect(issuesWith('plasticity', { ...STDP, a_minus: NaN })).toEqual([
      'projections[0].plasticity.a_minus: must be a finite number, got NaN',
    ]);
    expect(issuesWith('stp', { ...STP, tau_d: Infinity })).toEqual([
      'projections[0].stp.tau_d: must be a finite number, got Infinity',
    ]);
  });

  it('rstdp: taus and the reward population', () => {
    expect(issuesWith('plasticity', { ...RSTDP, tau_reward: -1 })).toEqual([
      'projections[0].plasticity.tau_reward: must be > 0, got -1',
    ]);
    expect(
      issuesWith('plasticity', { ...RSTDP, reward: { population: 'ghost', amount: 1 } }),
    ).toEqual(['projections[0].plasticity.reward.population: no population has the id "ghost"']);
  });

  it('refuses a Loihi or DynapSim reward population', () => {
    const doc = looseDocument();
    (doc.populations as unknown[]).push(createPopulation('loihi', 'chip', { x: 0, y: 0 }));
    setIn(doc, [...P, 'plasticity'], { ...RSTDP, reward: { population: 'chip', amount: 1 } });
    expect(issuesOf(doc)).toContain(
      'projections[0].plasticity.reward.population: "chip" is a loihi population; rewards come from a classic population or a spike source',
    );
  });

  it("online_o1: the configuration's own messages per field, an integer reward", () => {
    expect(issuesWith('plasticity', { ...ONLINE, weight_bits: 0, learning_shift: 2.5 })).toEqual([
      'projections[0].plasticity.weight_bits: must be an integer in 1..31, got 0',
      'projections[0].plasticity.learning_shift: must be an integer in 0..30, got 2.5',
    ]);
    expect(issuesWith('plasticity', { ...ONLINE, trace_bits: 20, reward_bits: 16 })).toEqual([
      'projections[0].plasticity.reward_bits: must be at most 12 with trace_bits 20 (reward_bits + trace_bits <= 32, so that reward * eligibility fits a 32-bit integer), got 16',
    ]);
    expect(
      issuesWith('plasticity', { ...ONLINE, reward: { population: 'gen', amount: 1.5 } }),
    ).toEqual([
      'projections[0].plasticity.reward.amount: must be an integer with online_o1 (its rewards are integers), got 1.5',
    ]);
    expect(issuesWith('plasticity', { ...ONLINE, weight_scale: 0 })).toEqual([
      'projections[0].plasticity.weight_scale: must be > 0, got 0',
    ]);
  });

  it('online_o1 refuses structural plasticity', () => {
    expect(issuesWith('plasticity', ONLINE, [[[...P, 'structural'], STRUCTURAL]])).toEqual([
      'projections[0].structural: cannot be used with the online_o1 rule, whose weights are bounded integers',
    ]);
  });

  it('homeostatic: rate, max_change in (0, 1), interval >= dt', () => {
    expect(issuesWith('plasticity', { ...HOMEOSTATIC, target_rate: 0 })).toEqual([
      'projections[0].plasticity.target_rate: must be > 0, got 0',
    ]);
    expect(issuesWith('plasticity', { ...HOMEOSTATIC, max_change: 1 })).toEqual([
      'projections[0].plasticity.max_change: must be < 1, got 1',
    ]);
    expect(issuesWith('plasticity', { ...HOMEOSTATIC, interval: 0.05 })).toEqual([
      'projections[0].plasticity.interval: must be >= run.dt (0.1 ms), got 0.05',
    ]);
  });
});

describe('short-term and structural plasticity', () => {
  it('stp: 0 < U <= 1', () => {
    expect(issuesWith('stp', { ...STP, U: 0 })).toEqual([
      'projections[0].stp.U: must be > 0, got 0',
    ]);
    expect(issuesWith('stp', { ...STP, U: 1.5 })).toEqual([
      'projections[0].stp.U: must be <= 1, got 1.5',
    ]);
  });

  it('structural: ranges, grow_low <= grow_high, interval >= dt', () => {
    expect(issuesWith('structural', { ...STRUCTURAL, growth_rate: 1.5 })).toEqual([
      'projections[0].structural.growth_rate: must be <= 1, got 1.5',
    ]);
    expect(issuesWith('structural', { ...STRUCTURAL, prune_below: -1 })).toEqual([
      'projections[0].structural.prune_below: must be >= 0, got -1',
    ]);
    expect(issuesWith('structural', { ...STRUCTURAL, grow_low: 0.5 })).toEqual([
      'projections[0].structural.grow_high: must be >= grow_low (0.5), got 0.2',
    ]);
    expect(issuesWith('structural', { ...STRUCTURAL, interval: 0.01 })).toEqual([
      'projections[0].structural.interval: must be >= run.dt (0.1 ms), got 0.01',
    ]);
  });
});

describe('where plasticity may be used', () => {
  it('refuses a Loihi synapse, a Loihi source, a spike-source target', () => {
    const doc = looseDocument();
    (doc.populations as unknown[]).push(createPopulation('loihi', 'chip', { x: 0, y: 0 }));
    (doc.projections as unknown[]).push({
      id: 'from_chip',
      source: 'chip',
      target: 'exc',
      connectivity: { rule: 'all_to_all', allow_self: true },
      weight: { kind: 'constant', value: 1 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'delta' },
      stp: STP,
    });
    expect(issuesOf(doc)).toContain(
      'projections[1].stp: needs a classic source; "chip" is a loihi population',
    );
    const toGen = looseDocument();
    setIn(toGen, [...P, 'target'], 'gen');
    setIn(toGen, [...P, 'plasticity'], STDP);
    expect(issuesOf(toGen)).toContain(
      'projections[0].plasticity: needs a stochastic_lif, izhikevich or adex target; "gen" is a spike_generator population',
    );
  });

  it('refuses a dpi synapse', () => {
    const doc = looseDocument();
    (doc.populations as unknown[]).push(createPopulation('dynapsim', 'dyn', { x: 0, y: 0 }));
    (doc.projections as unknown[]).push({
      id: 'to_dyn',
      source: 'input',
      target: 'dyn',
      connectivity: { rule: 'all_to_all', allow_self: true },
      weight: { kind: 'constant', value: 1 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'dpi' },
      structural: STRUCTURAL,
    });
    expect(issuesOf(doc)).toEqual([
      'projections[1].structural: needs a delta or exponential synapse, got dpi',
    ]);
  });
});

describe('explicit weights', () => {
  it('needs one finite value per synapse of a known count', () => {
    const doc = looseDocument();
    setIn(doc, [...P, 'connectivity'], { rule: 'all_to_all', allow_self: true });
    // input has 100 neurons and exc 100: 10000 synapses.
    setIn(doc, [...P, 'weight'], { kind: 'explicit', values: [0.1, 0.2] });
    expect(issuesOf(doc)).toEqual([
      'projections[0].weight.values: must have one entry per synapse (10000), got 2',
    ]);
    setIn(doc, [...P, 'weight'], { kind: 'explicit', values: [0.1, NaN] });
    expect(issuesOf(doc)).toContain(
      'projections[0].weight.values[1]: must be a finite number, got NaN',
    );
    setIn(doc, [...P, 'weight'], { kind: 'explicit', values: Array(10000).fill(0.1) });
    expect(issuesOf(doc)).toEqual([]);
  });

  it('needs all_to_all or one_to_one connectivity', () => {
    expect(
      issuesWith('plasticity', STDP, [[[...P, 'weight'], { kind: 'explicit', values: [1] }]]),
    ).toEqual([
      'projections[0].weight.values: needs a rule with a known synapse count (all_to_all, one_to_one, explicit, conv or pool), got fixed_probability',
    ]);
  });
});

describe('classic synapse probes', () => {
  function withProbe(variable: string, part: 'plasticity' | 'structural', value: unknown) {
    const doc = looseDocument();
    setIn(doc, [...P, part], structuredClone(value));
    (doc.probes as unknown[]).push({
      id: 'syn',
      kind: 'synapse',
      projection: 'input_exc',
      variable,
      synapses: [0],
    });
    return issuesOf(doc);
  }

  it('records w of a rule or structural plasticity, traces of the trace rules', () => {
    expect(withProbe('w', 'plasticity', HOMEOSTATIC)).toEqual([]);
    expect(withProbe('w', 'structural', STRUCTURAL)).toEqual([]);
    expect(withProbe('pre_trace', 'plasticity', STDP)).toEqual([]);
    expect(withProbe('post_trace', 'plasticity', ONLINE)).toEqual([]);
    expect(withProbe('eligibility', 'plasticity', RSTDP)).toEqual([]);
    expect(withProbe('eligibility', 'plasticity', ONLINE)).toEqual([]);
  });

  it('refuses what the rule does not keep', () => {
    expect(withProbe('pre_trace', 'plasticity', HOMEOSTATIC)).toEqual([
      'probes[3].variable: pre_trace is kept by the stdp, rstdp and online_o1 rules; "input_exc" has the homeostatic rule',
    ]);
    expect(withProbe('eligibility', 'plasticity', STDP)).toEqual([
      'probes[3].variable: eligibility is kept by the rstdp and online_o1 rules; "input_exc" has the stdp rule',
    ]);
    expect(withProbe('post_trace', 'structural', STRUCTURAL)).toEqual([
      'probes[3].variable: post_trace is kept by the stdp, rstdp and online_o1 rules; "input_exc" has no weight rule',
    ]);
    expect(withProbe('x1', 'plasticity', STDP)).toEqual([
      'probes[3].variable: x1 is recorded of loihi synapses; "input_exc" is a classic projection (record w, pre_trace, post_trace or eligibility)',
    ]);
  });
});

describe('JSON round trip', () => {
  it('keeps plasticity, stp and structural through save and load', () => {
    const doc = looseDocument();
    setIn(doc, [...P, 'plasticity'], RSTDP);
    setIn(doc, [...P, 'stp'], STP);
    setIn(doc, [...P, 'structural'], STRUCTURAL);
    const first = parseDocumentJson(JSON.stringify(doc));
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const second = parseDocumentJson(JSON.stringify(first.document));
    if (!second.ok) throw new Error(JSON.stringify(second.issues));
    expect(second.document).toEqual(first.document);
    const p = second.document.projections[0];
    expect(p?.plasticity).toEqual(RSTDP);
    expect(p?.stp).toEqual(STP);
    expect(p?.structural).toEqual(STRUCTURAL);
  });
});
