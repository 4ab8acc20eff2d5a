/**
 * The edit behind "click a neuron to probe it": record the neuron's membrane potential `v`.
 * The neuron joins the population's existing `v` probe when there is one (its trace then joins
 * that plot), otherwise a new state probe is added. Pure: the view applies the edit through the
 * document store, so it is validated and undoable like any other.
 */
import type { NetworkDocument } from '../../model/document.ts';
import { documentIds, uniqueId } from '../../model/defaults.ts';
import type { DocumentEdit } from '../../store/document/edits.ts';
import { stateOptions } from '../inspector/model-capabilities.ts';

export type ProbeNeuronResult =
  | { kind: 'edit'; edit: DocumentEdit; probeId: string }
  /** Nothing to do, with the reason to show. */
  | { kind: 'none'; reason: string };

/**
 * The edit that records `v` of neuron `neuron` of population `populationId`.
 *
 * @example probeNeuronEdit(doc, 'exc', 7) // { kind: 'edit', edit: { type: 'addProbe', ... } }
 */
export function probeNeuronEdit(
  doc: NetworkDocument,
  populationId: string,
  neuron: number,
): ProbeNeuronResult {
  const population = doc.populations.find((p) => p.id === populationId);
  if (!population) return { kind: 'none', reason: `no population "${populationId}"` };
  const name = population.label ?? population.id;
  if (!Number.isInteger(neuron) || neuron < 0 || neuron >= population.size) {
    return { kind: 'none', reason: `${name} has no neuron ${neuron}` };
  }
  if (!stateOptions(population.model).some((o) => o.value === 'v')) {
    return { kind: 'none', reason: `${name} is a spike source: it has no membrane potential` };
  }
  const existing = doc.probes.find(
    (p) => p.kind === 'state' && p.population === populationId && p.variable === 'v',
  );
  if (existing?.kind === 'state') {
    if (existing.neurons.includes(neuron)) {
      return { kind: 'none', reason: `${name} neuron ${neuron} is already probed` };
    }
    return {
      kind: 'edit',
      probeId: existing.id,
      edit: { type: 'updateProbe', probe: { ...existing, neurons: [...existing.neurons, neuron] } },
    };
  }
  const id = uniqueId(`${populationId}_v`, documentIds(doc));
  return {
    kind: 'edit',
    probeId: id,
    edit: {
      type: 'addProbe',
      probe: { id, kind: 'state', population: populationId, variable: 'v', neurons: [neuron] },
    },
  };
}
