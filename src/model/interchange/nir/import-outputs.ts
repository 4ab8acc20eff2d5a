/** NIR Output nodes as probes on the populations that feed them, with their report rows. */
import { nirSpikes } from '../../document-nir.ts';
import type { Probe } from '../../document.ts';
import type { NirNode } from './graph.ts';
import { claimId } from './import-naming.ts';
import type { NirPath } from './import-paths.ts';
import type { PopulationEntry } from './import-populations.ts';
import { shapeSize } from './nir-read.ts';
import type { NirReportRow } from './report.ts';

/** Spikes of a spiking population, v of a non-spiking one, once per population and kind. */
export function outputProbes(
  outputs: readonly NirPath[],
  populations: Map<string, PopulationEntry>,
  taken: Set<string>,
  nodes: Map<string, NirNode>,
  rows: NirReportRow[],
): Probe[] {
  const probes: Probe[] = [];
  const byOutput = new Map<string, string[]>();
  const done = new Set<string>();
  for (const out of outputs) {
    const pop = populations.get(out.from);
    if (pop === undefined) continue;
    const spiking = pop.neuron === undefined || nirSpikes(pop.neuron);
    const key = `${pop.id}:${spiking ? 'spikes' : 'v'}`;
    if (!done.has(key)) {
      done.add(key);
      const size = shapeSize(pop.shape);
      const probe: Probe = spiking
        ? { id: claimId(`${pop.id}_spikes`, taken), kind: 'spikes', population: pop.id }
        : {
            id: claimId(`${pop.id}_v`, taken),
            kind: 'state',
            population: pop.id,
            variable: 'v',
            neurons: Array.from({ length: size }, (_, i) => i),
          };
      probes.push(probe);
      byOutput.set(out.to, [...(byOutput.get(out.to) ?? []), probe.id]);
    }
  }
  for (const [name, ids] of byOutput) {
    rows.push({
      node: name,
      type: nodes.get(name)?.type ?? 'Output',
      became: `probes ${ids.join(', ')}`,
      mapping: [
        {
          param: 'record',
          nir: 'graph output',
          spikelab: ids.join(', '),
          formula: 'spikes of a spiking population, v of a non-spiking one (LI, I, CubaLI)',
        },
      ],
    });
  }
  return probes;
}
