/** Probes resolved to population (or projection) indices and step counts. */
import type { PopulationProbe, SynapseProbe } from '../../model/document.ts';
import { DocumentInvalidError } from '../errors.ts';
import type { ProbePlan, ProjectionPlan } from '../plan.ts';

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

/**
 * A compiled synapse probe (document index `index`), refused with `DocumentInvalidError` naming
 * it when its projection has no Loihi learning and no classic weight rule or structural
 * plasticity (nothing to record) or a synapse index is past
 * the synapses actually drawn (which validation cannot know for random connectivity).
 *
 * @example checkSynapseProbe(compileSynapseProbe(probe, idx), 3, plan.projections)
 */
export function checkSynapseProbe(
  probe: ProbePlan,
  index: number,
  projections: readonly ProjectionPlan[],
): ProbePlan {
  if (probe.kind !== 'synapse') return probe;
  const pr = projections[probe.projection];
  const plastic = pr?.plasticity?.rule !== undefined || pr?.plasticity?.structural !== undefined;
  if (pr === undefined || (pr.learning === undefined && !plastic)) {
    const name = pr === undefined ? 'an unknown projection' : `projection '${pr.id}'`;
    throw new DocumentInvalidError([
      {
        path: `probes[${index}].projection`,
        message:
          `probe '${probe.id}': ${name} has no Loihi learning rule or traces and no weight ` +
          'rule or structural plasticity, so it has no synapse state to record',
      },
    ]);
  }
  const count = pr.csr.targets.length;
  const k = probe.synapses.findIndex((e) => e >= count);
  if (k >= 0) {
    throw new DocumentInvalidError([
      {
        path: `probes[${index}].synapses[${k}]`,
        message:
          `probe '${probe.id}': synapse ${probe.synapses[k] ?? k} does not exist; projection ` +
          `'${pr.id}' has ${count} synapse${count === 1 ? '' : 's'}` +
          (count > 0 ? ` (0..${count - 1})` : ''),
      },
    ]);
  }
  return probe;
}
