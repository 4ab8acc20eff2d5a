/**
 * The tutorial's `SCDenseLayer`: one shared `BitstreamCurrentSource` driving n stochastic LIF
 * neurons that differ only in their noise. Each step: I(t) = source.step(), every neuron
 * integrates I(t) (`stepScLif`), every recorder appends the neuron's output.
 *
 * Keys: the source uses `baseSeed` (channel c's streams under owner c); neuron j's noise at step
 * t is `draw24(stepKey(streamKey(baseSeed, 0, SC_STREAM.noise), t), j)`, independent per neuron
 * and reproducible however the run is split into `run()` calls.
 */
import { BitstreamCurrentSource } from './current-source.ts';
import type { CurrentSourceOptions } from './current-source.ts';
import { createScLifState, scLifConstants, stepScLif } from './lif.ts';
import type { ScLifConstants, ScLifParams, ScLifState } from './lif.ts';
import { BitstreamSpikeRecorder } from './spike-recorder.ts';
import { SC_STREAM } from './keys.ts';
import { gaussianTable, streamKey } from '../random.ts';

/** One neuron's line of `summary()`. */
export interface NeuronStat {
  neuron: number;
  totalSpikes: number;
  firingRateHz: number;
}

/** What `summary()` returns. */
export interface DenseLayerSummary {
  nNeurons: number;
  stats: NeuronStat[];
  avgFiringRateHz: number;
}

/** A layer of LIF neurons sharing one SC dot-product current. */
export class SCDenseLayer {
  readonly source: BitstreamCurrentSource;
  readonly constants: ScLifConstants;
  readonly recorders: readonly BitstreamSpikeRecorder[];
  private readonly state: ScLifState;
  private readonly spikes: Uint8Array;
  private readonly table = gaussianTable();
  private t = 0;

  /**
   * @example
   * const layer = new SCDenseLayer(4, [0.3, 0.7], [0.5, 0.6], 0, 1, 0, 1, 2048, 0, 0.1, 1,
   *   { tauMem: 20, noiseStd: 0.02 }, 42);
   * layer.run(500);
   * layer.summary().stats[0]?.firingRateHz;
   */
  constructor(
    readonly nNeurons: number,
    xInputs: readonly number[],
    weightValues: readonly number[],
    xMin: number,
    xMax: number,
    wMin: number,
    wMax: number,
    length = 2048,
    yMin = 0,
    yMax = 0.1,
    readonly dtMs = 1,
    neuronParams: Partial<ScLifParams> = {},
    readonly baseSeed = 0,
    sourceOptions: CurrentSourceOptions = {},
  ) {
    if (!Number.isInteger(nNeurons) || nNeurons < 0) {
      throw new RangeError(`nNeurons must be a non-negative integer, got ${nNeurons}`);
    }
    this.source = new BitstreamCurrentSource(
      xInputs,
      xMin,
      xMax,
      weightValues,
      wMin,
      wMax,
      length,
      yMin,
      yMax,
      baseSeed,
      sourceOptions,
    );
    this.constants = scLifConstants(neuronParams, dtMs, streamKey(baseSeed, 0, SC_STREAM.noise));
    this.state = createScLifState(nNeurons, this.constants);
    this.spikes = new Uint8Array(nNeurons);
    this.recorders = Array.from({ length: nNeurons }, () => new BitstreamSpikeRecorder(dtMs));
  }

  /** Steps simulated so far. */
  get time(): number {
    return this.t;
  }

  /** Simulate `steps` more time steps, recording every neuron. */
  run(steps: number): void {
    for (let s = 0; s < steps; s++) {
      const current = this.source.step();
      stepScLif(this.constants, this.state, current, this.t, this.spikes, this.table);
      for (let j = 0; j < this.nNeurons; j++) {
        (this.recorders[j] as BitstreamSpikeRecorder).record(this.spikes[j] as number);
      }
      this.t++;
    }
  }

  /** Spike trains, one `Uint8Array` row of `time` steps per neuron. */
  getSpikeTrains(): Uint8Array[] {
    return this.recorders.map((r) => r.asArray());
  }

  /** Per-neuron totals and rates, and their mean rate. */
  summary(): DenseLayerSummary {
    const stats = this.recorders.map((r, neuron) => ({
      neuron,
      totalSpikes: r.totalSpikes(),
      firingRateHz: r.firingRateHz(),
    }));
    const sum = stats.reduce((acc, s) => acc + s.firingRateHz, 0);
    return {
      nNeurons: this.nNeurons,
      stats,
      avgFiringRateHz: stats.length === 0 ? 0 : sum / stats.length,
    };
  }
}
