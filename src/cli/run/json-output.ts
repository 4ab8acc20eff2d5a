/**
 * The JSON a run writes: `meta`, then spikes by population, traces, synapse traces and rates by
 * probe id. Times are `step * dt` in ms (see `stepTime`); trace values are the float32 state at
 * the end of the step, printed with the digits a float32 has (Loihi's integers exactly).
 */
import { compileProbe } from '../../engine/compile/probes.ts';
import type { NetworkDocument, Probe, SynapseVariable } from '../../model/document.ts';
import { shortestFloat32, stepTime } from '../numbers.ts';
import type { Recording } from './recording.ts';

export interface RunMeta {
  /** The backend that ran, as resolved (e.g. `wasm`, `gpu:webasm`). */
  backend: string;
  dt: number;
  steps: number;
  /** Simulation loop alone: the sum of the chunks' wall times. */
  wall_ms: number;
  seed: number;
  network: string;
  spikelab_version: string;
  total_spikes: number;
}

/** A state probe's samples: `values[n]` is the series of `neurons[n]`. */
export interface StateTraceOutput {
  t: number[];
  neurons: number[];
  values: number[][];
}

/** A synapse probe's samples: `values[n]` is the series of synapse `synapses[n]` (CSR order). */
export interface SynapseTraceOutput {
  t: number[];
  projection: string;
  variable: SynapseVariable;
  synapses: number[];
  values: number[][];
}

export interface RunOutput {
  meta: RunMeta;
  spikes: Record<string, { t: number[]; i: number[] }>;
  traces: Record<string, StateTraceOutput>;
  /** Synapse probes (Loihi learning: w, w_act, traces), by probe id. */
  synapses: Record<string, SynapseTraceOutput>;
  rates: Record<string, { t: number[]; hz: number[] }>;
}

/** Builds the output object of a finished run. */
export function buildRunOutput(
  doc: NetworkDocument,
  recording: Recording,
  meta: Omit<RunMeta, 'total_spikes' | 'steps' | 'wall_ms' | 'dt'>,
): RunOutput {
  const dt = doc.run.dt;
  const spikes: RunOutput['spikes'] = {};
  let total = 0;
  for (const [id, record] of recording.spikes) {
    spikes[id] = {
      t: Array.from(record.steps, (s) => stepTime(s, dt)),
      i: Array.from(record.indices),
    };
    total += record.indices.length;
  }
  const traces: RunOutput['traces'] = {};
  const synapses: RunOutput['synapses'] = {};
  const rates: RunOutput['rates'] = {};
  for (const probe of doc.probes) {
    if (probe.kind === 'state') {
      const record = recording.traces.get(probe.id);
      if (record !== undefined)
        traces[probe.id] = traceOutput(probe.neurons, record.steps, record.values, dt);
    } else if (probe.kind === 'synapse') {
      const record = recording.traces.get(probe.id);
      if (record !== undefined) {
        const { t, values } = traceOutput(probe.synapses, record.steps, record.values, dt);
        synapses[probe.id] = {
          t,
          projection: probe.projection,
          variable: probe.variable,
          synapses: [...probe.synapses],
          values,
        };
      }
    } else if (probe.kind === 'rate') {
      const counts = recording.counts.get(probe.id);
      if (counts !== undefined) rates[probe.id] = rateOutput(doc, probe, counts);
    }
  }
  return {
    meta: {
      backend: meta.backend,
      dt,
      steps: recording.steps,
      wall_ms: recording.wallMs,
      seed: meta.seed,
      network: meta.network,
      spikelab_version: meta.spikelab_version,
      total_spikes: total,
    },
    spikes,
    traces,
    synapses,
    rates,
  };
}

function traceOutput(
  neurons: readonly number[],
  steps: Int32Array,
  values: Float32Array,
  dt: number,
): StateTraceOutput {
  const n = neurons.length;
  return {
    t: Array.from(steps, (s) => stepTime(s, dt)),
    neurons: [...neurons],
    values: neurons.map((_, j) =>
      Array.from(steps, (_s, k) => shortestFloat32(values[k * n + j] ?? NaN)),
    ),
  };
}

/** Spike counts per step folded into bins of the probe's width; the last bin may be shorter. */
function rateOutput(
  doc: NetworkDocument,
  probe: Extract<Probe, { kind: 'rate' }>,
  counts: Uint32Array,
): RunOutput['rates'][string] {
  const dt = doc.run.dt;
  const index = new Map(doc.populations.map((p, k) => [p.id, k]));
  // The engine's own rule for the bin width, so the CLI cannot disagree with the page.
  const plan = compileProbe(probe, index, dt);
  const binSteps = plan.kind === 'rate' ? plan.binSteps : 1;
  const size = doc.populations.find((p) => p.id === probe.population)?.size ?? 1;
  const t: number[] = [];
  const hz: number[] = [];
  for (let start = 0; start < counts.length; start += binSteps) {
    const end = Math.min(counts.length, start + binSteps);
    let spikes = 0;
    for (let s = start; s < end; s++) spikes += counts[s] ?? 0;
    t.push(stepTime(start, dt));
    // spikes / neuron / second, arranged so that exact inputs give exact rates (12.8125 Hz,
    // not 12.812499999999998).
    hz.push((spikes * 1000) / (size * stepTime(end - start, dt)));
  }
  return { t, hz };
}
