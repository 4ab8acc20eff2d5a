/**
 * A board run written as `spikelab run` writes an engine run (`buildRunOutput`): the spikes of
 * every population with a spike probe and the rate probes' bins, from the spikes read back, so
 * an `--out` file of either is read the same way. What only the engine records (traces at every
 * step) is absent; the core's state after the last step is under `board.final_state`, with
 * how the run went through the bridge. A learning network's synapse probes (w, pre_trace,
 * post_trace, eligibility of an online_o1 projection) hold one sample, after the last step,
 * read from the core; every learning synapse is under `board.final_synapses`.
 */
import type { SpikeEvent } from '../../hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../model/document.ts';
import type { CoreRun, LearningSynapses, PopulationState } from '../../usb/board/core-run.ts';
import { shortestFloat32, stepTime } from '../numbers.ts';
import { buildRunOutput, type RunOutput } from '../run/json-output.ts';
import type { Recording, SpikeRecord } from '../run/recording.ts';

export interface BoardOutputInfo {
  /** "board" or "board:virtual". */
  backend: string;
  spikelab_version: string;
  load_words: number;
  load_s: number;
  state: readonly PopulationState[];
  /** Every learning projection's synapses after the last step (none: [] or absent). */
  synapses?: readonly LearningSynapses[];
}

/** One learning projection's synapses after the run, connection order. */
export interface FinalSynapses {
  /** weight x weight_scale: the engine's `w` probe, what the next step delivers. */
  w: number[];
  /** The integer OnlineO1 weight. */
  weight: number[];
  pre_trace: number[];
  post_trace: number[];
  eligibility: number[];
}

export interface BoardRunOutput extends RunOutput {
  board: {
    steps_from: number;
    frames: number;
    run_s: number;
    spikes_per_s: number;
    load_words: number;
    load_s: number;
    /**
     * Per population id, every neuron after the last step: a fixed-point population's v and
     * i_syn (as the engine's probes of that step); a Loihi population's v (as the engine's v
     * probe) and I_next, the I the core holds for the next step (after this step's decay; the
     * engine's I probe is the value before it).
     */
    final_state: Record<string, { v: number[]; i_syn?: number[]; I_next?: number[] }>;
    /** Per learning projection id (online_o1 on an ONLINE_O1 core), after the last step. */
    final_synapses: Record<string, FinalSynapses>;
  };
}

/** The board's spikes as the engine's recording of the same document would hold them. */
export function boardRecording(
  doc: NetworkDocument,
  spikes: readonly SpikeEvent[],
  steps: number,
  wallMs: number,
): Recording {
  const ids = doc.populations.map((p) => p.id);
  const monitored = new Set(doc.probes.flatMap((p) => (p.kind === 'spikes' ? [p.population] : [])));
  const records = new Map<string, SpikeRecord>();
  ids.forEach((id, p) => {
    if (!monitored.has(id)) return;
    const own = spikes.filter((s) => s.population === p);
    records.set(id, {
      steps: Int32Array.from(own, (s) => s.step),
      indices: Uint32Array.from(own, (s) => s.index),
    });
  });
  const counts = new Map<string, Uint32Array>();
  for (const probe of doc.probes) {
    if (probe.kind !== 'rate') continue;
    const p = ids.indexOf(probe.population);
    const perStep = new Uint32Array(steps);
    for (const s of spikes) {
      if (s.population === p) perStep[s.step] = (perStep[s.step] ?? 0) + 1;
    }
    counts.set(probe.id, perStep);
  }
  return { steps, wallMs, spikes: records, traces: new Map(), counts };
}

/**
 * `spikelab run`'s output for a board run of `doc` (steps counted from 0, as a fresh load
 * runs), with the board's own figures under `board`.
 *
 * @example JSON.stringify(boardRunOutput(doc, run, info).spikes) // as `spikelab run`'s
 */
export function boardRunOutput(
  doc: NetworkDocument,
  run: CoreRun,
  info: BoardOutputInfo,
): BoardRunOutput {
  const recording = boardRecording(doc, run.spikes, run.steps, run.seconds * 1000);
  const output = buildRunOutput(doc, recording, {
    backend: info.backend,
    seed: doc.run.seed,
    network: doc.name,
    spikelab_version: info.spikelab_version,
  });
  const finalState: BoardRunOutput['board']['final_state'] = {};
  for (const s of info.state) {
    const id = doc.populations[s.population]?.id ?? `population ${s.population}`;
    finalState[id] = s.kind === 'loihi' ? { v: s.v, I_next: s.i } : { v: s.v, i_syn: s.i };
  }
  const finalSynapses: BoardRunOutput['board']['final_synapses'] = {};
  for (const l of info.synapses ?? []) {
    const id = doc.projections[l.projection]?.id ?? `projection ${l.projection}`;
    finalSynapses[id] = {
      w: l.w,
      weight: l.weight,
      pre_trace: l.preTrace,
      post_trace: l.postTrace,
      eligibility: l.eligibility,
    };
  }
  addSynapseProbes(doc, run.steps, finalSynapses, output.synapses);
  return {
    ...output,
    board: {
      steps_from: run.firstStep,
      frames: run.frames,
      run_s: run.seconds,
      spikes_per_s: run.spikesPerSecond,
      load_words: info.load_words,
      load_s: info.load_s,
      final_state: finalState,
      final_synapses: finalSynapses,
    },
  };
}

/** The synapse variables the core holds for an online_o1 synapse. */
const LEARNED = ['w', 'pre_trace', 'post_trace', 'eligibility'] as const;

/**
 * The document's synapse probes of learning projections, as `spikelab run` writes them but
 * with the one sample the core holds: after the last step (t = (steps - 1) x dt).
 */
function addSynapseProbes(
  doc: NetworkDocument,
  steps: number,
  final: Readonly<Record<string, FinalSynapses>>,
  into: RunOutput['synapses'],
): void {
  if (steps === 0) return;
  for (const probe of doc.probes) {
    if (probe.kind !== 'synapse') continue;
    const s = final[probe.projection];
    const key = LEARNED.find((name) => name === probe.variable);
    if (s === undefined || key === undefined) continue;
    const values = s[key];
    into[probe.id] = {
      t: [stepTime(steps - 1, doc.run.dt)],
      projection: probe.projection,
      variable: probe.variable,
      synapses: [...probe.synapses],
      values: probe.synapses.map((e) => [shortestFloat32(values[e] ?? NaN)]),
    };
  }
}
