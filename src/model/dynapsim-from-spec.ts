/**
 * Rockpool's `dynapsim_net_from_spec` (rockpool/devices/dynapse/dynapsim_net/from_spec.py) for
 * the document: the same arguments give document populations and projections.
 *
 * Rockpool builds one DynapSim layer of `core_map.length` neurons whose biases are set per
 * cluster (`core_map[j]` is neuron j's cluster; a cluster, i.e. a core, shares its biases), fed
 * by a linear layer `weights_in` (shape n_in x n_rec) and recurrent weights `weights_rec`
 * (n_rec x n_rec, pre x post). A document population has one set of parameters, so each cluster
 * becomes one `dynapsim` population (its neurons in ascending neuron order); the input becomes a
 * `spike_generator` population of n_in neurons (empty: the caller fills in the spikes); every
 * non-zero block of the weight matrices becomes an all_to_all projection with a `dpi` synapse
 * and its weights listed per synapse. Differences from Rockpool: `Iw_ahp` is applied (Rockpool's
 * from_spec computes it per cluster but does not pass it on, so its layers keep the default),
 * `dt` is converted from seconds to the document's ms, and mismatch is drawn per cluster from
 * `mismatch_seed + cluster` with the engine's generator, not JAX's.
 */
import type { DynapsimParams } from './document-dynapsim.ts';
import type { Population, Projection } from './document.ts';
import { dynapsimDefaults } from './dynapsim-constants.ts';

/** The bias arguments of `dynapsim_net_from_spec`: one value per cluster, amperes. */
export const DYNAPSIM_SPEC_BIASES = [
  'Idc',
  'If_nmda',
  'Igain_ahp',
  'Igain_mem',
  'Igain_syn',
  'Ipulse_ahp',
  'Ipulse',
  'Iref',
  'Ispkthr',
  'Itau_ahp',
  'Itau_mem',
  'Itau_syn',
  'Iw_ahp',
] as const;

export type DynapsimSpecBias = (typeof DYNAPSIM_SPEC_BIASES)[number];

export type DynapsimSpec = {
  n_cluster: number;
  core_map: readonly number[];
  /** n_in x n_rec, or null for no input layer. */
  weights_in: readonly (readonly number[])[] | null;
  /** n_rec x n_rec (pre x post), or null for no recurrent weights. */
  weights_rec: readonly (readonly number[])[] | null;
  /** Rockpool default 1e-8 A. */
  Iscale?: number;
  /** Rockpool's fraction (0.1 = 10 %); null or undefined = none. */
  percent_mismatch?: number | null;
  /** Seconds, Rockpool default 1e-3. */
  dt?: number;
  /** Seed of the mismatch draws of cluster 0 (cluster c uses seed + c). Default 0. */
  mismatch_seed?: number;
  /** Prefix of the population and projection ids. Default 'dynapsim'. */
  prefix?: string;
} & { readonly [K in DynapsimSpecBias]: readonly number[] };

export interface DynapsimNet {
  /** The input generator (when weights_in is given), then the cluster populations. */
  populations: Population[];
  projections: Projection[];
  /** The run's dt, ms. */
  dt: number;
  /** For each neuron of Rockpool's layer: its cluster population's id and index there. */
  neurons: { population: string; index: number }[];
}

/**
 * Builds the populations and projections of `dynapsim_net_from_spec`. Throws an Error naming the
 * argument when shapes or cluster numbers do not fit.
 *
 * @example dynapsimNetFromSpec({ n_cluster: 1, core_map: [0, 0], weights_in: [[1, 0]], weights_rec: null, Idc: [1e-10], ... })
 */
export function dynapsimNetFromSpec(spec: DynapsimSpec): DynapsimNet {
  const nRec = spec.core_map.length;
  checkSpec(spec, nRec);
  const prefix = spec.prefix ?? 'dynapsim';
  const members: number[][] = Array.from({ length: spec.n_cluster }, () => []);
  spec.core_map.forEach((c, j) => members[c]?.push(j));
  const neurons: DynapsimNet['neurons'] = new Array<{ population: string; index: number }>(nRec);
  const clusterId = (c: number): string => `${prefix}_cluster${c}`;
  const populations: Population[] = [];
  const projections: Projection[] = [];
  const nIn = spec.weights_in?.length ?? 0;
  const inputId = `${prefix}_input`;
  if (spec.weights_in !== null && nIn > 0) {
    populations.push({
      id: inputId,
      model: 'spike_generator',
      size: nIn,
      position: { x: 80, y: 200 },
      params: { indices: [], times: [], period: 0 },
    });
  }
  members.forEach((list, c) => {
    list.forEach((j, index) => (neurons[j] = { population: clusterId(c), index }));
    if (list.length === 0) return;
    populations.push({
      id: clusterId(c),
      model: 'dynapsim',
      size: list.length,
      position: { x: 320 + 240 * c, y: 200 },
      params: clusterParams(spec, c),
    });
  });
  const block = (
    matrix: readonly (readonly number[])[],
    rows: readonly number[],
    cols: readonly number[],
  ): number[] => rows.flatMap((r) => cols.map((q) => matrix[r]?.[q] ?? 0));
  const connect = (id: string, source: string, target: string, weights: number[]): void => {
    if (weights.every((w) => w === 0)) return;
    projections.push({
      id,
      source,
      target,
      connectivity: { rule: 'all_to_all', allow_self: true },
      weight: { kind: 'constant', value: 0 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'dpi', weights },
    });
  };
  const inputRows = Array.from({ length: nIn }, (_, i) => i);
  members.forEach((cols, c) => {
    if (cols.length === 0) return;
    if (spec.weights_in !== null && nIn > 0) {
      connect(`${prefix}_in_${c}`, inputId, clusterId(c), block(spec.weights_in, inputRows, cols));
    }
    const rec = spec.weights_rec;
    if (rec === null) return;
    members.forEach((rows, a) => {
      if (rows.length === 0) return;
      connect(`${prefix}_rec_${a}_${c}`, clusterId(a), clusterId(c), block(rec, rows, cols));
    });
  });
  return { populations, projections, dt: (spec.dt ?? 1e-3) * 1000, neurons };
}

function clusterParams(spec: DynapsimSpec, c: number): DynapsimParams {
  const params = dynapsimDefaults();
  for (const name of DYNAPSIM_SPEC_BIASES) params[name] = spec[name][c] ?? params[name];
  params.Iscale = spec.Iscale ?? params.Iscale;
  params.percent_mismatch = spec.percent_mismatch ?? 0;
  params.mismatch_seed = ((spec.mismatch_seed ?? 0) + c) >>> 0;
  return params;
}

function checkSpec(spec: DynapsimSpec, nRec: number): void {
  if (!Number.isInteger(spec.n_cluster) || spec.n_cluster < 1) {
    throw new Error(`n_cluster must be a positive integer, got ${spec.n_cluster}`);
  }
  spec.core_map.forEach((c, j) => {
    if (!Number.isInteger(c) || c < 0 || c >= spec.n_cluster) {
      throw new Error(
        `core_map[${j}] must be a cluster index in 0..${spec.n_cluster - 1}, got ${c}`,
      );
    }
  });
  for (const name of DYNAPSIM_SPEC_BIASES) {
    const list = spec[name];
    if (list.length !== spec.n_cluster) {
      throw new Error(
        `${name} must list one current per cluster (${spec.n_cluster}), got ${list.length}`,
      );
    }
    list.forEach((v, c) => {
      if (!(v > 0) || !Number.isFinite(v)) {
        throw new Error(`${name}[${c}] must be a positive current in amperes, got ${v}`);
      }
    });
  }
  const checkMatrix = (name: string, m: readonly (readonly number[])[], rows?: number): void => {
    if (rows !== undefined && m.length !== rows) {
      throw new Error(`${name} must have ${rows} rows (one per neuron), got ${m.length}`);
    }
    m.forEach((row, r) => {
      if (row.length !== nRec) {
        throw new Error(
          `${name}[${r}] must have ${nRec} columns (one per neuron), got ${row.length}`,
        );
      }
    });
  };
  if (spec.weights_in !== null) checkMatrix('weights_in', spec.weights_in);
  if (spec.weights_rec !== null) checkMatrix('weights_rec', spec.weights_rec, nRec);
  const pm = spec.percent_mismatch ?? 0;
  if (!(pm >= 0 && pm <= 0.5)) {
    throw new Error(`percent_mismatch must be a fraction in [0, 0.5] (0.1 = 10 %), got ${pm}`);
  }
  const dt = spec.dt ?? 1e-3;
  if (!(dt > 0)) throw new Error(`dt must be a positive number of seconds, got ${dt}`);
}

/** Rockpool's `default_weights` weight-bit currents Iw_0..Iw_3, A. */
export const DYNAPSIM_WEIGHT_BIT_CURRENTS: readonly number[] = [1e-9, 2e-9, 4e-9, 8e-9];

/**
 * The dpi weight of a quantized Dynap-SE2 synapse: Rockpool's quantization gives each synapse
 * an integer bit mask (bit k selects the weight-bit current Iw_k: 5 = 0b0101 selects Iw_0 and
 * Iw_2) and a sign; the current it injects is `sign * sum(Iw_k)`, so its weight in units of
 * Iscale is that sum divided by Iscale.
 *
 * @example dpiWeightFromCode(5) // (1e-9 + 4e-9) / 1e-8 = 0.5
 */
export function dpiWeightFromCode(
  code: number,
  bitCurrents: readonly number[] = DYNAPSIM_WEIGHT_BIT_CURRENTS,
  Iscale = 1e-8,
  sign: 1 | -1 = 1,
): number {
  const limit = 2 ** bitCurrents.length;
  if (!Number.isInteger(code) || code < 0 || code >= limit) {
    throw new Error(`weight code must be an integer bit mask in 0..${limit - 1}, got ${code}`);
  }
  let current = 0;
  bitCurrents.forEach((iw, k) => {
    if ((code >> k) & 1) current += iw;
  });
  return (sign * current) / Iscale;
}
