/**
 * STDP's weight change against pre-post timing (CONTEXT.md step 5e): 81 independent synapse
 * pairs, pair i with a pre spike at t0 and a post spike forced at t0 + dt_i by a teacher, for
 * dt_i in [-40, 40] ms. The change must be exactly the float32 chain of the step (aPlus decayed
 * dt_i times, then added) and, within 1e-4 relative, Song, Miller & Abbott's exponential window
 * a_plus * exp(-dt / tau_plus) for dt >= 0 and -a_minus * exp(dt / tau_minus) for dt < 0.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { StdpRule } from '../../../src/model/document.ts';
import { createPopulation } from '../../../src/model/index.ts';
import {
  deltaProjection,
  generator,
  makeDocument,
  postPopulation,
  teacherFor,
} from './plasticity-fixtures.ts';

const f = Math.fround;
const T0 = 50;
const LAGS = Array.from({ length: 81 }, (_, i) => i - 40);
const W0 = 0.01;
const RULE: StdpRule = {
  rule: 'stdp',
  a_plus: 0.01,
  a_minus: 0.012,
  tau_plus: 16.8,
  tau_minus: 33.7,
  w_min: -1,
  w_max: 1,
};

type PostModel = 'stochastic_lif' | 'izhikevich' | 'adex';

/** The default Izhikevich (RS) or AdEx (tonic) neuron without its driving current: silent. */
function quietPopulation(model: 'izhikevich' | 'adex', size: number) {
  const p = createPopulation(model, 'post', { x: 0, y: 0 });
  if (p.model === 'izhikevich' || p.model === 'adex') p.params.bias = 0;
  return { ...p, size };
}

function windowDocument(dt: number, model: PostModel = 'stochastic_lif') {
  const n = LAGS.length;
  const plastic = deltaProjection('plastic', 'pre', 'post', 'one_to_one', W0);
  plastic.plasticity = RULE;
  return makeDocument(
    {
      populations: [
        generator(
          'pre',
          n,
          LAGS.map((_, i) => i),
          LAGS.map(() => T0 * dt),
        ),
        teacherFor(
          LAGS.map((lag) => T0 + lag),
          dt,
        ),
        model === 'stochastic_lif' ? postPopulation('post', n) : quietPopulation(model, n),
      ],
      // 10 thresholds of the LIF; 100 mV lifts an Izhikevich or AdEx neuron past its spike cut.
      projections: [
        plastic,
        deltaProjection(
          'teach',
          'teacher',
          'post',
          'one_to_one',
          model === 'stochastic_lif' ? 10 : 100,
        ),
      ],
      probes: [{ id: 'post_spikes', kind: 'spikes', population: 'post' }],
    },
    { dt, duration: (T0 + 60) * dt },
  );
}

/** The weight after a pair `lag` steps apart, by the float32 operations of step 5e. */
function expectedWeight(lag: number, dt: number): number {
  if (lag >= 0) {
    const decay = f(Math.exp(-dt / RULE.tau_plus));
    let a = f(RULE.a_plus);
    for (let k = 0; k < lag; k++) a = f(a * decay);
    return f(f(W0) + a);
  }
  const decay = f(Math.exp(-dt / RULE.tau_minus));
  let b = f(RULE.a_minus);
  for (let k = 0; k < -lag; k++) b = f(b * decay);
  return f(f(W0) - b);
}

describe('STDP window', () => {
  const cases: [number, PostModel][] = [
    [1, 'stochastic_lif'],
    [0.5, 'stochastic_lif'],
    [0.5, 'izhikevich'],
    [0.5, 'adex'],
  ];
  // The same analytic check on every backend that steps plasticity (CONTEXT.md, Exactness).
  for (const backend of ['reference', 'wasm'] as const)
    for (const [dt, model] of cases) {
      it(`reproduces the exponential window at dt = ${dt} ms onto ${model} (${backend})`, async () => {
        const sim = await createSimulation(windowDocument(dt, model), { backend });
        expect(sim.backend).toBe(backend);
        const chunk = await sim.step(sim.totalSteps);
        // The setup: post neuron i spikes once, at T0 + lag_i (the teacher, not the tiny weight).
        const spikes = chunk.spikes.post;
        expect(Array.from(spikes?.indices ?? [])).toEqual(
          LAGS.map((_, i) => i).sort((a, b) => (LAGS[a] ?? 0) - (LAGS[b] ?? 0)),
        );
        const stepOf = new Map<number, number>();
        spikes?.indices.forEach((i, k) => stepOf.set(i, spikes.steps[k] ?? -1));
        LAGS.forEach((lag, i) => expect(stepOf.get(i)).toBe(T0 + lag));

        const weights = (await sim.learnedWeights()).plastic;
        expect(weights?.length).toBe(LAGS.length);
        LAGS.forEach((lag, i) => {
          const w = weights?.[i] ?? NaN;
          expect(w).toBe(expectedWeight(lag, dt));
          const ms = lag * dt;
          const analytic =
            ms >= 0
              ? RULE.a_plus * Math.exp(-ms / RULE.tau_plus)
              : -RULE.a_minus * Math.exp(ms / RULE.tau_minus);
          const change = w - f(W0);
          expect(Math.abs(change - analytic) / Math.abs(analytic)).toBeLessThan(1e-4);
        });
        sim.dispose();
      });
    }

  it('keeps weights in [w_min, w_max]', async () => {
    const doc = windowDocument(1);
    const plastic = doc.projections[0];
    if (plastic?.plasticity?.rule !== 'stdp') throw new Error('fixture');
    plastic.plasticity = { ...plastic.plasticity, w_min: 0.005, w_max: 0.015 };
    const sim = await createSimulation(doc, { backend: 'reference' });
    await sim.step(sim.totalSteps);
    const weights = (await sim.learnedWeights()).plastic ?? new Float32Array();
    LAGS.forEach((lag, i) => {
      const clipped = Math.min(Math.max(expectedWeight(lag, 1), f(0.005)), f(0.015));
      expect(weights[i]).toBe(clipped);
    });
    expect(Math.max(...weights)).toBe(f(0.015));
    expect(Math.min(...weights)).toBe(f(0.005));
    sim.dispose();
  });
});
