/**
 * A projection as NIR nodes between its two population nodes: all_to_all and explicit ->
 * Linear (Affine when it carries the target's bias; a Flatten first when the source is shaped),
 * one_to_one -> Scale, conv and pool rules -> Conv1d/Conv2d/SumPool2d/AvgPool2d, delays -> a
 * Delay node after the weights (per target) or before them (per source). Whatever NIR cannot
 * hold (random draws, non-delta synapses, plasticity, per-synapse delays that are neither per
 * source nor per target) is a report entry.
 */
import type { NetworkDocument, Projection } from '../../document.ts';
import type { NirNode } from './graph.ts';
import type { ExportedPopulation } from './export-neuron.ts';
import { intArray, numbersArray } from './export-values.ts';
import { claimId } from './import-naming.ts';
import type { NirMappingRow, NirNotImported, NirReportRow } from './report.ts';
import { num } from './report-format.ts';
import { delayNodes } from './export-delays.ts';
import {
  constantWeight,
  fromCsr,
  isRandom,
  listSynapses,
  type DrawnSynapses,
  type Synapses,
} from './export-synapses.ts';

export type { DrawnSynapses } from './export-synapses.ts';

export interface ExportedProjection {
  nodes: [string, NirNode][];
  edges: [string, string][];
  /** The node that may carry the target's bias (Linear/Affine or Conv), if any. */
  biasNode?: { name: string; node: NirNode; kind: 'dense' | 'conv'; channels: number };
  row: NirReportRow;
}

/** The projection as NIR nodes, or undefined (with `dropped` entries) when it cannot be. */
export function exportProjection(
  proj: Projection,
  source: ExportedPopulation,
  target: ExportedPopulation,
  doc: NetworkDocument,
  taken: Set<string>,
  dropped: NirNotImported[],
  drawn?: DrawnSynapses,
): ExportedProjection | undefined {
  const refuse = (reason: string): undefined => {
    dropped.push({ node: proj.id, type: `projection (${proj.connectivity.rule})`, reason });
    return undefined;
  };
  if (proj.synapse.kind !== 'delta')
    return refuse(`${proj.synapse.kind} synapses have no NIR form (delta only); not exported`);
  if (!Number.isFinite(target.weightFactor))
    return refuse(
      `target ${target.id} has resistance 0: NIR inputs could not move V; not exported`,
    );
  for (const key of ['plasticity', 'stp', 'structural'] as const) {
    if (proj[key] !== undefined) {
      dropped.push({
        node: proj.id,
        type: `projection.${key}`,
        reason: `NIR has no ${key}; exported with the initial weights`,
      });
    }
  }
  if (
    proj.delay.kind === 'uniform_int' &&
    proj.delay.low !== proj.delay.high &&
    drawn === undefined
  ) {
    return refuse(
      'random delays (uniform_int) are drawn from the seed at compile; make them explicit first',
    );
  }
  if (proj.weight.kind === 'uniform' || proj.weight.kind === 'normal') {
    const same =
      proj.weight.kind === 'uniform' ? proj.weight.low === proj.weight.high : proj.weight.std === 0;
    if (!same && drawn === undefined)
      return refuse(
        `${proj.weight.kind} weights are drawn from the seed at compile; make them explicit first`,
      );
  }
  const factor = target.weightFactor;
  const mapping: NirMappingRow[] = [];
  const nodes: [string, NirNode][] = [];
  const c = proj.connectivity;
  let weightNode: [string, NirNode];
  let biasNode: ExportedProjection['biasNode'];
  let synapses: Synapses | undefined;
  if (
    c.rule === 'conv2d' ||
    c.rule === 'conv1d' ||
    c.rule === 'sum_pool2d' ||
    c.rule === 'avg_pool2d'
  ) {
    const scale = constantWeight(proj) * factor;
    const name = claimId(proj.id, taken);
    if (c.rule === 'conv2d' || c.rule === 'conv1d') {
      const node: NirNode = {
        type: c.rule === 'conv2d' ? 'Conv2d' : 'Conv1d',
        params: {
          weight: numbersArray(
            c.kernel.shape,
            c.kernel.values.map((v) => v * scale),
          ),
          bias: numbersArray(
            [c.kernel.shape[0] ?? 0],
            new Array<number>(c.kernel.shape[0] ?? 0).fill(0),
          ),
          stride: c.rule === 'conv2d' ? intArray(c.stride) : c.stride,
          padding: c.rule === 'conv2d' ? intArray(c.padding) : c.padding,
          dilation: c.rule === 'conv2d' ? intArray(c.dilation) : c.dilation,
          groups: c.groups,
          input_shape: intArray(source.shape.slice(1)),
        },
      };
      weightNode = [name, node];
      biasNode = { name, node, kind: 'conv', channels: c.kernel.shape[0] ?? 0 };
      mapping.push({
        param: 'weight',
        nir: `[${c.kernel.shape.join(', ')}]`,
        spikelab: `${c.rule} kernel`,
        formula:
          factor === 1
            ? `kernel * weight (${num(scale)})`
            : `kernel * weight * ${num(factor)} (${target.id}'s input scaling)`,
      });
    } else {
      const node: NirNode = {
        type: c.rule === 'sum_pool2d' ? 'SumPool2d' : 'AvgPool2d',
        params: {
          kernel_size: intArray(c.kernel_size),
          stride: intArray(c.stride),
          padding: intArray(c.padding),
        },
      };
      weightNode = [name, node];
      mapping.push({
        param: 'window',
        nir: `kernel [${c.kernel_size.join(', ')}]`,
        spikelab: c.rule,
        formula: 'same window, stride and padding',
      });
      if (scale !== 1) {
        const size = target.shape.reduce((a, b) => a * b, 1);
        const scaleName = claimId(`${proj.id}_scale`, taken);
        nodes.push(weightNode);
        weightNode = [
          scaleName,
          {
            type: 'Scale',
            params: { scale: numbersArray(target.shape, new Array<number>(size).fill(scale)) },
          },
        ];
        mapping.push({
          param: 'scale',
          nir: num(scale),
          spikelab: `weight ${num(constantWeight(proj))}`,
          formula: 'a Scale node after the pool carries the weight',
        });
      }
    }
    const delay = proj.delay;
    if (delay.kind === 'explicit' && !delay.steps.every((d) => d === delay.steps[0])) {
      return refuse('per-synapse delays on a conv or pool rule have no NIR form');
    }
  } else {
    const listed =
      drawn !== undefined && isRandom(proj) ? fromCsr(drawn) : listSynapses(proj, source, target);
    if (drawn !== undefined && isRandom(proj)) {
      mapping.push({
        param: 'draws',
        nir: 'fixed weights',
        spikelab: `${proj.connectivity.rule}, ${proj.weight.kind} weights, ${proj.delay.kind} delays`,
        formula: `as compile drew them with seed ${doc.run.seed}`,
      });
    }
    if (typeof listed === 'string') return refuse(listed);
    synapses = listed;
    const name = claimId(proj.id, taken);
    if (c.rule === 'one_to_one') {
      const size = target.shape.reduce((a, b) => a * b, 1);
      const scale = new Array<number>(size).fill(0);
      listed.src.forEach((s, e) => (scale[s] = (listed.w[e] ?? 0) * factor));
      weightNode = [name, { type: 'Scale', params: { scale: numbersArray(target.shape, scale) } }];
      mapping.push({
        param: 'scale',
        nir: `[${size}]`,
        spikelab: 'one_to_one weights',
        formula: factor === 1 ? 'scale[i] = w[i -> i]' : `scale[i] = w[i -> i] * ${num(factor)}`,
      });
    } else {
      const nIn = source.shape.reduce((a, b) => a * b, 1);
      const nOut = target.shape.reduce((a, b) => a * b, 1);
      const matrix = new Array<number>(nIn * nOut).fill(0);
      const seen = new Set<number>();
      for (let e = 0; e < listed.src.length; e += 1) {
        const at = (listed.tgt[e] ?? 0) * nIn + (listed.src[e] ?? 0);
        if (seen.has(at))
          return refuse(
            'a (source, target) pair appears twice; NIR matrices hold one weight per pair',
          );
        seen.add(at);
        matrix[at] = (listed.w[e] ?? 0) * factor;
      }
      const node: NirNode = {
        type: 'Linear',
        params: { weight: numbersArray([nOut, nIn], matrix) },
      };
      weightNode = [name, node];
      biasNode = { name, node, kind: 'dense', channels: nOut };
      mapping.push({
        param: 'weight',
        nir: `[${nOut} x ${nIn}]`,
        spikelab: `${c.rule}, ${listed.src.length} synapses`,
        formula:
          factor === 1
            ? 'weight[t][s] = w[s -> t] (0 where no synapse)'
            : `weight[t][s] = w[s -> t] * ${num(factor)}`,
      });
      if (source.shape.length > 1) {
        const flat = claimId(`${proj.id}_flatten`, taken);
        nodes.push([
          flat,
          {
            type: 'Flatten',
            params: { input_type: intArray(source.shape), start_dim: 0, end_dim: -1 },
          },
        ]);
        mapping.push({
          param: 'flatten',
          nir: `Flatten [${source.shape.join(', ')}]`,
          spikelab: 'shaped source',
          formula: 'C-order indices',
        });
      }
    }
  }
  nodes.push(weightNode);
  const edges: [string, string][] = [];
  const chain = nodes.map(([n]) => n);
  const delayResult = delayNodes(proj, synapses, source, target, doc, taken);
  if (typeof delayResult === 'string') return refuse(delayResult);
  let names = chain;
  if (delayResult !== undefined) {
    const [dname, dnode, where] = delayResult.node;
    mapping.push(delayResult.row);
    if (where === 'after') {
      nodes.push([dname, dnode]);
      names = [...chain, dname];
    } else {
      nodes.unshift([dname, dnode]);
      names = [dname, ...chain];
    }
  }
  edges.push([source.id, names[0] ?? weightNode[0]]);
  for (let i = 1; i < names.length; i += 1) edges.push([names[i - 1] ?? '', names[i] ?? '']);
  edges.push([names[names.length - 1] ?? weightNode[0], target.id]);
  return {
    nodes,
    edges,
    ...(biasNode === undefined ? {} : { biasNode }),
    row: { node: proj.id, type: `projection (${c.rule})`, became: names.join(' -> '), mapping },
  };
}
