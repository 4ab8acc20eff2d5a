/** Probes resolved to population indices and step counts. */
import type { Probe } from '../../model/document.ts';
import type { ProbePlan } from '../plan.ts';

/**
 * Each probe with its population as an index; rate bins become `max(1, round(bin/dt))` steps.
 *
 * @example compileProbe({ id: 'r', kind: 'rate', population: 'E', bin: 1 }, idx, 0.1) // binSteps 10
 */
export function compileProbe(
  probe: Probe,
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
