/**
 * Collects what a chunk of steps recorded, in the shape of `Chunk`, whatever the backend.
 * Backends report spikes per step (as index lists or flag arrays) and state samples per step;
 * the builder keeps only what the plan's probes ask for.
 */
import type { Chunk, CountBlock, SpikeBlock, TraceBlock } from '../api.ts';
import type { Plan } from '../plan.ts';
import type { StateVariable, SynapseVariable } from '../../model/document.ts';

class GrowableInt32 {
  data = new Int32Array(256);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

interface SpikeSink {
  id: string;
  steps: GrowableInt32;
  indices: GrowableInt32;
}

interface TraceSink {
  id: string;
  population: number;
  variable: StateVariable;
  neurons: Uint32Array;
  steps: Int32Array;
  values: Float32Array;
}

interface SynapseSink {
  id: string;
  /** Index into `Plan.projections`. */
  projection: number;
  variable: SynapseVariable;
  /** Synapse indices in CSR order. */
  synapses: Uint32Array;
  steps: Int32Array;
  values: Float32Array;
}

interface CountSink {
  id: string;
  population: number;
  counts: Uint32Array;
}

export class ChunkBuilder {
  private readonly spikeSinks = new Map<number, SpikeSink>();
  private readonly traceSinks: TraceSink[] = [];
  private readonly synapseSinks: SynapseSink[] = [];
  private readonly countSinks: CountSink[] = [];

  /**
   * @param plan the compiled network
   * @param startStep absolute step of the chunk's first step
   * @param steps number of steps the chunk will hold
   */
  constructor(
    plan: Plan,
    readonly startStep: number,
    readonly steps: number,
  ) {
    for (const probe of plan.probes) {
      switch (probe.kind) {
        case 'spikes': {
          const id = plan.populations[probe.population]?.id ?? String(probe.population);
          this.spikeSinks.set(probe.population, {
            id,
            steps: new GrowableInt32(),
            indices: new GrowableInt32(),
          });
          break;
        }
        case 'state':
          this.traceSinks.push({
            id: probe.id,
            population: probe.population,
            variable: probe.variable,
            neurons: probe.neurons,
            steps: new Int32Array(steps),
            values: new Float32Array(steps * probe.neurons.length),
          });
          break;
        case 'synapse':
          this.synapseSinks.push({
            id: probe.id,
            projection: probe.projection,
            variable: probe.variable,
            synapses: probe.synapses,
            steps: new Int32Array(steps),
            values: new Float32Array(steps * probe.synapses.length),
          });
          break;
        case 'rate':
          this.countSinks.push({
            id: probe.id,
            population: probe.population,
            counts: new Uint32Array(steps),
          });
          break;
      }
    }
  }

  /** Whether any probe wants the spikes of this population (spike list or rate count). */
  wantsSpikes(population: number): boolean {
    return (
      this.spikeSinks.has(population) || this.countSinks.some((c) => c.population === population)
    );
  }

  /** State probes, so a backend knows which neurons and variables to read each step. */
  get stateProbes(): readonly Pick<TraceSink, 'population' | 'variable' | 'neurons'>[] {
    return this.traceSinks;
  }

  /** Synapse probes, so a backend knows which synapses and variables to read each step. */
  get synapseProbes(): readonly Pick<SynapseSink, 'projection' | 'variable' | 'synapses'>[] {
    return this.synapseSinks;
  }

  /** Spikes of one population at one absolute step: `indices[0..count)` ascending. */
  addSpikes(population: number, step: number, indices: ArrayLike<number>, count: number): void {
    const sink = this.spikeSinks.get(population);
    if (sink) {
      for (let k = 0; k < count; k++) {
        sink.steps.push(step);
        sink.indices.push(indices[k] ?? 0);
      }
    }
    for (const c of this.countSinks) {
      if (c.population === population) c.counts[step - this.startStep] = count;
    }
  }

  /** Spikes of one population at one absolute step as a 0/1 flag per neuron. */
  addSpikeFlags(population: number, step: number, flags: ArrayLike<number>, size: number): void {
    const sink = this.spikeSinks.get(population);
    let count = 0;
    for (let j = 0; j < size; j++) {
      if (flags[j]) {
        count++;
        if (sink) {
          sink.steps.push(step);
          sink.indices.push(j);
        }
      }
    }
    for (const c of this.countSinks) {
      if (c.population === population) c.counts[step - this.startStep] = count;
    }
  }

  /**
   * Record state probes after one absolute step. `read(population, variable, neuron)` returns
   * the value of the state the backend holds.
   */
  sampleState(
    step: number,
    read: (population: number, variable: StateVariable, neuron: number) => number,
  ): void {
    const k = step - this.startStep;
    for (const t of this.traceSinks) {
      t.steps[k] = step;
      const base = k * t.neurons.length;
      for (let n = 0; n < t.neurons.length; n++) {
        t.values[base + n] = read(t.population, t.variable, t.neurons[n] ?? 0);
      }
    }
  }

  /**
   * Record synapse probes after one absolute step. `read(projection, variable, synapse)` returns
   * what CONTEXT.md step 5d samples: w and w_act after the update, traces after the pre impulses,
   * before the post ones.
   */
  sampleSynapses(
    step: number,
    read: (projection: number, variable: SynapseVariable, synapse: number) => number,
  ): void {
    const k = step - this.startStep;
    for (const s of this.synapseSinks) {
      s.steps[k] = step;
      const base = k * s.synapses.length;
      for (let n = 0; n < s.synapses.length; n++) {
        s.values[base + n] = read(s.projection, s.variable, s.synapses[n] ?? 0);
      }
    }
  }

  /** The finished chunk; `steps` may be fewer than planned if the run ended early. */
  finish(wallMs: number, stepsDone: number = this.steps): Chunk {
    const spikes: Record<string, SpikeBlock> = {};
    for (const sink of this.spikeSinks.values()) {
      spikes[sink.id] = {
        steps: sink.steps.toArray(),
        indices: Uint32Array.from(sink.indices.toArray()),
      };
    }
    const traces: Record<string, TraceBlock> = {};
    for (const t of this.traceSinks) {
      traces[t.id] = {
        steps: t.steps.slice(0, stepsDone),
        values: t.values.slice(0, stepsDone * t.neurons.length),
      };
    }
    // Synapse probes are traces keyed by probe id, like state probes.
    for (const s of this.synapseSinks) {
      traces[s.id] = {
        steps: s.steps.slice(0, stepsDone),
        values: s.values.slice(0, stepsDone * s.synapses.length),
      };
    }
    const counts: Record<string, CountBlock> = {};
    for (const c of this.countSinks) counts[c.id] = { counts: c.counts.slice(0, stepsDone) };
    return { startStep: this.startStep, steps: stepsDone, spikes, traces, counts, wallMs };
  }
}
