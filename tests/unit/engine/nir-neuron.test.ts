/**
 * The nir_neuron model on the reference backend (CONTEXT.md step 2g): compile's coefficients of
 * every type and discretisation against hand values, closed forms (LI settles at
 * v_leak + r * bias; IF with a constant input spikes every ceil(thr / (r * dt * u)) steps),
 * snnTorch's Synaptic recurrence written independently in float32, and a stochastic_lif LIF.
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { compileNirNeuron } from '../../../src/engine/compile/nir-neuron-plan.ts';
import type { NirNeuronParams } from '../../../src/model/document.ts';
import { makeDocument, lifPopulation, tutorialLif } from './fixtures/documents.ts';
import { runChunks } from './wasm-compare.ts';
import { nirPopulation, planOf, recordAll } from './nir-neuron-docs.ts';

const f = Math.fround;
const common = { bias: 0, v_init: 0 };

describe('compileNirNeuron coefficients', () => {
  const dt = 0.5;
  const e = (x: number) => Math.exp(x);
  it.each([
    // type, discretisation, leak, gain, synDecay, synGain (hand formulas of the contract)
    ['LIF', 'exact', 1 - e(-dt / 10), 2 * (1 - e(-dt / 10)), 0, 0],
    ['LIF', 'euler', dt / 10, (2 * dt) / 10, 0, 0],
    ['LI', 'exact', 1 - e(-dt / 10), 2 * (1 - e(-dt / 10)), 0, 0],
    ['LI', 'euler', dt / 10, (2 * dt) / 10, 0, 0],
    ['CubaLIF', 'exact', 1 - e(-dt / 10), 2 * (1 - e(-dt / 10)), e(-dt / 4), 3 * (1 - e(-dt / 4))],
    ['CubaLIF', 'euler', dt / 10, (2 * dt) / 10, 1 - dt / 4, (3 * dt) / 4],
    ['CubaLI', 'exact', 1 - e(-dt / 10), 2 * (1 - e(-dt / 10)), e(-dt / 4), 3 * (1 - e(-dt / 4))],
    ['CubaLI', 'euler', dt / 10, (2 * dt) / 10, 1 - dt / 4, (3 * dt) / 4],
    ['IF', 'exact', 0, 2 * dt, 0, 0],
    ['IF', 'euler', 0, 2 * dt, 0, 0],
    ['I', 'exact', 0, 2 * dt, 0, 0],
    ['I', 'euler', 0, 2 * dt, 0, 0],
    ['Threshold', 'exact', 1, 1, 0, 0],
    ['Threshold', 'euler', 1, 1, 0, 0],
  ] as const)('%s %s', (type, discretisation, leak, gain, synDecay, synGain) => {
    const all = {
      tau_mem: 10,
      tau_syn: 4,
      r: 2,
      v_leak: 0.25,
      v_threshold: 1.5,
      v_reset: -0.5,
      w_in: 3,
    };
    // Only the type's own fields (the schema would refuse the others; compile ignores them).
    const params = { type, discretisation, ...common, ...all } as unknown as NirNeuronParams;
    const plan = compileNirNeuron(params, 2, dt);
    expect(plan.leak[1]).toBe(f(leak));
    expect(plan.gain[1]).toBe(f(gain));
    expect(plan.synDecay[1]).toBe(f(synDecay));
    expect(plan.synGain[1]).toBe(f(synGain));
    const spikes = type === 'LIF' || type === 'IF' || type === 'CubaLIF' || type === 'Threshold';
    expect(plan.vThreshold[0]).toBe(spikes ? 1.5 : Infinity);
    expect(plan.vReset[0]).toBe(type === 'Threshold' || !spikes ? 0 : -0.5);
    expect(plan.vLeak[0]).toBe(type === 'Threshold' || type === 'IF' || type === 'I' ? 0 : 0.25);
  });

  it('reads per-neuron arrays neuron by neuron', () => {
    const plan = compileNirNeuron(
      {
        type: 'LIF',
        discretisation: 'euler',
        tau_mem: [10, 20, 40],
        r: 1,
        v_leak: 0,
        v_threshold: [1, 2, 3],
        v_reset: 0,
        bias: [0.1, 0.2, 0.3],
        v_init: 0.5,
      },
      3,
      1,
    );
    expect(Array.from(plan.leak)).toEqual([0.1, 0.05, 0.025].map(f));
    expect(Array.from(plan.vThreshold)).toEqual([1, 2, 3]);
    expect(Array.from(plan.bias)).toEqual([0.1, 0.2, 0.3].map(f));
    expect(Array.from(plan.vInit)).toEqual([0.5, 0.5, 0.5]);
  });
});

async function run(params: NirNeuronParams, size: number, duration: number, dt = 1) {
  const doc = makeDocument(
    {
      populations: [nirPopulation('n', size, params)],
      probes: recordAll('n', [...Array(size).keys()]),
    },
    { dt, duration },
  );
  return runChunks(createReferenceBackend, planOf(doc), 97);
}

describe('closed forms', () => {
  it('LI with a constant bias settles at v_leak + r * bias (exact)', async () => {
    const chunk = await run(
      { type: 'LI', discretisation: 'exact', tau_mem: 5, r: 2, v_leak: -1, ...common, bias: 0.75 },
      1,
      400,
    );
    const v = chunk.traces.n_v?.values ?? [];
    expect(v.length).toBe(400);
    expect(v[399]).toBeCloseTo(-1 + 2 * 0.75, 5);
    // The exact discretisation follows the continuous solution at every step.
    for (const k of [0, 4, 19]) {
      const t = (k + 1) * 1;
      expect(v[k]).toBeCloseTo(0.5 + (0 - 0.5) * Math.exp(-t / 5), 5);
    }
    expect(chunk.spikes.n?.steps.length ?? 0).toBe(0);
  });

  it.each([
    [1, 0.3, 0.1],
    [2.5, 0.7, 0.5],
  ])('IF, thr %d, r %d, input %d: a spike every ceil(thr / (r dt u)) steps', async (thr, r, u) => {
    const dt = 0.5;
    const params: NirNeuronParams = {
      type: 'IF',
      discretisation: 'euler',
      r,
      v_threshold: thr,
      v_reset: 0,
      bias: u,
      v_init: 0,
    };
    const chunk = await run(params, 1, 200, dt);
    const period = Math.ceil(thr / (r * dt * u));
    const steps = Array.from(chunk.spikes.n?.steps ?? []);
    expect(steps.length).toBeGreaterThan(3);
    steps.forEach((s, k) => expect(s).toBe((k + 1) * period - 1));
  });
});

describe('against independent recurrences', () => {
  it("euler CubaLIF is snnTorch's Synaptic: syn = alpha syn + x; mem = beta mem + syn", async () => {
    // r = tau_mem/dt, w_in = tau_syn/dt, v_leak = 0 (the contract's snnTorch mapping).
    const dt = 1;
    const tauMem = 8;
    const tauSyn = 3;
    const x = 0.13;
    const chunk = await run(
      {
        type: 'CubaLIF',
        discretisation: 'euler',
        tau_mem: tauMem,
        tau_syn: tauSyn,
        r: tauMem / dt,
        v_leak: 0,
        v_threshold: 1,
        v_reset: 0,
        w_in: tauSyn / dt,
        bias: x,
        v_init: 0,
      },
      1,
      300,
      dt,
    );
    // snnTorch (reset_mechanism 'zero', threshold strict here as NIR): written in float32.
    const alpha = f(1 - dt / tauSyn);
    const beta = f(1 - dt / tauMem);
    let syn = 0;
    let mem = 0;
    const spikes: number[] = [];
    const mems: number[] = [];
    for (let t = 0; t < 300; t++) {
      syn = f(f(alpha * syn) + x);
      mem = f(f(beta * mem) + syn);
      if (mem > 1) {
        spikes.push(t);
        mem = 0;
      }
      mems.push(mem);
    }
    expect(spikes.length).toBeGreaterThan(5);
    expect(Array.from(chunk.spikes.n?.steps ?? [])).toEqual(spikes);
    // The forms round differently (V - (V - 0) * leak vs beta * V), so V agrees to float32 noise.
    const v = chunk.traces.n_v?.values ?? [];
    mems.forEach((m, t) => expect(Math.abs((v[t] ?? NaN) - m)).toBeLessThan(1e-5));
  });

  it('an euler LIF with r = R tau and threshold just above spikes as a stochastic_lif', async () => {
    // stochastic_lif: V += -(V - v_rest) dt/tau + R I dt, spike at V >= thr. With r = R tau the
    // NIR gain is R dt and the leak dt/tau; the strict > is met by a threshold a hair above.
    const dt = 0.1;
    const lif = tutorialLif({ tau_mem: 20, resistance: 1.5, v_threshold: 1, bias: 1 });
    const nir: NirNeuronParams = {
      type: 'LIF',
      discretisation: 'euler',
      tau_mem: 20,
      r: 1.5 * 20,
      v_leak: lif.v_rest,
      v_threshold: 1 + 1e-6,
      v_reset: lif.v_reset,
      bias: 1,
      v_init: 0,
    };
    const doc = makeDocument(
      {
        populations: [lifPopulation('a', 3, lif), nirPopulation('b', 3, nir)],
        probes: [
          { id: 'sa', kind: 'spikes', population: 'a' },
          { id: 'sb', kind: 'spikes', population: 'b' },
        ],
      },
      { dt, duration: 200 },
    );
    const chunk = await runChunks(createReferenceBackend, planOf(doc), 500);
    const a = Array.from(chunk.spikes.a?.steps ?? []);
    expect(a.length).toBeGreaterThan(10);
    expect(Array.from(chunk.spikes.b?.steps ?? [])).toEqual(a);
  });
});
