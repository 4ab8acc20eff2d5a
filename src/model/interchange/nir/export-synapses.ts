/**
 * A deterministic projection's synapses as a list in connection order (sources ascending, then
 * targets), from its rule and weight/delay specs, or from compile's draws when it has random ones.
 */
import type { Projection } from '../../document.ts';
import type { ExportedPopulation } from './export-neuron.ts';

/**
 * A projection's synapses as compile drew them (the engine's `ProjectionPlan.csr`, declared here
 * structurally so `src/model` imports nothing from the engine): rows by source, targets
 * ascending, per-synapse or shared weights and delays.
 */
export interface DrawnSynapses {
  rowPtr: Uint32Array;
  targets: Uint32Array;
  weights: Float32Array | { constant: number };
  delays: Uint8Array | { constant: number };
}

export interface Synapses {
  src: number[];
  tgt: number[];
  w: number[];
  delay: number[];
}

/** Whether compile draws anything of this projection from the seed. */
export function isRandom(proj: Projection): boolean {
  const c = proj.connectivity.rule;
  const w = proj.weight.kind;
  return (
    c === 'fixed_probability' ||
    c === 'fixed_fan_in' ||
    w === 'uniform' ||
    w === 'normal' ||
    proj.delay.kind === 'uniform_int'
  );
}

/** The drawn synapses as a list in CSR order. */
export function fromCsr(csr: DrawnSynapses): Synapses {
  const n = csr.targets.length;
  const src: number[] = [];
  for (let s = 0; s + 1 < csr.rowPtr.length; s += 1) {
    for (let e = csr.rowPtr[s] ?? 0; e < (csr.rowPtr[s + 1] ?? 0); e += 1) src.push(s);
  }
  const w = csr.weights;
  const d = csr.delays;
  return {
    src,
    tgt: Array.from(csr.targets),
    w: w instanceof Float32Array ? Array.from(w) : new Array<number>(n).fill(w.constant),
    delay: d instanceof Uint8Array ? Array.from(d) : new Array<number>(n).fill(d.constant),
  };
}

export function constantWeight(proj: Projection): number {
  const w = proj.weight;
  if (w.kind === 'constant') return w.value;
  if (w.kind === 'uniform') return w.low;
  if (w.kind === 'normal') return w.mean;
  return w.values[0] ?? 0;
}

/** The synapses of a deterministic rule in connection order, or why there is no such list. */
export function listSynapses(
  proj: Projection,
  source: ExportedPopulation,
  target: ExportedPopulation,
): Synapses | string {
  const nIn = source.shape.reduce((a, b) => a * b, 1);
  const nOut = target.shape.reduce((a, b) => a * b, 1);
  const src: number[] = [];
  const tgt: number[] = [];
  const c = proj.connectivity;
  switch (c.rule) {
    case 'all_to_all':
      for (let s = 0; s < nIn; s += 1) {
        for (let t = 0; t < nOut; t += 1) {
          if (!c.allow_self && proj.source === proj.target && s === t) continue;
          src.push(s);
          tgt.push(t);
        }
      }
      break;
    case 'one_to_one':
      for (let i = 0; i < Math.min(nIn, nOut); i += 1) {
        src.push(i);
        tgt.push(i);
      }
      break;
    case 'explicit':
      src.push(...c.pairs.sources);
      tgt.push(...c.pairs.targets);
      break;
    case 'fixed_probability':
    case 'fixed_fan_in':
    case 'conv2d':
    case 'conv1d':
    case 'sum_pool2d':
    case 'avg_pool2d':
      return `${c.rule} connections are drawn from the seed at compile; make them explicit first`;
  }
  const n = src.length;
  const wSpec = proj.weight;
  const w =
    wSpec.kind === 'explicit' ? [...wSpec.values] : new Array<number>(n).fill(constantWeight(proj));
  if (w.length !== n) return `${w.length} explicit weights for ${n} synapses`;
  const d = proj.delay;
  const delay =
    d.kind === 'explicit'
      ? [...d.steps]
      : new Array<number>(n).fill(d.kind === 'constant' ? d.steps : d.low);
  if (delay.length !== n) return `${delay.length} explicit delays for ${n} synapses`;
  return { src, tgt, w, delay };
}
