/** The Delay node of an exported projection: per target (after the weights) or per source. */
import type { NetworkDocument, Projection } from '../../document.ts';
import type { NirNode } from './graph.ts';
import type { ExportedPopulation } from './export-neuron.ts';
import type { Synapses } from './export-synapses.ts';
import { numbersArray } from './export-values.ts';
import { claimId } from './import-naming.ts';
import type { NirMappingRow } from './report.ts';
import { num } from './report-format.ts';

/** The Delay node of a projection (after the weights when per target, before when per source). */
export function delayNodes(
  proj: Projection,
  synapses: Synapses | undefined,
  source: ExportedPopulation,
  target: ExportedPopulation,
  doc: NetworkDocument,
  taken: Set<string>,
): { node: [string, NirNode, 'before' | 'after']; row: NirMappingRow } | string | undefined {
  const dtS = doc.run.dt / 1000;
  const d = proj.delay;
  const uniform =
    d.kind === 'constant'
      ? d.steps
      : d.kind === 'uniform_int'
        ? d.low === d.high
          ? d.low
          : undefined
        : d.steps.every((x) => x === d.steps[0])
          ? (d.steps[0] ?? 0)
          : undefined;
  const make = (shape: number[], steps: number[], where: 'before' | 'after', how: string) => {
    const name = claimId(`${proj.id}_delay`, taken);
    return {
      node: [
        name,
        {
          type: 'Delay',
          params: {
            delay: numbersArray(
              shape,
              steps.map((s) => s * dtS),
            ),
          },
        },
        where,
      ] as [string, NirNode, 'before' | 'after'],
      row: {
        param: 'delay',
        nir: `${how} s`,
        spikelab: 'steps',
        formula: `delay = steps * dt (dt = ${num(dtS)} s); import rounds delay/dt back`,
      },
    };
  };
  const nOut = target.shape.reduce((a, b) => a * b, 1);
  const nIn = source.shape.reduce((a, b) => a * b, 1);
  if (uniform !== undefined) {
    if (uniform === 0) return undefined;
    return make(target.shape, new Array<number>(nOut).fill(uniform), 'after', num(uniform * dtS));
  }
  if (synapses === undefined) return 'per-synapse delays here have no NIR form';
  const perTarget = new Array<number | undefined>(nOut).fill(undefined);
  const perSource = new Array<number | undefined>(nIn).fill(undefined);
  let targetOk = true;
  let sourceOk = true;
  synapses.delay.forEach((steps, e) => {
    const t = synapses.tgt[e] ?? 0;
    const s = synapses.src[e] ?? 0;
    if (perTarget[t] === undefined) perTarget[t] = steps;
    else if (perTarget[t] !== steps) targetOk = false;
    if (perSource[s] === undefined) perSource[s] = steps;
    else if (perSource[s] !== steps) sourceOk = false;
  });
  if (targetOk)
    return make(
      target.shape,
      perTarget.map((x) => x ?? 0),
      'after',
      'per target',
    );
  if (sourceOk)
    return make(
      source.shape,
      perSource.map((x) => x ?? 0),
      'before',
      'per source',
    );
  return 'per-synapse delays that differ within a source and within a target have no NIR form';
}
