/**
 * Shared fixtures for the model tests: a small valid document to break one field at a time.
 */
import {
  createDocument,
  createPopulation,
  createProjection,
  formatIssue,
} from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { validateDocument } from '../../../src/model/index.ts';

/** Three populations (poisson, LIF, spike generator), one projection, one stimulus, three probes. */
export function validDocument(): NetworkDocument {
  const doc = createDocument('fixture');
  const gen = createPopulation('spike_generator', 'gen', { x: 0, y: 200 });
  if (gen.model === 'spike_generator') gen.params = { indices: [0, 3], times: [1, 2], period: 10 };
  doc.populations.push(
    createPopulation('poisson', 'input', { x: 0, y: 0 }),
    createPopulation('stochastic_lif', 'exc', { x: 200, y: 0 }),
    gen,
  );
  doc.projections.push(createProjection('input_exc', 'input', 'exc'));
  doc.stimuli.push({
    id: 'step',
    kind: 'current_step',
    target: 'exc',
    start: 10,
    stop: 20,
    amplitude: 0.5,
  });
  doc.probes.push(
    { id: 'exc_spikes', kind: 'spikes', population: 'exc' },
    { id: 'exc_v', kind: 'state', population: 'exc', variable: 'v', neurons: [0, 5] },
    { id: 'exc_rate', kind: 'rate', population: 'exc', bin: 1 },
  );
  return doc;
}

/** A mutable, untyped deep copy of the fixture, for tests that break it on purpose. */
export function looseDocument(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(validDocument())) as Record<string, unknown>;
}

/** The formatted issues of `value`, or [] when it is valid. */
export function issuesOf(value: unknown): string[] {
  const result = validateDocument(value);
  return result.ok ? [] : result.issues.map(formatIssue);
}

/** Follows `path` (keys and indices) inside a loose document and sets the last one to `value`. */
export function setIn(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last === undefined) throw new Error('empty path');
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/**
 * The tutorial's section 5 network as a fixture for `sc_dense` checks: a Poisson source, layer 1
 * (the default SC layer, 8 constant inputs, 4 neurons) and layer 2 fed by layer 1's rates, with
 * a stimulus into layer 1 and a state probe of each layer variable.
 */
export function scDocument(): NetworkDocument {
  const doc = createDocument('sc fixture');
  doc.run = { dt: 1, duration: 100, seed: 1, backend: 'reference' };
  const layer1 = createPopulation('sc_dense', 'layer1', { x: 0, y: 0 });
  const layer2 = createPopulation('sc_dense', 'layer2', { x: 200, y: 0 });
  if (layer2.model === 'sc_dense') {
    layer2.size = 2;
    layer2.params.inputs = { kind: 'rates', source: 'layer1', tau: 50 };
    layer2.params.weights = [0.6, 0.5, 0.7, 0.4];
    layer2.params.x_max = 0.1;
  }
  doc.populations.push(createPopulation('poisson', 'input', { x: 0, y: 200 }), layer1, layer2);
  doc.stimuli.push({
    id: 'kick',
    kind: 'current_step',
    target: 'layer1',
    start: 10,
    stop: 20,
    amplitude: 0.05,
  });
  doc.probes.push(
    { id: 'layer1_spikes', kind: 'spikes', population: 'layer1' },
    { id: 'layer1_v', kind: 'state', population: 'layer1', variable: 'v', neurons: [0, 1] },
    { id: 'layer2_i', kind: 'state', population: 'layer2', variable: 'i_syn', neurons: [0] },
  );
  return doc;
}
