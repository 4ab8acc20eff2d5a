/** Probes resolved to population (or projection) indices and step counts. */
import type { PopulationProbe, SynapseProbe } from '../../model/document.ts';
import type { ProbePlan } from '../plan.ts';

/**
 * Each probe with its population as an index; rate bins become `max(1, round(bin/dt))` steps.
 *
 * @example compileProbe({ id: 'r', kind: 'rate', population: 'E', bin: 1 }, idx, 0.1) // binSteps 10
 */
export function compileProbe(
  probe: PopulationProbe,
  populationIndex: ReadonlyMap<string, number>,
  dt: number,
): ProbePlan {
  const population = populationIndex.get(probe.population) ?? -1;
  switch (probe.kind) {
    case 'spikes':
      return { id: probe.id, kind: 'spikes', population };
    case 'state':
      return {
        id: probe.id,
        kind: 'state',
        population,
        variable: probe.variable,
        neurons: Uint32Array.from(probe.neurons),
      };
    case 'rate':
      return {
        id: probe.id,
        kind: 'rate',
        population,
        binSteps: Math.max(1, Math.round(probe.bin / dt)),
      };
  }
}

/**
 * A synapse probe with its projection as an index (-1 if unknown; validation refuses that).
 *
 * @example compileSynapseProbe({ id: 'w', kind: 'synapse', projection: 'p', variable: 'w', synapses: [0] }, idx)
 */
export function compileSynapseProbe(
  probe: SynapseProbe,
  projectionIndex: ReadonlyMap<string, number>,
): ProbePlan {
  return {
    id: probe.id,
    kind: 'synapse',
    projection: projectionIndex.get(probe.projection) ?? -1,
    variable: probe.variable,
    synapses: Uint32Array.from(probe.synapses),
  };
}
