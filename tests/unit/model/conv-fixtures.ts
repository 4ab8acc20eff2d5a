/**
 * Documents for the conv, pool and explicit rule tests (model and engine): a spike generator
 * with a shape feeding a LIF with a shape through one structured projection.
 */
import type { Connectivity, NetworkDocument, Projection } from '../../../src/model/document.ts';
import { createDocument, createPopulation } from '../../../src/model/index.ts';

/** A deterministic pseudo-random sequence in [-1, 1) (no engine randomness involved). */
export function sequence(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

/**
 * `in` (spike_generator, shape `sourceShape`) -> `out` (stochastic_lif, shape `targetShape`)
 * by `connectivity` with delta synapses of constant weight `weight`.
 */
export function convDocument(
  sourceShape: number[],
  targetShape: number[],
  connectivity: Connectivity,
  weight = 1,
  extra: Partial<Projection> = {},
): NetworkDocument {
  const doc = createDocument('conv');
  const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);
  const input = createPopulation('spike_generator', 'in', { x: 0, y: 0 });
  const output = createPopulation('stochastic_lif', 'out', { x: 200, y: 0 });
  doc.populations.push(
    { ...input, size: size(sourceShape), shape: sourceShape },
    { ...output, size: size(targetShape), shape: targetShape },
  );
  doc.projections.push({
    id: 'p',
    source: 'in',
    target: 'out',
    connectivity,
    weight: { kind: 'constant', value: weight },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'delta' },
    ...extra,
  });
  doc.run = { dt: 0.1, duration: 1, seed: 1, backend: 'reference' };
  return doc;
}

/** A conv2d rule with kernel `[cout, cin/groups, kh, kw]` of pseudo-random values. */
export function conv2d(
  kernelShape: [number, number, number, number],
  options: {
    stride?: [number, number];
    padding?: [number, number];
    dilation?: [number, number];
    groups?: number;
  } = {},
  seed = 7,
): Connectivity {
  return {
    rule: 'conv2d',
    kernel: {
      shape: kernelShape,
      values: sequence(
        kernelShape.reduce((a, b) => a * b, 1),
        seed,
      ),
    },
    stride: options.stride ?? [1, 1],
    padding: options.padding ?? [0, 0],
    dilation: options.dilation ?? [1, 1],
    groups: options.groups ?? 1,
  };
}
