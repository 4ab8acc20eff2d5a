/**
 * Spikelab document -> NIR graph (contract section 3), the inverse of `import.ts`: populations
 * become neuron or Input nodes, projections chains of weight (and Flatten/Delay) nodes, probes
 * Output nodes. What NIR cannot express (noise, refractoriness, random draws, plasticity,
 * stimuli, chip models) is listed in `report.notImported` with the reason, never dropped
 * silently; the notes say how to import the graph back with the same numbers.
 */
import type { NetworkDocument } from '../../document.ts';
import { nirGraph, type NirGraph, type NirNode } from './graph.ts';
import { exportPopulation, type ExportedPopulation } from './export-neuron.ts';
import {
  exportProjection,
  type DrawnSynapses,
  type ExportedProjection,
} from './export-projection.ts';
import { intArray, numbersArray } from './export-values.ts';
import { claimId } from './import-naming.ts';
import { emptyReport, type NirReport } from './report.ts';
import { num } from './report-format.ts';

export interface NirExportOptions {
  /**
   * The compiled document (`compile(doc)` of `src/engine`): with it, projections whose synapses,
   * weights or delays compile draws from the seed are exported as drawn; without it they are
   * refused with a report entry.
   */
  drawn?: { projections: readonly { csr: DrawnSynapses }[] };
}

export interface NirExportResult {
  graph: NirGraph;
  report: NirReport;
}

/**
 * The document as a NIR graph and a report of the mapping.
 *
 * @example const { graph, report } = exportNir(doc); await writeNirFile(graph);
 */
export function exportNir(doc: NetworkDocument, options: NirExportOptions = {}): NirExportResult {
  const report = emptyReport();
  const taken = new Set<string>(doc.populations.map((p) => p.id));
  const nodes: Record<string, NirNode> = {};
  const edges: [string, string][] = [];
  const exported = new Map<string, ExportedPopulation>();
  for (const pop of doc.populations) {
    const e = exportPopulation(pop, doc, report.notImported);
    if (e === undefined) continue;
    exported.set(pop.id, e);
    nodes[pop.id] = e.node;
    report.rows.push(e.row);
  }
  const byTarget = new Map<string, ExportedProjection[]>();
  for (const [index, proj] of doc.projections.entries()) {
    const source = exported.get(proj.source);
    const target = exported.get(proj.target);
    if (source === undefined || target === undefined || !target.accepts) {
      const which = source === undefined ? proj.source : proj.target;
      report.notImported.push({
        node: proj.id,
        type: `projection (${proj.connectivity.rule})`,
        reason: `${which} is not exported, so neither is this projection`,
      });
      continue;
    }
    const drawn = options.drawn?.projections[index]?.csr;
    const e = exportProjection(proj, source, target, doc, taken, report.notImported, drawn);
    if (e === undefined) continue;
    for (const [name, node] of e.nodes) nodes[name] = node;
    edges.push(...e.edges);
    report.rows.push(e.row);
    byTarget.set(target.id, [...(byTarget.get(target.id) ?? []), e]);
  }
  for (const target of exported.values()) {
    if (target.bias !== null) placeBias(target, byTarget.get(target.id) ?? [], report);
  }
  addOutputs(doc, exported, nodes, edges, taken, report);
  for (const stim of doc.stimuli) {
    report.notImported.push({
      node: stim.id,
      type: `stimulus (${stim.kind})`,
      reason: 'NIR graphs hold no stimuli; feed the input at run time instead',
    });
  }
  report.notes.push(
    `NIR graphs carry no dt: import this one with dt = ${num(doc.run.dt / 1000)} s to step it as this document does ` +
      '(each neuron node records its discretisation in its metadata, spikelab_discretisation).',
    'Times are written in seconds (tau = tau_mem / 1000, delay = steps * dt); IF and I have r per second (r_nir = r * 1000).',
    'Latency: Spikelab delivers a spike to the next population one step after it fires; a layer-by-layer simulator passes it within the step.',
  );
  return { graph: nirGraph(nodes, edges), report };
}

/**
 * A constant input per neuron rides on the first incoming Linear (made an Affine) or Conv whose
 * bias can hold it (a Conv only a per-channel constant); NIR neurons have no bias of their own.
 */
function placeBias(
  target: ExportedPopulation,
  incoming: ExportedProjection[],
  report: NirReport,
): void {
  const bias = target.bias ?? [];
  for (const e of incoming) {
    const b = e.biasNode;
    if (b === undefined) continue;
    if (b.kind === 'dense') {
      b.node.type = 'Affine';
      b.node.params.bias = numbersArray([bias.length], bias);
    } else {
      const per = bias.length / b.channels;
      const channels = Array.from({ length: b.channels }, (_, c) => bias[c * per] ?? 0);
      if (!bias.every((v, j) => v === channels[Math.floor(j / per)])) continue;
      b.node.params.bias = numbersArray([b.channels], channels);
    }
    e.row.mapping.push({
      param: 'bias',
      nir: `${b.name}.bias`,
      spikelab: `${target.id}.bias`,
      formula: "the target population's constant input",
    });
    return;
  }
  report.notImported.push({
    node: target.id,
    type: 'bias',
    reason:
      'a non-zero bias needs an incoming Linear/Affine or Conv (per-channel constant) to carry it; dropped',
  });
}

/** An Output node per recorded population (spikes, rates, or v of a non-spiking one). */
function addOutputs(
  doc: NetworkDocument,
  exported: Map<string, ExportedPopulation>,
  nodes: Record<string, NirNode>,
  edges: [string, string][],
  taken: Set<string>,
  report: NirReport,
): void {
  const recorded: string[] = [];
  for (const probe of doc.probes) {
    if (probe.kind === 'synapse') {
      report.notImported.push({
        node: probe.id,
        type: 'probe (synapse)',
        reason: 'NIR outputs are neuron outputs; synapse probes are not exported',
      });
      continue;
    }
    if (!exported.has(probe.population) || recorded.includes(probe.population)) continue;
    recorded.push(probe.population);
  }
  // A graph needs an output: with no probes, the populations nothing leaves from.
  if (recorded.length === 0) {
    for (const id of exported.keys()) if (!edges.some(([a]) => a === id)) recorded.push(id);
  }
  for (const id of recorded) {
    const pop = exported.get(id);
    if (pop === undefined) continue;
    const name = claimId(`${id}_output`, taken);
    nodes[name] = { type: 'Output', params: { shape: intArray(pop.shape) } };
    edges.push([id, name]);
  }
}
