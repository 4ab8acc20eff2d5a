/**
 * The `sc_dense` population type in the document: its shape, its cross-checks (one message per
 * rule, naming the field), its defaults, and the editor helper that keeps one weight per channel.
 */
import { describe, expect, it } from 'vitest';
import {
  createPopulation,
  createProjection,
  defaultParams,
  scChannelCount,
  validateDocument,
  withScInputs,
} from '../../../src/model/index.ts';
import { issuesOf, scDocument, setIn } from './helpers.ts';

/** The fixture (populations: input, layer1, layer2) as loose JSON, changed by `edit`. */
function issuesAfter(edit: (doc: Record<string, unknown>) => void): string[] {
  const doc = JSON.parse(JSON.stringify(scDocument())) as Record<string, unknown>;
  edit(doc);
  return issuesOf(doc);
}

function breakAt(path: (string | number)[], value: unknown): string[] {
  return issuesAfter((doc) => setIn(doc, path, value));
}

const L1 = ['populations', 1, 'params'];
const L2 = ['populations', 2, 'params'];

describe('sc_dense shape', () => {
  it('accepts the fixture: two layers, rates wiring, a stimulus and v/i_syn probes', () => {
    expect(issuesOf(scDocument())).toEqual([]);
  });

  it.each([
    [[...L1, 'length'], 0, 'populations[1].params.length: must be >= 1, got 0'],
    [[...L1, 'length'], 1.5, 'populations[1].params.length: must be an integer, got 1.5'],
    [
      [...L1, 'length'],
      2 ** 24 + 1,
      'populations[1].params.length: must be <= 16777216, got 16777217',
    ],
    [[...L1, 'base_seed'], -1, 'populations[1].params.base_seed: must be >= 0, got -1'],
    [
      [...L1, 'base_seed'],
      2 ** 32,
      'populations[1].params.base_seed: must be < 4294967296, got 4294967296',
    ],
    [[...L1, 'base_seed'], 4.2, 'populations[1].params.base_seed: must be an integer, got 4.2'],
    [[...L1, 'tau_mem'], 0, 'populations[1].params.tau_mem: must be > 0, got 0'],
    [[...L1, 'noise_std'], -1, 'populations[1].params.noise_std: must be >= 0, got -1'],
    [
      [...L1, 'refractory_period'],
      -2,
      'populations[1].params.refractory_period: must be >= 0, got -2',
    ],
    [
      [...L1, 'weights', 3],
      Number.NaN,
      'populations[1].params.weights[3]: must be a finite number, got NaN',
    ],
    [
      [...L1, 'inputs', 'values', 0],
      Number.POSITIVE_INFINITY,
      'populations[1].params.inputs.values[0]: must be a finite number, got Infinity',
    ],
    [
      [...L1, 'inputs', 'kind'],
      'spikes',
      'populations[1].params.inputs.kind: must be one of constant, rates, got "spikes"',
    ],
    [
      [...L1, 'scaling'],
      'max',
      'populations[1].params.scaling: must be one of sum, mean, got "max"',
    ],
    [[...L2, 'inputs', 'tau'], 0, 'populations[2].params.inputs.tau: must be > 0, got 0'],
    [[...L2, 'inputs', 'source'], '', 'populations[2].params.inputs.source: must not be empty'],
    [[...L2, 'inputs', 'values'], [1], 'populations[2].params.inputs.values: unknown field'],
    [[...L1, 'bias'], 0, 'populations[1].params.bias: unknown field'],
    [[...L1, 'y_max'], undefined, 'populations[1].params.y_max: required field is missing'],
    [[...L1, 'base_seed'], undefined, 'populations[1].params.base_seed: required field is missing'],
  ])('%j = %j -> %s', (path, value, expected) => {
    expect(breakAt(path, value)).toEqual([expected]);
  });

  it('fills only the "off" values: no noise, no refractoriness, sum scaling, rest and reset 0', () => {
    const doc = JSON.parse(JSON.stringify(scDocument())) as Record<string, unknown>;
    for (const key of ['noise_std', 'refractory_period', 'scaling', 'v_rest', 'v_reset'])
      setIn(doc, [...L1, key], undefined);
    const result = validateDocument(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.document.populations[1]?.params).toMatchObject({
      noise_std: 0,
      refractory_period: 0,
      scaling: 'sum',
      v_rest: 0,
      v_reset: 0,
    });
  });
});

describe('sc_dense cross-checks', () => {
  it.each([
    [[...L1, 'x_max'], 0, 'populations[1].params.x_max: must be > x_min (0), got 0'],
    [[...L1, 'w_max'], -1, 'populations[1].params.w_max: must be > w_min (0), got -1'],
    [[...L1, 'v_reset'], 1, 'populations[1].params.v_reset: must be < v_threshold (1), got 1'],
    [
      [...L1, 'weights'],
      [0.5, 0.5],
      'populations[1].params.weights: must have one weight per input channel ' +
        '(8, the number of inputs.values), got 2',
    ],
    [
      [...L2, 'weights'],
      [0.5, 0.5, 0.5, 0.5, 0.5],
      'populations[2].params.weights: must have one weight per input channel ' +
        '(4, the size of "layer1"), got 5',
    ],
    [
      [...L1, 'inputs', 'values'],
      [],
      'populations[1].params.inputs.values: must have at least one value (one per input ' +
        'channel), got none',
    ],
    [
      [...L1, 'inputs', 'values'],
      new Array(4097).fill(0.5),
      'populations[1].params.inputs.values: must have at most 4096 values (input channels), ' +
        'got 4097',
    ],
    [
      [...L2, 'inputs', 'source'],
      'nope',
      'populations[2].params.inputs.source: no population has the id "nope"',
    ],
    [
      [...L2, 'inputs', 'source'],
      'layer2',
      'populations[2].params.inputs.source: must name another population; layer "layer2" ' +
        'cannot read its own rates',
    ],
  ])('%j = %j -> %s', (path, value, expected) => {
    expect(breakAt(path, value)).toEqual([expected]);
  });

  it('refuses a rates source with more neurons than a layer has channels', () => {
    expect(
      issuesAfter((doc) => {
        setIn(doc, ['populations', 0, 'size'], 5000);
        setIn(doc, [...L2, 'inputs', 'source'], 'input');
      }),
    ).toEqual([
      'populations[2].params.inputs.source: "input" has 5000 neurons; an sc_dense layer takes ' +
        'at most 4096 input channels (one per source neuron)',
    ]);
  });

  it('takes its channel count from the rates source: a Poisson source of 4 fits 4 weights', () => {
    expect(
      issuesAfter((doc) => {
        setIn(doc, ['populations', 0, 'size'], 4);
        setIn(doc, [...L2, 'inputs', 'source'], 'input');
      }),
    ).toEqual([]);
  });

  it('accepts values and weights outside their ranges (the encoder clamps them)', () => {
    expect(
      issuesAfter((doc) => {
        setIn(doc, [...L1, 'inputs', 'values', 0], 5);
        setIn(doc, [...L1, 'weights', 0], -3);
      }),
    ).toEqual([]);
  });

  it('refuses projections into a layer, accepts projections out of one', () => {
    expect(
      issuesAfter((doc) => {
        (doc.projections as unknown[]).push(createProjection('into', 'input', 'layer2'));
      }),
    ).toEqual([
      'projections[0].target: "layer2" is a sc_dense population; an sc_dense layer takes its ' +
        'inputs from params.inputs, not from projections',
    ]);
    const doc = scDocument();
    doc.populations.push(createPopulation('stochastic_lif', 'lif', { x: 400, y: 0 }));
    doc.projections.push(createProjection('from_layer', 'layer2', 'lif'));
    expect(issuesOf(doc)).toEqual([]);
  });

  it('checks probe neurons against the layer size', () => {
    expect(issuesAfter((doc) => setIn(doc, ['probes', 2, 'neurons'], [2]))).toEqual([
      'probes[2].neurons[0]: must be < size (2), got 2',
    ]);
  });
});

describe('withScInputs keeps one weight per channel', () => {
  const sizeOf = (id: string) => (id === 'five' ? 5 : undefined);

  it('counts channels from the values or the rates source', () => {
    const params = defaultParams('sc_dense');
    expect(scChannelCount(params, sizeOf)).toBe(8);
    expect(scChannelCount({ inputs: { kind: 'rates', source: 'five', tau: 20 } }, sizeOf)).toBe(5);
    expect(scChannelCount({ inputs: { kind: 'rates', source: 'x', tau: 20 } }, sizeOf)).toBe(
      undefined,
    );
  });

  it('truncates, pads with the middle of [w_min, w_max], and leaves an unknown source alone', () => {
    const params = { ...defaultParams('sc_dense'), w_min: 0, w_max: 2 };
    const fewer = withScInputs(params, { kind: 'constant', values: [1, 2, 3] }, sizeOf);
    expect(fewer.weights).toEqual([0.5, 0.6, 0.4]);
    expect(fewer.inputs).toEqual({ kind: 'constant', values: [1, 2, 3] });
    const more = withScInputs(
      { ...params, weights: [0.1, 0.2] },
      { kind: 'rates', source: 'five', tau: 20 },
      sizeOf,
    );
    expect(more.weights).toEqual([0.1, 0.2, 1, 1, 1]);
    const unknown = withScInputs(params, { kind: 'rates', source: 'x', tau: 20 }, sizeOf);
    expect(unknown.weights).toEqual(params.weights);
    expect(params.inputs.kind).toBe('constant');
  });
});
