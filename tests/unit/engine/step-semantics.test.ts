/**
 * CONTEXT.md's step, pinned by hand: traces worked out from the step's operations written out
 * longhand in float32, delays counted in steps, and the refractory convention.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import type { Population, Projection } from '../../../src/model/document.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { runDocument, spikeStepsOf, traceOf } from './fixtures/run.ts';

const f = Math.fround;

function generator(id: string, times: number[], size = 1): Population {
  return {
    id,
    size,
    position: { x: 0, y: 0 },
    model: 'spike_generator',
    params: { indices: times.map(() => 0), times, period: 0 },
  };
}

function link(id: string, target: string, rest: Partial<Projection>): Projection {
  return {
    id,
    source: 'G',
    target,
    connectivity: { rule: 'all_to_all', allow_self: true },
    weight: { kind: 'constant', value: 1 },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'delta' },
    ...rest,
  };
}

/** A neuron that neither leaks (in float32) nor fires: V shows the sum of what reached it. */
const integrator = tutorialLif({ tau_mem: 1e9, v_threshold: 100 });

describe('a hand-computed trace (delta + exponential synapses, a delay)', () => {
  it('matches the step written out operation by operation', async () => {
    // G fires at steps 0 and 2. P1: delta 0.5 with delay 2. P2: exponential (tau 2) 0.3, delay 0.
    const doc = makeDocument(
      {
        populations: [
          generator('G', [0, 2]),
          lifPopulation('A', 1, tutorialLif({ tau_mem: 10, bias: 0.05, v_threshold: 100 })),
        ],
        projections: [
          link('P1', 'A', {
            weight: { kind: 'constant', value: 0.5 },
            delay: { kind: 'constant', steps: 2 },
          }),
          link('P2', 'A', {
            weight: { kind: 'constant', value: 0.3 },
            synapse: { kind: 'exponential', tau: 2 },
          }),
        ],
        probes: [
          { id: 'v', kind: 'state', population: 'A', variable: 'v', neurons: [0] },
          { id: 'i', kind: 'state', population: 'A', variable: 'i_syn', neurons: [0] },
        ],
      },
      { dt: 1, duration: 6 },
    );
    const leak = f(1 / 10);
    const decay = f(Math.exp(-1 / 2));
    const bias = f(0.05);
    const w1 = f(0.5);
    const w2 = f(0.3);
    // Step 2 of CONTEXT.md with v_rest = 0 and rdt = 1.
    const lif = (v: number, i: number) => f(f(v - f(f(v - 0) * leak)) + f(1 * i));
    // t = 0: I = bias; G fires, P2 (delay 0) adds w2 to the current after its decay.
    const v0 = lif(0, bias);
    const i0 = f(f(0 * decay) + w2);
    // t = 1: the current from t = 0 drives V, then decays.
    const v1 = lif(v0, f(bias + i0));
    const i1 = f(i0 * decay);
    // t = 2: G fires again (P2 now); P1 delivers the spike of t = 0 (delay 2) into V.
    const v2 = f(lif(v1, f(bias + i1)) + w1);
    const i2 = f(f(i1 * decay) + w2);
    // t = 3: nothing arrives.
    const v3 = lif(v2, f(bias + i2));
    const i3 = f(i2 * decay);
    // t = 4: P1 delivers the spike of t = 2.
    const v4 = f(lif(v3, f(bias + i3)) + w1);
    const i4 = f(i3 * decay);
    const v5 = lif(v4, f(bias + i4));
    const i5 = f(i4 * decay);

    const chunk = await runDocument(doc);
    expect(traceOf(chunk, 'v')).toEqual([v0, v1, v2, v3, v4, v5]);
    expect(traceOf(chunk, 'i')).toEqual([i0, i1, i2, i3, i4, i5]);
    // Independent of the float32 detail, the double-precision values of the same recurrence:
    // V1 = 0.05*0.9 + 0.35, V2 = 0.9*V1 + 0.05 + 0.3*e^-0.5 + 0.5.
    expect(v1).toBeCloseTo(0.395, 6);
    expect(v2).toBeCloseTo(0.9 * 0.395 + 0.05 + 0.3 * Math.exp(-0.5) + 0.5, 5);
  });
});

describe('delays', () => {
  it('lets an event with delay d change its target exactly d steps after the spike', async () => {
    const delays = [0, 1, 3, 7];
    const doc = makeDocument(
      {
        populations: [
          generator('G', [5]),
          ...delays.map((d) => lifPopulation(`T${d}`, 1, integrator)),
        ],
        projections: delays.map((d) =>
          link(`d${d}`, `T${d}`, { delay: { kind: 'constant', steps: d } }),
        ),
        probes: delays.map((d) => ({
          id: `v${d}`,
          kind: 'state' as const,
          population: `T${d}`,
          variable: 'v' as const,
          neurons: [0],
        })),
      },
      { dt: 1, duration: 20 },
    );
    const chunk = await runDocument(doc);
    for (const d of delays) {
      const v = traceOf(chunk, `v${d}`);
      expect(v.findIndex((x) => x !== 0)).toBe(5 + d);
      expect(v.slice(5 + d)).toEqual(new Array<number>(15 - d).fill(1));
    }
  });

  it('applies per-synapse delays synapse by synapse, with several spikes in the window', async () => {
    const size = 60;
    const doc = makeDocument(
      {
        populations: [generator('G', [3, 5]), lifPopulation('B', size, integrator)],
        projections: [link('p', 'B', { delay: { kind: 'uniform_int', low: 1, high: 6 } })],
        probes: [
          {
            id: 'v',
            kind: 'state',
            population: 'B',
            variable: 'v',
            neurons: Array.from({ length: size }, (_, j) => j),
          },
        ],
      },
      { dt: 1, duration: 15 },
    );
    const delays = compile(doc).projections[0]?.csr.delays;
    if (!(delays instanceof Uint8Array)) throw new Error('expected per-synapse delays');
    expect(new Set(delays).size).toBe(6);
    const chunk = await runDocument(doc);
    for (let j = 0; j < size; j++) {
      const d = delays[j] ?? 0;
      const expected = Array.from(
        { length: 15 },
        (_, t) => [3, 5].filter((s) => s + d <= t).length,
      );
      expect(traceOf(chunk, 'v', j, size)).toEqual(expected);
    }
  });
});

describe('stimuli and spike generators', () => {
  it('adds a current step over [start, stop) to the bias', async () => {
    const doc = makeDocument(
      {
        populations: [lifPopulation('n', 1, { ...integrator, bias: 0.25 })],
        stimuli: [
          { id: 's', kind: 'current_step', target: 'n', start: 2, stop: 5, amplitude: 0.5 },
        ],
        probes: [{ id: 'v', kind: 'state', population: 'n', variable: 'v', neurons: [0] }],
      },
      { dt: 1, duration: 7 },
    );
    // rdt = 1 and no leak in float32: V grows by the input of each step.
    expect(traceOf(await runDocument(doc), 'v')).toEqual([0.25, 0.5, 1.25, 2, 2.75, 3, 3.25]);
  });

  it('repeats a periodic pattern every period', async () => {
    const doc = makeDocument(
      {
        populations: [
          {
            id: 'g',
            size: 3,
            position: { x: 0, y: 0 },
            model: 'spike_generator',
            params: { indices: [2, 0], times: [0, 1.5], period: 4 },
          },
        ],
        probes: [{ id: 's', kind: 'spikes', population: 'g' }],
      },
      { dt: 0.5, duration: 10 },
    );
    const chunk = await runDocument(doc);
    // Steps of 0.5 ms: neuron 2 at step 0, neuron 0 at step 3, again every 8 steps.
    expect(Array.from(chunk.spikes['g']?.steps ?? [])).toEqual([0, 3, 8, 11, 16, 19]);
    expect(Array.from(chunk.spikes['g']?.indices ?? [])).toEqual([2, 0, 2, 0, 2, 0]);
  });
});

describe('refractory period', () => {
  // bias 2 pushes V from 0 over threshold 1 in one step: the neuron fires whenever it may.
  const runWith = async (refractory: number, dt: number) => {
    const doc = makeDocument(
      {
        populations: [
          lifPopulation('n', 1, tutorialLif({ bias: 2, refractory_period: refractory })),
        ],
        probes: [
          { id: 's', kind: 'spikes', population: 'n' },
          { id: 'v', kind: 'state', population: 'n', variable: 'v', neurons: [0] },
        ],
      },
      { dt, duration: 12 * dt },
    );
    return runDocument(doc);
  };

  it.each([
    [0, 1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    [1, 1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    [3, 1, [0, 3, 6, 9]],
    [2.6, 1, [0, 3, 6, 9]],
    [2, 0.5, [0, 4, 8]],
  ])(
    'refractory %f ms at dt %f: silent for round(refractory/dt) steps counting the spike step',
    async (refractory, dt, spikes) => {
      const chunk = await runWith(refractory, dt);
      expect(spikeStepsOf(chunk, 'n')).toEqual(spikes);
      // Held neurons keep the reset value: V is 0 from each spike until the next integration.
      const v = traceOf(chunk, 'v');
      for (const s of spikes) expect(v[s]).toBe(0);
    },
  );
});
