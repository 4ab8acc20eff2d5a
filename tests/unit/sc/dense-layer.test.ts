/**
 * Tutorial sections 4 and 5: the SC dense layer and the two-layer network.
 *
 * Why the rate spread is small: every neuron receives the same SC current, whose step-to-step
 * fluctuation (the active-channel count of 8 AND gates times 0.1: sd 0.1 sqrt(sum p(1-p)) =
 * 0.117) is six times the membrane noise (0.02). Spikes are therefore locked to the shared input
 * and the noise only shifts an occasional spike by a step: the coefficient of variation of the
 * rates is a few percent (the tutorial says about 5%), far below 0.1; without noise it is 0.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SCDenseLayer } from '../../../src/engine/sc/index.ts';
import type { CurrentSourceOptions, ScLifParams } from '../../../src/engine/sc/index.ts';
import { mean, sampleSd } from './helpers.ts';

const section4Inputs = [0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8];
const section4Weights = [0.5, 0.6, 0.4, 0.3, 0.7, 0.5, 0.8, 0.2];

function section4Layer(
  nNeurons: number,
  neuronParams: Partial<ScLifParams> = { tauMem: 20, vThreshold: 1, noiseStd: 0.02 },
  options: CurrentSourceOptions = {},
  baseSeed = 42,
): SCDenseLayer {
  return new SCDenseLayer(
    nNeurons,
    section4Inputs,
    section4Weights,
    0,
    1,
    0,
    1,
    2048,
    0,
    0.1,
    1,
    neuronParams,
    baseSeed,
    options,
  );
}

function rates(layer: SCDenseLayer): number[] {
  return layer.summary().stats.map((s) => s.firingRateHz);
}

describe('tutorial section 4: 8 inputs, 4 neurons, noise_std 0.02, T = 500', () => {
  const layer = section4Layer(4);
  beforeAll(() => layer.run(500));

  it('gives a 4 x 500 spike matrix consistent with the summary', () => {
    const trains = layer.getSpikeTrains();
    expect(trains.length).toBe(4);
    const summary = layer.summary();
    trains.forEach((row, j) => {
      expect(row).toBeInstanceOf(Uint8Array);
      expect(row.length).toBe(500);
      expect(row.every((b) => b === 0 || b === 1)).toBe(true);
      const total = row.reduce((a, b) => a + b, 0);
      expect(summary.stats[j]).toEqual({ neuron: j, totalSpikes: total, firingRateHz: total * 2 });
    });
    expect(summary.avgFiringRateHz).toBeCloseTo(mean(rates(layer)), 12);
  });

  it('fires, and its four rates lie within 10% of their mean', () => {
    const r = rates(layer);
    const m = mean(r);
    expect(m).toBeGreaterThan(50);
    for (const x of r) expect(Math.abs(x - m) / m).toBeLessThan(0.1);
  });
});

describe('rate spread across neurons', () => {
  it('has a coefficient of variation below 0.1 over 64 neurons', () => {
    const layer = section4Layer(64);
    layer.run(500);
    const r = rates(layer);
    expect(sampleSd(r) / mean(r)).toBeLessThan(0.1);
  });

  it('comes from the per-neuron noise alone: identical trains without noise, not with it', () => {
    const quiet = section4Layer(16, { noiseStd: 0 });
    quiet.run(500);
    const trains = quiet.getSpikeTrains();
    for (const row of trains) expect(row).toEqual(trains[0]);
    const noisy = section4Layer(16);
    noisy.run(500);
    const distinct = new Set(noisy.getSpikeTrains().map((row) => row.join('')));
    expect(distinct.size).toBeGreaterThan(1);
  });

  it('grows with the noise (0.3 spreads the rates more than 0.02)', () => {
    const cv = (noiseStd: number): number => {
      const layer = section4Layer(64, { noiseStd });
      layer.run(500);
      return sampleSd(rates(layer)) / mean(rates(layer));
    };
    expect(cv(0.3)).toBeGreaterThan(cv(0.02));
  });
});

describe("why the current source sums channels ('sum', the default)", () => {
  it("with 'mean' the section 4 layer sits below threshold and stays (nearly) silent", () => {
    const layer = section4Layer(8, undefined, { scaling: 'mean' });
    // Steady state of the mean current: tauMem * R * I = 20 * 0.1 * 2.3 / 8 = 0.575 < 1.
    expect(20 * layer.source.exactCurrent()).toBeCloseTo(0.575, 12);
    layer.run(500);
    expect(layer.summary().avgFiringRateHz).toBeLessThan(5);
  });
});

describe('tutorial section 5: two layers wired by rates', () => {
  it('layer 1 rates (Hz / 1000) drive layer 2, and layer 2 fires', () => {
    const inputs = [0.4, 0.7, 0.3, 0.8, 0.6, 0.5, 0.9, 0.2];
    const weightsL1 = [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.5, 0.6];
    const params = { tauMem: 20, noiseStd: 0.01 };
    const layer1 = new SCDenseLayer(4, inputs, weightsL1, 0, 1, 0, 1, 2048, 0, 0.1, 1, params, 100);
    layer1.run(500);
    const ratesL1 = layer1.summary().stats.map((s) => s.firingRateHz / 1000);
    expect(Math.min(...ratesL1)).toBeGreaterThan(0);
    const weightsL2 = [0.6, 0.5, 0.7, 0.4];
    const layer2 = new SCDenseLayer(
      2,
      ratesL1,
      weightsL2,
      0,
      0.1,
      0,
      1,
      2048,
      0,
      0.1,
      1,
      params,
      200,
    );
    layer2.run(500);
    const stats = layer2.summary().stats;
    expect(stats.length).toBe(2);
    for (const s of stats) expect(s.firingRateHz).toBeGreaterThan(50);
  });
});

describe('reproducibility', () => {
  it('depends only on the seed, not on how the run is split', () => {
    const whole = section4Layer(6);
    whole.run(500);
    const split = section4Layer(6);
    split.run(123);
    split.run(377);
    expect(split.time).toBe(500);
    expect(split.getSpikeTrains()).toEqual(whole.getSpikeTrains());
    const other = section4Layer(6, undefined, {}, 43);
    other.run(500);
    expect(other.getSpikeTrains()).not.toEqual(whole.getSpikeTrains());
  });
});
