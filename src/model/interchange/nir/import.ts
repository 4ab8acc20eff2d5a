/**
 * NIR graph -> Spikelab document (contract section 3). Neuron nodes become `nir_neuron`
 * populations, Input nodes spike generators without spikes, each path of weight, delay and
 * pass-through nodes between two of them one projection (or a few), Output nodes probes; the
 * report says how every node was mapped and lists what was not, the rest is imported anyway.
 */
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type NetworkDocument,
  type Population,
  type Projection,
} from '../../document.ts';
import type { NirDiscretisation } from '../../document-nir.ts';
import type { NirGraph, NirNode } from './graph.ts';
import { connectPath, type DelaySteps, type PathContext } from './import-connect.ts';
import { flattenGraph } from './import-flatten.ts';
import { layoutColumns } from './import-layout.ts';
import { claimId } from './import-naming.ts';
import { importNotes } from './import-notes.ts';
import { outputProbes } from './import-outputs.ts';
import {
  addBias,
  delaySteps,
  populationEntry,
  toPopulation,
  type PopulationEntry,
} from './import-populations.ts';
import { walkGraph, type NirPath } from './import-paths.ts';
import { nodeRole, type NodeRole } from './import-roles.ts';
import { inferShapes } from './import-shapes.ts';
import { NirParamError } from './nir-read.ts';
import { num } from './report-format.ts';
import { emptyReport, type NirMappingRow, type NirReport, type NirReportRow } from './report.ts';
import { weightRows } from './report-nodes.ts';

export type { NirReport } from './report.ts';

export interface NirImportOptions {
  /** Integration step in NIR's time unit (`timeUnit`). */
  dt: number;
  /** NIR's time unit: seconds by the standard; `ms` for files that use ms. */
  timeUnit: 's' | 'ms';
  discretisation: NirDiscretisation;
  /** Run length, ms (default 100). */
  duration?: number;
}

export interface NirImportResult {
  document: NetworkDocument;
  report: NirReport;
}

/** Options that cannot be used: `dt: must be > 0, got 0`. */
export class NirImportError extends Error {
  override readonly name = 'NirImportError';
}

/**
 * Maps a NIR graph to a document and its report.
 *
 * @example
 * const { document, report } = importNir(graph, { dt: 1e-3, timeUnit: 's', discretisation: 'exact' });
 */
export function importNir(graph: NirGraph, options: NirImportOptions): NirImportResult {
  checkOptions(options);
  const dtMs = options.timeUnit === 's' ? options.dt * 1000 : options.dt;
  const report = emptyReport();
  const flat = flattenGraph(graph);
  report.notImported.push(...flat.problems);
  const roles = new Map<string, NodeRole>();
  for (const [name, node] of flat.nodes) {
    const role = nodeRole(node.type);
    roles.set(name, role);
    if (role === 'unsupported') {
      report.notImported.push({
        node: name,
        type: node.type,
        reason: `Spikelab has no mapping for NIR's ${node.type}`,
      });
    }
  }
  const shapes = inferShapes(flat, roles);
  const taken = new Set<string>();
  const populations = new Map<string, PopulationEntry>();
  const failed = new Set<string>();
  const fail = (name: string, node: NirNode, reason: string): void => {
    failed.add(name);
    report.notImported.push({ node: name, type: node.type, reason });
  };
  for (const [name, node] of flat.nodes) {
    const role = roles.get(name);
    if (role !== 'input' && role !== 'neuron') continue;
    const shape = shapes.out.get(name);
    if (shape === undefined) {
      fail(name, node, shapes.errors.get(name) ?? 'shape unknown');
      continue;
    }
    try {
      populations.set(name, populationEntry(name, node, shape, options, dtMs, taken));
    } catch (error) {
      if (!(error instanceof NirParamError)) throw error;
      fail(name, node, error.message);
    }
  }
  const delays = new Map<string, DelaySteps>();
  const delayRows = new Map<string, NirMappingRow[]>();
  for (const [name, node] of flat.nodes) {
    const role = roles.get(name);
    if ((role === 'weight' || role === 'delay' || role === 'pass') && shapes.errors.has(name)) {
      fail(name, node, shapes.errors.get(name) ?? 'shape unknown');
    }
    if (role === 'delay' && !failed.has(name)) {
      try {
        const { steps, row } = delaySteps(node, name, options);
        delays.set(name, { steps });
        delayRows.set(name, [row]);
      } catch (error) {
        if (!(error instanceof NirParamError)) throw error;
        fail(name, node, error.message);
      }
    }
  }

  const walk = walkGraph(flat, roles, (n) => populations.has(n));
  const projections: Projection[] = [];
  const viaProjections = new Map<string, string[]>();
  const links: { from: string; to: string }[] = [];
  const onFailedPath = new Set<string>();
  for (const path of walk.paths) {
    const source = populations.get(path.from);
    const target = populations.get(path.to);
    if (source === undefined || target === undefined) continue;
    const broken = path.via.find((v) => failed.has(v));
    if (broken !== undefined) continue;
    if (target.neuron === undefined) {
      report.notImported.push({
        node: pathName(path),
        type: 'edge',
        reason: `${path.to} is an Input: nothing can feed it`,
      });
      continue;
    }
    const ctx: PathContext = {
      roles,
      weights: shapes.weights,
      delays,
      sourceShape: source.shape,
      targetShape: target.shape,
    };
    try {
      const mapped = connectPath(path, ctx);
      mapped.drafts.forEach((draft, k) => {
        const stem =
          path.via.filter((v) => roles.get(v) === 'weight').join('_') ||
          `${source.id}_to_${target.id}`;
        const id = claimId(mapped.drafts.length > 1 ? `${stem}_${k + 1}` : stem, taken);
        projections.push({
          id,
          source: source.id,
          target: target.id,
          connectivity: draft.connectivity,
          weight: draft.weight,
          delay: draft.delay,
          synapse: { kind: 'delta' },
        });
        for (const v of path.via)
          viaProjections.set(v, [...(viaProjections.get(v) ?? []), `${id}: ${draft.summary}`]);
        if (path.via.length === 0) {
          source.row.mapping.push({
            param: 'edge',
            nir: `${path.from} -> ${path.to}`,
            spikelab: `projection ${id}`,
            formula: draft.summary,
          });
        }
      });
      if (mapped.bias !== null) addBias(target, mapped.bias);
      links.push({ from: path.from, to: path.to });
    } catch (error) {
      if (!(error instanceof NirParamError)) throw error;
      report.notImported.push({ node: pathName(path), type: 'path', reason: error.message });
      path.via.forEach((v) => onFailedPath.add(v));
    }
  }

  const outputRows: NirReportRow[] = [];
  const probes = outputProbes(walk.outputs, populations, taken, flat.nodes, outputRows);
  for (const name of walk.cycles) {
    report.notImported.push({
      node: name,
      type: flat.nodes.get(name)?.type ?? '?',
      reason: 'on a cycle with no population on it',
    });
  }
  for (const [name, node] of flat.nodes) {
    const role = roles.get(name);
    if (role !== 'weight' && role !== 'delay' && role !== 'pass') continue;
    const used = viaProjections.get(name);
    if (used === undefined) {
      if (!failed.has(name) && !walk.used.has(name) && !walk.cycles.includes(name)) {
        report.notImported.push({
          node: name,
          type: node.type,
          reason: 'not on a path between two populations',
        });
      } else if (!failed.has(name) && !onFailedPath.has(name)) {
        report.notImported.push({
          node: name,
          type: node.type,
          reason:
            'feeds only an Output: Spikelab records populations, so this readout is not simulated (the populations before it are recorded)',
        });
      }
      continue;
    }
    report.rows.push({
      node: name,
      type: node.type,
      became: role === 'pass' ? 'absorbed' : used.map((u) => u.split(':')[0]).join(', '),
      mapping: [
        ...weightRows(node, name, shapes.weights.get(name), delayRows.get(name)),
        ...used.map((u) => ({ param: 'projection', nir: '', spikelab: u, formula: '' })),
      ],
    });
  }

  const entries = [...populations.values()];
  const positions = layoutColumns(
    entries.map((e) => e.node),
    links,
    new Set(entries.filter((e) => e.neuron === undefined).map((e) => e.node)),
  );
  const pops: Population[] = entries.map((e) =>
    toPopulation(e, positions.get(e.node) ?? { x: 0, y: 0 }),
  );
  report.rows.unshift(...entries.map((e) => e.row));
  report.rows.push(...outputRows);
  report.notes.push(
    ...importNotes(
      new Set(entries.flatMap((e) => (e.neuron === undefined ? [] : [e.neuron]))),
      dtMs,
      options.timeUnit,
      entries.filter((e) => e.neuron === undefined).map((e) => e.id),
    ),
  );
  const document: NetworkDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name: 'Imported NIR graph',
    description: `Imported from NIR with dt = ${num(dtMs)} ms, ${options.discretisation} discretisation.`,
    populations: pops,
    projections,
    stimuli: [],
    probes,
    run: { dt: dtMs, duration: options.duration ?? 100, seed: 0, backend: 'auto' },
  };
  return { document, report };
}

function checkOptions(options: NirImportOptions): void {
  if (!(Number.isFinite(options.dt) && options.dt > 0)) {
    throw new NirImportError(`dt: must be a number > 0, got ${options.dt}`);
  }
  if (options.timeUnit !== 's' && options.timeUnit !== 'ms') {
    throw new NirImportError(`timeUnit: must be 's' or 'ms', got '${String(options.timeUnit)}'`);
  }
  if (options.discretisation !== 'exact' && options.discretisation !== 'euler') {
    throw new NirImportError(
      `discretisation: must be 'exact' or 'euler', got '${String(options.discretisation)}'`,
    );
  }
  if (
    options.duration !== undefined &&
    !(Number.isFinite(options.duration) && options.duration > 0)
  ) {
    throw new NirImportError(`duration: must be a number > 0 (ms), got ${options.duration}`);
  }
}

function pathName(path: NirPath): string {
  return [path.from, ...path.via, path.to].join(' -> ');
}
