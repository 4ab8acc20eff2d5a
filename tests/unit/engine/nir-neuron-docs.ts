/** Documents of the nir_neuron engine tests: a population, a probe set, a validated plan. */
import { compile } from '../../../src/engine/compile/index.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import type {
  NetworkDocument,
  NirNeuronParams,
  Population,
  Probe,
} from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';

/** A nir_neuron population of `size` neurons. */
export function nirPopulation(id: string, size: number, params: NirNeuronParams): Population {
  return { id, size, position: { x: 0, y: 0 }, model: 'nir_neuron', params };
}

/** Spikes, v and i_syn of `neurons`. */
export function recordAll(population: string, neurons: number[]): Probe[] {
  return [
    { id: `${population}_spikes`, kind: 'spikes', population },
    { id: `${population}_v`, kind: 'state', population, variable: 'v', neurons },
    { id: `${population}_i`, kind: 'state', population, variable: 'i_syn', neurons },
  ];
}

/** The validated document's plan; throws with every issue when validation refuses it. */
export function planOf(doc: NetworkDocument): Plan {
  const valid = validateDocument(doc);
  if (!valid.ok) throw new Error(valid.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return compile(valid.document);
}
