/**
 * A Spikelab run's recording as NIR's `NIRGraphData` (`nir/data_ir/graph.py`): per node (a
 * population, named by its id as the NIR export names it) a `NIRNodeData` of observables, the
 * spikes as `EventData` (idx, time; one sample) and each state probe as `TimeGriddedData`
 * (data [1, steps, neurons], dt). `hdf5-data-write.ts` saves it as `nir.write_data` does.
 *
 * Two things NIR's dataclasses cannot say, kept as extra attributes that `nir.read_data`
 * ignores: a state probe that records some neurons of a population carries their indices
 * (`neurons`), and a recording that does not start at step 0 (a page record that dropped its
 * beginning) its first sample's time (`t_start`). Rate and synapse probes are not node
 * observables and are not exported (the spikes they count are).
 */
import type { NetworkDocument } from '../../document.ts';

/** Spikes of one node: `idx[k]` fired at `time[k]`, as NIR's EventData with one sample. */
export interface NirEventData {
  kind: 'EventData';
  idx: Int32Array;
  time: Float64Array;
  nNeurons: number;
  tMax: number;
}

/** A state variable sampled every step: `data[s * neurons.length + j]`, one sample. */
export interface NirTimeGriddedData {
  kind: 'TimeGriddedData';
  data: Float32Array;
  steps: number;
  /** Population indices of the recorded neurons (NIR's n_neurons is their count). */
  neurons: number[];
  dt: number;
  tStart: number;
}

export type NirObservable = NirEventData | NirTimeGriddedData;

export interface NirNodeData {
  kind: 'NIRNodeData';
  observables: Record<string, NirObservable>;
}

export interface NirGraphData {
  kind: 'NIRGraphData';
  nodes: Record<string, NirNodeData | NirGraphData>;
}

/** What is read of a run's recording (the CLI's `Recording` and the page's `toRecording`). */
export interface RecordingLike {
  steps: number;
  spikes: ReadonlyMap<string, { steps: Int32Array; indices: Uint32Array }>;
  traces: ReadonlyMap<string, { steps: Int32Array; values: Float32Array }>;
}

export interface NirDataOptions {
  /** Unit of `time`, `t_max`, `dt`: NIR's seconds by default, or the document's ms. */
  timeUnit?: 's' | 'ms';
}

/**
 * The recording of a run of `doc` as NIR graph data.
 * @example const data = recordingToNirData(doc, execution.recording)
 */
export function recordingToNirData(
  doc: NetworkDocument,
  recording: RecordingLike,
  options: NirDataOptions = {},
): NirGraphData {
  const unit = (ms: number) => (options.timeUnit === 'ms' ? ms : ms / 1000);
  const dt = doc.run.dt;
  // step * dt in ms rounded as the CLI's JSON rounds it, then in the unit asked for.
  const time = (step: number) => unit(Math.round(step * dt * 1e9) / 1e9);
  const sizes = new Map(doc.populations.map((p) => [p.id, p.size]));
  const nodes: Record<string, NirNodeData> = {};
  const nodeOf = (id: string): NirNodeData =>
    (nodes[id] ??= { kind: 'NIRNodeData', observables: {} });

  for (const [id, record] of recording.spikes) {
    const size = sizes.get(id);
    if (size === undefined) continue; // not a population (the engine keys spikes by population)
    nodeOf(id).observables['spikes'] = {
      kind: 'EventData',
      idx: Int32Array.from(record.indices),
      time: Float64Array.from(record.steps, time),
      nNeurons: size,
      tMax: time(recording.steps),
    };
  }
  for (const probe of doc.probes) {
    if (probe.kind !== 'state') continue;
    const record = recording.traces.get(probe.id);
    if (record === undefined) continue;
    const first = record.steps[0] ?? 0;
    record.steps.forEach((step, k) => {
      if (step !== first + k) {
        throw new Error(`${probe.id}: samples are not one per step (step ${step} at sample ${k})`);
      }
    });
    const observables = nodeOf(probe.population).observables;
    const name = probe.variable in observables ? `${probe.variable}_${probe.id}` : probe.variable;
    observables[name] = {
      kind: 'TimeGriddedData',
      data: record.values,
      steps: record.steps.length,
      neurons: [...probe.neurons],
      dt: unit(dt),
      tStart: time(first),
    };
  }
  return { kind: 'NIRGraphData', nodes };
}
