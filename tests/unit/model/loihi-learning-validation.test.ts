/**
 * Validation of Loihi learning: the rule `dw` (parser messages at synapse.dw, traces it reads
 * must be on), the traces' impulse and tau, and synapse probes (projection, variable, synapse
 * indices). Every message is checked on the gallery's Loihi example with one field changed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPopulation, toJsonSchema } from '../../../src/model/index.ts';
import { issuesOf, setIn } from './helpers.ts';

const EXAMPLE = readFileSync(
  new URL('../../../public/examples/loihi.json', import.meta.url),
  'utf8',
);

const SYNAPSE = ['projections', 0, 'synapse'];
const STDP = '2^-2*x1*y0 - 2^-2*y1*x0';
const ON = { impulse: 40, tau: 8 };

/** The Loihi example (2 x 3 all_to_all, 6 synapses) learning with pair-based STDP. */
function learningDoc(): Record<string, unknown> {
  const doc = JSON.parse(EXAMPLE) as Record<string, unknown>;
  setIn(doc, [...SYNAPSE, 'dw'], STDP);
  setIn(doc, [...SYNAPSE, 'traces'], { x1: { ...ON }, y1: { ...ON } });
  return doc;
}

function issuesWith(edits: [(string | number)[], unknown][]): string[] {
  const doc = learningDoc();
  for (const [path, value] of edits) setIn(doc, path, value);
  return issuesOf(doc);
}

function withProbe(probe: Record<string, unknown>, edits: [(string | number)[], unknown][] = []) {
  const doc = learningDoc();
  (doc.probes as unknown[]).push({
    id: 'weights',
    kind: 'synapse',
    projection: 'inputs_loihi',
    ...probe,
  });
  for (const [path, value] of edits) setIn(doc, path, value);
  return issuesOf(doc);
}

describe('the learning rule dw', () => {
  it('accepts STDP with its traces on, and an empty rule as no learning', () => {
    expect(issuesWith([])).toEqual([]);
    expect(issuesWith([[[...SYNAPSE, 'dw'], '']])).toEqual([]);
    expect(issuesWith([[[...SYNAPSE, 'dw'], undefined]])).toEqual([]);
  });

  it("puts the parser's message at synapse.dw", () => {
    expect(issuesWith([[[...SYNAPSE, 'dw'], 'x1/2']])).toEqual([
      'projections[0].synapse.dw: Division is not allowed.',
    ]);
    expect(issuesWith([[[...SYNAPSE, 'dw'], 'x1*y1']])).toEqual([
      'projections[0].synapse.dw: There is at least one term in the equation that does not contain a dependency factor (x0, y0 or u[0-9]).',
    ]);
    expect(issuesWith([[[...SYNAPSE, 'dw'], '  ']])).toEqual([
      'projections[0].synapse.dw: The learning rule is empty.',
    ]);
  });

  it('says which trace the rule reads that is off, and how to turn it on', () => {
    expect(issuesWith([[[...SYNAPSE, 'traces'], { x1: ON }]])).toEqual([
      'projections[0].synapse.dw: the rule reads the trace y1, which is off; turn it on with synapse.traces.y1 = { impulse: 1..127, tau: >= 1 }',
    ]);
    expect(issuesWith([[[...SYNAPSE, 'dw'], 'x0*(x2+y3)']]).length).toBe(2);
  });

  it('must be a string', () => {
    expect(issuesWith([[[...SYNAPSE, 'dw'], 3]])).toEqual([
      'projections[0].synapse.dw: must be a string, got 3',
    ]);
  });
});

describe('traces', () => {
  it.each([
    [['x1', 'impulse'], 0, 'has to be between 1 and 127, got 0'],
    [['x1', 'impulse'], 128, 'has to be between 1 and 127, got 128'],
    [['x1', 'impulse'], 2.5, 'has to be an integer, got 2.5'],
    [['y1', 'tau'], 0, 'has to be greater or equal to 1, got 0'],
    [['y1', 'tau'], 1.5, 'has to be an integer, got 1.5'],
  ])('%s = %s', (path, value, message) => {
    expect(issuesWith([[[...SYNAPSE, 'traces', ...path], value]])).toEqual([
      `projections[0].synapse.traces.${path.join('.')}: ${message}`,
    ]);
  });

  it('needs both impulse and tau', () => {
    expect(issuesWith([[[...SYNAPSE, 'traces', 'x1'], { impulse: 3 }]])).toEqual([
      'projections[0].synapse.traces.x1.tau: required field is missing',
    ]);
  });

  it('refuses an unknown trace name, listing the five', () => {
    expect(issuesWith([[[...SYNAPSE, 'traces', 'x3'], ON]])).toEqual([
      'projections[0].synapse.traces.x3: unknown trace; the traces are x1, x2, y1, y2, y3',
    ]);
    expect(issuesWith([[[...SYNAPSE, 'traces'], []]])).toEqual([
      'projections[0].synapse.traces: must be an object, got an array',
    ]);
  });

  it('appear in the JSON schema', () => {
    const schema = JSON.stringify(toJsonSchema());
    expect(schema).toContain('"impulse":{"type":"integer","minimum":1,"maximum":127');
    expect(schema).toContain('"tau":{"type":"integer","minimum":1,"description"');
    expect(schema).toContain(
      '"enum":["w","w_act","x1","x2","y1","y2","y3","pre_trace","post_trace","eligibility"]',
    );
  });
});

describe('synapse probes', () => {
  it('accepts w, w_act and a trace that is on', () => {
    expect(withProbe({ variable: 'w', synapses: [0, 5] })).toEqual([]);
    expect(withProbe({ variable: 'w_act', synapses: [] })).toEqual([]);
    expect(withProbe({ variable: 'y1', synapses: [3] })).toEqual([]);
  });

  it('needs an existing projection', () => {
    expect(withProbe({ variable: 'w', synapses: [0], projection: 'ghost' })).toEqual([
      'probes[4].projection: no projection has the id "ghost"',
    ]);
  });

  it('needs a loihi synapse with a rule or traces', () => {
    expect(
      withProbe({ variable: 'w', synapses: [0] }, [
        [[...SYNAPSE, 'dw'], undefined],
        [[...SYNAPSE, 'traces'], undefined],
      ]),
    ).toEqual([
      'probes[4].projection: "inputs_loihi" has no learning rule (synapse.dw) and no traces (synapse.traces): its synapses do not change',
    ]);
    // Traces alone are enough to record them.
    expect(withProbe({ variable: 'x1', synapses: [0] }, [[[...SYNAPSE, 'dw'], undefined]])).toEqual(
      [],
    );
  });

  it('refuses a classic projection whose weights do not change', () => {
    const doc = learningDoc();
    (doc.populations as unknown[]).push(createPopulation('stochastic_lif', 'lif', { x: 0, y: 0 }));
    (doc.projections as unknown[]).push({
      id: 'to_lif',
      source: 'inputs',
      target: 'lif',
      connectivity: { rule: 'all_to_all', allow_self: true },
      weight: { kind: 'constant', value: 1 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'delta' },
    });
    (doc.probes as unknown[]).push({
      id: 'weights',
      kind: 'synapse',
      projection: 'to_lif',
      variable: 'w',
      synapses: [0],
    });
    expect(issuesOf(doc)).toEqual([
      'probes[4].projection: "to_lif" has no weight rule (plasticity) and no structural plasticity: its weights do not change',
    ]);
  });

  it('needs the recorded trace on', () => {
    expect(withProbe({ variable: 'x2', synapses: [0] })).toEqual([
      'probes[4].variable: the trace x2 of "inputs_loihi" is off; turn it on with synapse.traces.x2 = { impulse: 1..127, tau: >= 1 }',
    ]);
  });

  it('needs distinct synapses below the synapse count', () => {
    expect(withProbe({ variable: 'w', synapses: [0, 6, 0] })).toEqual([
      'probes[4].synapses[1]: must be < the synapse count of "inputs_loihi" (6), got 6',
      'probes[4].synapses[2]: duplicate synapse 0',
    ]);
    expect(withProbe({ variable: 'w', synapses: [-1, 1.5] })).toEqual([
      'probes[4].synapses[0]: must be >= 0, got -1',
      'probes[4].synapses[1]: must be an integer, got 1.5',
    ]);
  });

  it('leaves indices of a random connectivity to the engine', () => {
    expect(
      withProbe({ variable: 'w', synapses: [99] }, [
        [
          ['projections', 0, 'connectivity'],
          { rule: 'fixed_probability', p: 0.5, allow_self: true },
        ],
        [[...SYNAPSE, 'mantissas'], undefined],
        [['projections', 0, 'weight'], { kind: 'constant', value: 20 }],
      ]),
    ).toEqual([]);
  });

  it('refuses an unknown variable', () => {
    expect(withProbe({ variable: 'v', synapses: [0] })).toEqual([
      'probes[4].variable: must be one of w, w_act, x1, x2, y1, y2, y3, pre_trace, post_trace, eligibility, got "v"',
    ]);
  });
});
