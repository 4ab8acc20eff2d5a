import { describe, expect, it } from 'vitest';
import { createPopulation, validateDocument } from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { issuesOf, looseDocument, setIn, validDocument } from './helpers.ts';

/** Breaks the fixture at `path` with `value` and returns its issues. */
function breakAt(path: (string | number)[], value: unknown): string[] {
  const doc = looseDocument();
  setIn(doc, path, value);
  return issuesOf(doc);
}

describe('shape messages name the field and the reason', () => {
  it('accepts the fixture', () => {
    expect(issuesOf(validDocument())).toEqual([]);
  });

  it.each([
    [
      ['populations', 1, 'params', 'tau_mem'],
      -5,
      'populations[1].params.tau_mem: must be > 0, got -5',
    ],
    [
      ['populations', 0, 'model'],
      'lif',
      'populations[0].model: must be one of stochastic_lif, poisson, spike_generator, sc_dense, loihi, izhikevich, adex, dynapsim, fixed_point_lif, nir_neuron, got "lif"',
    ],
    [['run', 'dt'], Number.NaN, 'run.dt: must be a finite number, got NaN'],
    [
      ['run', 'duration'],
      Number.POSITIVE_INFINITY,
      'run.duration: must be a finite number, got Infinity',
    ],
    [['populations', 1, 'params', 'tau'], 3, 'populations[1].params.tau: unknown field'],
    [['populations', 1, 'size'], undefined, 'populations[1].size: required field is missing'],
    [['populations', 1, 'size'], 0, 'populations[1].size: must be >= 1, got 0'],
    [['populations', 1, 'size'], 2.5, 'populations[1].size: must be an integer, got 2.5'],
    [
      ['populations', 1, 'size'],
      10_000_001,
      'populations[1].size: must be <= 10000000, got 10000001',
    ],
    [['populations', 1, 'size'], '100', 'populations[1].size: must be a number, got "100"'],
    [['run', 'seed'], 2 ** 32, 'run.seed: must be < 4294967296, got 4294967296'],
    [['run', 'seed'], -1, 'run.seed: must be >= 0, got -1'],
    [
      ['run', 'backend'],
      'cuda',
      'run.backend: must be one of auto, reference, wasm, gpu, webgpu, webgl2, webasm, cpu, got "cuda"',
    ],
    [
      ['projections', 0, 'connectivity', 'p'],
      1.5,
      'projections[0].connectivity.p: must be <= 1, got 1.5',
    ],
    [
      ['projections', 0, 'delay', 'steps'],
      256,
      'projections[0].delay.steps: must be <= 255, got 256',
    ],
    [['projections', 0, 'synapse', 'tau'], 0, 'projections[0].synapse.tau: must be > 0, got 0'],
    [
      ['projections', 0, 'connectivity', 'allow_self'],
      'yes',
      'projections[0].connectivity.allow_self: must be true or false, got "yes"',
    ],
    [
      ['populations', 1, 'params', 'refractory_period'],
      -1,
      'populations[1].params.refractory_period: must be >= 0, got -1',
    ],
    [
      ['populations', 1, 'params', 'noise_std'],
      -0.1,
      'populations[1].params.noise_std: must be >= 0, got -0.1',
    ],
    [
      ['populations', 1, 'params', 'v_init', 'kind'],
      'normal',
      'populations[1].params.v_init.kind: must be one of constant, uniform, got "normal"',
    ],
    [
      ['projections', 0, 'weight'],
      { kind: 'normal', mean: 0, std: -1 },
      'projections[0].weight.std: must be >= 0, got -1',
    ],
    [['probes', 1, 'variable'], 'q', 'probes[1].variable: must be one of v, i_syn, u, w, got "q"'],
    [['probes', 1, 'neurons', 1], -2, 'probes[1].neurons[1]: must be >= 0, got -2'],
    [['populations', 0, 'id'], '', 'populations[0].id: must not be empty'],
    [['populations'], {}, 'populations: must be an array, got an object'],
    [['run'], null, 'run: must be an object, got null'],
    [['name'], 7, 'name: must be a string, got 7'],
    [['surprise'], true, 'surprise: unknown field'],
    [
      ['probes', 0, 'kind'],
      undefined,
      'probes[0].kind: required field is missing; must be one of spikes, state, rate, synapse',
    ],
  ])('%j = %j -> %s', (path, value, expected) => {
    expect(breakAt(path, value)).toEqual([expected]);
  });

  it('words the example of the issue exactly', () => {
    const doc = validDocument();
    const lif = createPopulation('stochastic_lif', 'third', { x: 0, y: 0 });
    if (lif.model !== 'stochastic_lif') throw new Error('a LIF population');
    doc.populations.splice(2, 0, lif);
    lif.params.tau_mem = -5;
    expect(issuesOf(doc)).toEqual(['populations[2].params.tau_mem: must be > 0, got -5']);
  });

  it('collects every issue instead of stopping at the first', () => {
    const doc = looseDocument();
    setIn(doc, ['populations', 1, 'params', 'tau_mem'], -5);
    setIn(doc, ['populations', 0, 'model'], 'lif');
    setIn(doc, ['run', 'dt'], Number.NaN);
    setIn(doc, ['populations', 2, 'params', 'tau'], 1);
    expect(issuesOf(doc)).toEqual([
      'populations[0].model: must be one of stochastic_lif, poisson, spike_generator, sc_dense, loihi, izhikevich, adex, dynapsim, fixed_point_lif, nir_neuron, got "lif"',
      'populations[1].params.tau_mem: must be > 0, got -5',
      'populations[2].params.tau: unknown field',
      'run.dt: must be a finite number, got NaN',
    ]);
  });

  it('names every missing required field', () => {
    const doc = looseDocument();
    setIn(doc, ['run'], { backend: 'auto' });
    expect(issuesOf(doc)).toEqual([
      'run.dt: required field is missing',
      'run.duration: required field is missing',
      'run.seed: required field is missing',
    ]);
  });

  it('quotes odd keys so the path stays readable', () => {
    expect(breakAt(['run', 'time step'], 1)).toEqual(['run["time step"]: unknown field']);
  });

  it('fills defaults for fields a hand-written file may leave out', () => {
    const doc = looseDocument();
    for (const key of ['projections', 'stimuli', 'probes']) setIn(doc, [key], undefined);
    setIn(doc, ['run', 'backend'], undefined);
    setIn(doc, ['populations', 1, 'params', 'noise_std'], undefined);
    setIn(doc, ['populations', 1, 'position'], undefined);
    const result = validateOk(doc);
    expect(result.projections).toEqual([]);
    expect(result.run.backend).toBe('auto');
    expect(result.populations[1]).toMatchObject({
      position: { x: 0, y: 0 },
      params: { noise_std: 0 },
    });
  });
});

function validateOk(value: unknown): NetworkDocument {
  const result = validateDocument(value);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.document;
}
