/**
 * Tutorial section 3: the multi-channel current source. The error bound used throughout:
 *
 * Channel c's product bits are independent Bernoulli(p_c), p_c = x_c w_c (normalised, to 24-bit
 * quantisation), so the active-channel count k(t) of one step has mean sum p_c and variance
 * s^2 = sum p_c (1 - p_c). With I(t) = yMin + span k(t) (span = yMax - yMin; divided by n for
 * 'mean'), the mean of N steps has standard error span s / sqrt(N). Hence, at 4 standard errors:
 *   |mean of 100 steps - exact|            <= 4 span s / 10
 *   |mean of 100 steps - full estimate|    <= 4 span s sqrt(1/100 - 1/L)  (a subset of the L)
 *   |full estimate - exact|                <= 4 span s / sqrt(L)
 */
import { describe, expect, it } from 'vitest';
import {
  BitstreamCurrentSource,
  BitstreamEncoder,
  BitstreamSynapse,
  and,
  getBit,
} from '../../../src/engine/sc/index.ts';
import type { ChannelScaling } from '../../../src/engine/sc/index.ts';
import { mean, sampleSd } from './helpers.ts';

const xInputs = [0.5, 0.8, 0.3];
const weights = [0.6, 0.4, 0.9];
const L = 2048;

function tutorialSource(seed: number, scaling: ChannelScaling): BitstreamCurrentSource {
  return new BitstreamCurrentSource(xInputs, 0, 1, weights, 0, 1, L, 0, 0.1, seed, { scaling });
}

/** Exact dot product mapped to [yMin, yMax], and the per-step standard deviation, by hand. */
function theory(scaling: ChannelScaling): { exact: number; stepSd: number } {
  const p = xInputs.map((x, c) => x * (weights[c] as number));
  const n = scaling === 'sum' ? 1 : p.length;
  const dot = p.reduce((a, b) => a + b, 0);
  const s = Math.sqrt(p.reduce((a, pc) => a + pc * (1 - pc), 0));
  return { exact: (0.1 * dot) / n, stepSd: (0.1 * s) / n };
}

const slack = 1e-6; // float32 currents and 24-bit probabilities, orders of magnitude below the SE

for (const scaling of ['sum', 'mean'] as const) {
  describe(`current source, scaling '${scaling}'`, () => {
    const { exact, stepSd } = theory(scaling);

    it('tutorial section 3 (seed 42): the mean of 100 steps agrees with both references', () => {
      const source = tutorialSource(42, scaling);
      const currents = Array.from({ length: 100 }, () => source.step());
      const avg = mean(currents);
      const full = source.fullCurrentEstimate();
      expect(source.exactCurrent()).toBeCloseTo(exact, 12);
      expect(Math.abs(avg - exact)).toBeLessThan((4 * stepSd) / 10 + slack);
      expect(Math.abs(avg - full)).toBeLessThan(4 * stepSd * Math.sqrt(1 / 100 - 1 / L) + slack);
      expect(Math.abs(full - exact)).toBeLessThan((4 * stepSd) / Math.sqrt(L) + slack);
    });

    it('over 400 seeds the 100-step mean has the derived standard error (the bound is tight)', () => {
      const avgs: number[] = [];
      const fulls: number[] = [];
      for (let seed = 0; seed < 400; seed++) {
        const source = tutorialSource(seed, scaling);
        avgs.push(mean(Array.from({ length: 100 }, () => source.step())));
        fulls.push(source.fullCurrentEstimate());
      }
      const se = stepSd / 10;
      // Sample SD of 400 values: relative spread 1/sqrt(798) = 3.5%, so 15% is over 4 sigma.
      expect(Math.abs(sampleSd(avgs) / se - 1)).toBeLessThan(0.15);
      expect(Math.abs(sampleSd(fulls) / (stepSd / Math.sqrt(L)) - 1)).toBeLessThan(0.15);
      expect(Math.abs(mean(avgs) - exact)).toBeLessThan((4 * se) / Math.sqrt(400));
      expect(avgs.filter((a) => Math.abs(a - exact) > 4 * se).length).toBeLessThanOrEqual(1);
    });
  });
}

describe('current source mechanics', () => {
  it("each channel's product is that channel's encoder stream AND its synapse's weights", () => {
    const source = tutorialSource(9, 'sum');
    xInputs.forEach((x, c) => {
      const pre = new BitstreamEncoder(0, 1, L, 9, c).encode(x);
      const weightBits = new BitstreamSynapse(0, 1, L, weights[c] as number, 9, c).weightBits;
      expect(source.productStreams[c]?.words).toEqual(and(pre, weightBits).words);
    });
  });

  it('step t counts the ones at bit t mod L and maps them in float32; wraps after L', () => {
    const f = Math.fround;
    const short = new BitstreamCurrentSource(xInputs, 0, 1, weights, 0, 1, 64, 0.01, 0.05, 5);
    const expected = (t: number): number => {
      let k = 0;
      for (const s of short.productStreams) k += getBit(s, t % 64);
      return f(0.01 + f(f(0.05 - 0.01) * k));
    };
    for (let t = 0; t < 200; t++) expect(short.step()).toBe(expected(t));
    short.reset();
    expect(short.time).toBe(0);
    expect(short.step()).toBe(expected(0));
  });

  it('refuses mismatched inputs and weights', () => {
    expect(() => new BitstreamCurrentSource([0.1, 0.2], 0, 1, [0.5], 0, 1, 64, 0, 0.1, 1)).toThrow(
      RangeError,
    );
  });
});
