/**
 * One stochastic LIF neuron driven by a constant current, through the SC library's LIF
 * (`stepScLif`, the tutorial's equation in float32), and the analytic rate it should fire at
 * (tutorial section 6). Steps 1 and 7 use these.
 */
import {
  BitstreamSpikeRecorder,
  SC_STREAM,
  createScLifState,
  scLifConstants,
  stepScLif,
  type Histogram,
} from '../../../engine/sc/index.ts';
import { streamKey } from '../../../engine/random.ts';

/** The neuron's settings a student can change (the rest are the tutorial's defaults). */
export interface LifSettings {
  current: number;
  tauMem: number;
  noiseStd: number;
}

/** The tutorial's fixed values: threshold 1, reset and rest 0, R = 1, dt = 1 ms. */
export const LIF_FIXED = { vThreshold: 1, vReset: 0, resistance: 1, dtMs: 1 } as const;

/** A recorded run. */
export interface LifRun {
  /** Membrane potential after each step (after the reset on a spike step). */
  v: Float32Array;
  /** 1 on the steps with a spike. */
  spikes: Uint8Array;
  recorder: BitstreamSpikeRecorder;
}

/** Simulate `steps` ms of one neuron; `seed` picks the noise. */
export function runLif(settings: LifSettings, steps: number, seed = 42): LifRun {
  const constants = scLifConstants(
    { tauMem: settings.tauMem, noiseStd: settings.noiseStd, ...LIF_FIXED },
    LIF_FIXED.dtMs,
    streamKey(seed, 0, SC_STREAM.noise),
  );
  const state = createScLifState(1, constants);
  const spike = new Uint8Array(1);
  const v = new Float32Array(steps);
  const spikes = new Uint8Array(steps);
  const recorder = new BitstreamSpikeRecorder(LIF_FIXED.dtMs);
  for (let t = 0; t < steps; t++) {
    stepScLif(constants, state, settings.current, t, spike);
    v[t] = state.v[0] as number;
    spikes[t] = spike[0] as number;
    recorder.record(spikes[t] as number);
  }
  return { v, spikes, recorder };
}

/** The smallest constant current that ever reaches threshold: (V_th - V_reset) / (R tau). */
export function thresholdCurrent(tauMem: number): number {
  return (LIF_FIXED.vThreshold - LIF_FIXED.vReset) / (LIF_FIXED.resistance * tauMem);
}

/**
 * The tutorial's inter-spike interval of the noise-free neuron,
 * T = -tau ln(1 - (V_th - V_reset) / (R I tau)) ms; Infinity at or below the threshold current.
 *
 * @example
 * predictedIsiMs(0.08, 20) // 19.6
 */
export function predictedIsiMs(current: number, tauMem: number): number {
  const arg =
    1 - (LIF_FIXED.vThreshold - LIF_FIXED.vReset) / (LIF_FIXED.resistance * current * tauMem);
  return arg > 0 ? -tauMem * Math.log(arg) : Infinity;
}

/** 1000 / T_ISI Hz (0 when the neuron never fires). */
export function predictedRateHz(current: number, tauMem: number): number {
  const isi = predictedIsiMs(current, tauMem);
  return Number.isFinite(isi) ? 1000 / (isi * LIF_FIXED.dtMs) : 0;
}

/** Measured rates over a range of currents (the simulated f-I curve), `steps` ms each. */
export function fiCurve(
  currents: readonly number[],
  settings: Omit<LifSettings, 'current'>,
  steps: number,
): number[] {
  return currents.map((current) => runLif({ ...settings, current }, steps).recorder.firingRateHz());
}

/** The centre of the fullest bin (the first of equals), as the tutorial reads its ISI peak. */
export function histogramPeak(h: Histogram): number {
  let best = 0;
  h.counts.forEach((c, i) => {
    if (c > (h.counts[best] ?? 0)) best = i;
  });
  return ((h.edges[best] ?? 0) + (h.edges[best + 1] ?? 0)) / 2;
}
