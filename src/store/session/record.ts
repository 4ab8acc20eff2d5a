/**
 * What a run recorded, on the page side. Each probe keeps two views: a sliding window the
 * plots draw from (the last `windowMs`), and the full record for export, capped so a run left
 * streaming for an hour cannot exhaust memory. The record is a mutable object outside React
 * state: plots read it imperatively when `version` moves, so a chunk never re-renders React.
 */
import type { Chunk } from '../../engine/api.ts';
import type {
  NetworkDocument,
  StateVariable,
  SynapseProbe,
  SynapseVariable,
} from '../../model/document.ts';
import { isPopulationProbe } from '../../model/document.ts';
import type { LiveLogEntry } from './live-log.ts';
import { CountSeries, SpikeSeries, TraceSeries } from './series.ts';

/** Limits of the full (export) record. */
export interface RecordLimits {
  /** Spikes kept per population. */
  maxSpikes: number;
  /** Samples kept per state probe. */
  maxSamples: number;
  /** Steps of per-step counts kept per rate probe. */
  maxCountSteps: number;
}

export const DEFAULT_RECORD_LIMITS: RecordLimits = {
  maxSpikes: 4_000_000,
  maxSamples: 2_000_000,
  maxCountSteps: 10_000_000,
};

export interface SpikeRecord {
  population: string;
  label: string;
  size: number;
  window: SpikeSeries;
  full: SpikeSeries;
}

export interface TraceRecord {
  probe: string;
  population: string;
  variable: StateVariable;
  neurons: number[];
  window: TraceSeries;
  full: TraceSeries;
}

/** A synapse probe's samples: weights or traces of chosen synapses of a learning projection. */
export interface SynapseTraceRecord {
  probe: string;
  projection: string;
  variable: SynapseVariable;
  /** Synapse indices in connection order; column k of the series is `synapses[k]`. */
  synapses: number[];
  window: TraceSeries;
  full: TraceSeries;
}

export interface RateRecord {
  probe: string;
  population: string;
  size: number;
  /** Bin width, ms. */
  bin: number;
  full: CountSeries;
}

export class RunRecord {
  readonly spikes = new Map<string, SpikeRecord>();
  readonly traces = new Map<string, TraceRecord>();
  /** Synapse probes (Loihi learning), by probe id. */
  readonly synapseTraces = new Map<string, SynapseTraceRecord>();
  readonly rates = new Map<string, RateRecord>();
  /** Steps received so far (the next chunk starts here). */
  endStep = 0;
  /** Engine wall time summed over chunks, ms. */
  wallMs = 0;
  /** Live changes made during the run, in the order they took effect (live-log.ts). */
  readonly liveChanges: LiveLogEntry[] = [];
  /** Bumped on every change, so drawers know when to redraw. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly document: NetworkDocument,
    readonly dt: number,
    readonly windowMs: number,
    readonly limits: RecordLimits = DEFAULT_RECORD_LIMITS,
  ) {
    const sizes = new Map(document.populations.map((p) => [p.id, p] as const));
    const projections = new Set(document.projections.map((p) => p.id));
    for (const probe of document.probes) {
      if (!isPopulationProbe(probe)) {
        if (projections.has(probe.projection)) this.addSynapseProbe(probe);
        continue;
      }
      const population = sizes.get(probe.population);
      if (!population) continue;
      switch (probe.kind) {
        case 'spikes':
          if (!this.spikes.has(population.id)) {
            this.spikes.set(population.id, {
              population: population.id,
              label: population.label ?? population.id,
              size: population.size,
              window: new SpikeSeries(),
              full: new SpikeSeries(limits.maxSpikes),
            });
          }
          break;
        case 'state':
          this.traces.set(probe.id, {
            probe: probe.id,
            population: population.id,
            variable: probe.variable,
            neurons: [...probe.neurons],
            window: new TraceSeries(probe.neurons.length),
            full: new TraceSeries(probe.neurons.length, limits.maxSamples),
          });
          break;
        case 'rate':
          this.rates.set(probe.id, {
            probe: probe.id,
            population: population.id,
            size: population.size,
            bin: probe.bin,
            full: new CountSeries(limits.maxCountSteps),
          });
          break;
      }
    }
  }

  private addSynapseProbe(probe: SynapseProbe): void {
    const width = probe.synapses.length;
    this.synapseTraces.set(probe.id, {
      probe: probe.id,
      projection: probe.projection,
      variable: probe.variable,
      synapses: [...probe.synapses],
      window: new TraceSeries(width),
      full: new TraceSeries(width, this.limits.maxSamples),
    });
  }

  /** Steps covered by the sliding window. */
  get windowSteps(): number {
    return Math.max(1, Math.round(this.windowMs / this.dt));
  }

  /** Whether any full record hit its cap (the export then says so). */
  get truncated(): boolean {
    for (const s of this.spikes.values()) if (s.full.truncated) return true;
    for (const t of this.traces.values()) if (t.full.truncated) return true;
    for (const t of this.synapseTraces.values()) if (t.full.truncated) return true;
    for (const r of this.rates.values()) if (r.full.truncated) return true;
    return false;
  }

  /** Adds a chunk's data and slides the windows forward. */
  append(chunk: Chunk): void {
    for (const [id, block] of Object.entries(chunk.spikes)) {
      const record = this.spikes.get(id);
      if (!record) continue;
      record.window.append(block.steps, block.indices);
      record.full.append(block.steps, block.indices);
    }
    // The engine keys state and synapse probes alike by probe id (ids are unique).
    for (const [id, block] of Object.entries(chunk.traces)) {
      const record = this.traces.get(id) ?? this.synapseTraces.get(id);
      if (!record) continue;
      record.window.append(block.steps, block.values);
      record.full.append(block.steps, block.values);
    }
    for (const [id, block] of Object.entries(chunk.counts)) {
      this.rates.get(id)?.full.append(chunk.startStep, block.counts);
    }
    this.endStep = Math.max(this.endStep, chunk.startStep + chunk.steps);
    this.wallMs += chunk.wallMs;
    const from = this.endStep - this.windowSteps;
    for (const s of this.spikes.values()) s.window.dropBefore(from);
    for (const t of this.traces.values()) t.window.dropBefore(from);
    for (const t of this.synapseTraces.values()) t.window.dropBefore(from);
    this.touch();
  }

  /** Logs a live change (the plots mark it, the export lists it). */
  addLiveChange(entry: LiveLogEntry): void {
    this.liveChanges.push(entry);
    this.touch();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private touch(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
