/**
 * The neuron, current-source and layer runs behind steps 1 and 4-7, checked against hand
 * calculation: the tutorial's analytic rate, the discrete LIF's own interval, the source's
 * current as 0.1 per active channel, and the rate statistics.
 */
import { describe, expect, it } from 'vitest';
import {
  fiCurve,
  histogramPeak,
  predictedIsiMs,
  predictedRateHz,
  runLif,
  thresholdCurrent,
} from '../../../src/app/learn/sc/lif-run.ts';
import {
  SECTION4,
  rasterPoints,
  rateSpread,
  runLayer,
  runTwoLayers,
} from '../../../src/app/learn/sc/layer-runs.ts';
import { runCurrentSource } from '../../../src/app/learn/sc/current-run.ts';

describe('one LIF neuron (steps 1 and 7)', () => {
  it('predicts the tutorial interval: -20 ln(1 - 1/1.6) = 19.62 ms, 51.0 Hz', () => {
    expect(predictedIsiMs(0.08, 20)).toBeCloseTo(-20 * Math.log(0.375), 12);
    expect(predictedIsiMs(0.08, 20)).toBeCloseTo(19.6166, 3);
    expect(predictedRateHz(0.08, 20)).toBeCloseTo(50.98, 2);
    expect(thresholdCurrent(20)).toBe(0.05);
    expect(predictedIsiMs(0.05, 20)).toBe(Infinity);
    expect(predictedRateHz(0.03, 20)).toBe(0);
  });

  it('fires every 20 steps at I = 0.08: 1.6 (1 - 0.95^n) first reaches 1 at n = 20', () => {
    const run = runLif({ current: 0.08, tauMem: 20, noiseStd: 0 }, 5000);
    const times = run.recorder.spikeTimesMs();
    expect(times[0]).toBe(19);
    expect(times.slice(1).every((t, i) => t - (times[i] as number) === 20)).toBe(true);
    expect(run.recorder.firingRateHz()).toBe(50);
    // The tutorial's check: within 2% of the analytic rate.
    expect(Math.abs(50 - predictedRateHz(0.08, 20)) / predictedRateHz(0.08, 20)).toBeLessThan(0.02);
    // V resets to 0 on the spike step and rises again.
    expect(run.v[19]).toBe(0);
    expect(run.spikes[19]).toBe(1);
    expect(run.v[20]).toBeCloseTo(0.08, 6);
  });

  it('reads the ISI peak as the centre of the fullest bin: 20 ms at I = 0.08', () => {
    const run = runLif({ current: 0.08, tauMem: 20, noiseStd: 0 }, 5000);
    expect(histogramPeak(run.recorder.isiHistogram(15))).toBeCloseTo(20, 12);
    expect(histogramPeak({ counts: [1, 4, 4, 2], edges: [0, 1, 2, 3, 4] })).toBe(1.5);
    expect(histogramPeak({ counts: [0, 0], edges: [0, 1, 2] })).toBe(0.5);
  });

  it('stays silent below the threshold current, levelling off at R I tau', () => {
    const run = runLif({ current: 0.04, tauMem: 20, noiseStd: 0 }, 1000);
    expect(run.recorder.totalSpikes()).toBe(0);
    expect(run.v[999]).toBeCloseTo(0.8, 4);
  });

  it('with noise fires irregularly, and below threshold too', () => {
    const run = runLif({ current: 0.045, tauMem: 20, noiseStd: 0.05 }, 2000);
    const times = run.recorder.spikeTimesMs();
    expect(times.length).toBeGreaterThan(5);
    const isis = new Set(times.slice(1).map((t, i) => t - (times[i] as number)));
    expect(isis.size).toBeGreaterThan(2);
  });

  it('measures the f-I curve by simulation, matching the formula at low currents', () => {
    const currents = [0.02, 0.06, 0.08, 0.1];
    const measured = fiCurve(currents, { tauMem: 20, noiseStd: 0 }, 4000);
    expect(measured[0]).toBe(0);
    currents.slice(1).forEach((i, k) => {
      const predicted = predictedRateHz(i, 20);
      expect(Math.abs((measured[k + 1] as number) - predicted) / predicted).toBeLessThan(0.05);
    });
  });
});

describe('current source (step 4)', () => {
  const run = runCurrentSource({
    inputs: [0.5, 0.8, 0.3],
    weights: [0.6, 0.4, 0.9],
    length: 2048,
    seed: 42,
    steps: 100,
  });

  it('gives 0.1 per active channel, read from column t of the product bits', () => {
    expect(run.currents.length).toBe(100);
    run.currents.forEach((c, t) => {
      const k = run.productBits.reduce((a, row) => a + (row[t] as number), 0);
      expect(run.active[t]).toBe(k);
      expect(c).toBeCloseTo(0.1 * k, 6);
    });
  });

  it('reports the mean of its steps, and an exact value of 0.1 sum x w = 0.089', () => {
    expect(run.meanOverSteps).toBeCloseTo(run.currents.reduce((a, b) => a + b, 0) / 100, 12);
    expect(run.exact).toBeCloseTo(0.089, 12);
    // 2048 bits per channel: SE of the sum of three densities is 0.1 sqrt(sum p(1-p) / L).
    const se = 0.1 * Math.sqrt((0.3 * 0.7 + 0.32 * 0.68 + 0.27 * 0.73) / 2048);
    expect(Math.abs(run.fullEstimate - run.exact)).toBeLessThan(4 * se);
  });
});

describe('layers (steps 5 and 6)', () => {
  it('rate spread: mean, sample sd, coefficient of variation', () => {
    const s = rateSpread([180, 184, 186, 182]);
    expect(s.mean).toBe(183);
    expect(s.sd).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect(s.cv).toBeCloseTo(Math.sqrt(20 / 3) / 183, 12);
    expect(rateSpread([])).toEqual({ mean: 0, sd: 0, cv: 0 });
    expect(rateSpread([5])).toEqual({ mean: 5, sd: 0, cv: 0 });
    expect(rateSpread([0, 0]).cv).toBe(0);
  });

  it('raster points: one per spike, at step times dt', () => {
    const trains = [Uint8Array.from([0, 1, 0, 1]), Uint8Array.from([1, 0, 0, 0])];
    expect(rasterPoints(trains)).toEqual({ t: [1, 3, 0], n: [0, 0, 1] });
    expect(rasterPoints(trains, 0.5).t).toEqual([0.5, 1.5, 0]);
  });

  const section4 = (noiseStd: number, neurons = 4) =>
    runLayer({
      neurons,
      inputs: SECTION4.inputs,
      weights: SECTION4.weights,
      xMax: 1,
      noiseStd,
      steps: 500,
      seed: SECTION4.seed,
    });

  it('section 4: fires, rates within a few percent at noise 0.02, identical without noise', () => {
    const noisy = section4(0.02);
    expect(noisy.trains.length).toBe(4);
    expect(noisy.trains[0]?.length).toBe(500);
    expect(noisy.spread.mean).toBeGreaterThan(50);
    expect(noisy.spread.cv).toBeLessThan(0.1);
    noisy.trains.forEach((row, j) => {
      expect(noisy.rates[j]).toBe(row.reduce((a, b) => a + b, 0) * 2);
    });
    const quiet = section4(0);
    expect(quiet.spread.cv).toBe(0);
    expect(section4(0.3, 16).spread.cv).toBeGreaterThan(section4(0.02, 16).spread.cv);
  });

  it('section 5: with x_max 0.1 layer 2 inputs are cut off at 1; with 0.5 they are rate / 500', () => {
    const tutorial = runTwoLayers(0.01, 0.1, 500);
    expect(tutorial.inputs2).toEqual(tutorial.layer1.rates.map((hz) => hz / 1000));
    expect(tutorial.inputs2.every((x) => x > 0.1)).toBe(true);
    expect(tutorial.probabilities2).toEqual([1, 1, 1, 1]);
    expect(tutorial.layer2.trains.length).toBe(2);
    expect(tutorial.layer2.spread.mean).toBeGreaterThan(50);
    const wide = runTwoLayers(0.01, 0.5, 500);
    wide.probabilities2.forEach((p, j) => {
      expect(p).toBeCloseTo((wide.inputs2[j] as number) / 0.5, 12);
      expect(p).toBeLessThan(1);
    });
    // Lower densities, smaller current, slower layer 2.
    expect(wide.layer2.spread.mean).toBeLessThan(tutorial.layer2.spread.mean);
  });
});
