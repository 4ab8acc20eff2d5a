/**
 * OnlineO1 onto fixed-point LIF targets, the engine's side and the generator's: validation lets
 * online_o1 (and nothing else) learn onto a fixed_point_lif target with a whole-number
 * weight_scale, the engine delivers the learned integers (reference and wasm alike), and
 * `layoutCore` writes the rule's fields, the integer weights and the delivered weights, asks for
 * the ONLINE_O1 build, and names what the core cannot hold. (The RTL's equality with the
 * engine is tests/hdl/core-cosim-o1.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import { capacityFor, memoryBits } from '../../../src/hdl/core-capacity.ts';
import {
  O1_DELIVERED_MAX,
  PRJ_FIELDS,
  layoutCore,
  o1Delivered,
} from '../../../src/hdl/core-images.ts';
import { exportRefusals } from '../../../src/hdl/core-refusals.ts';
import { validateDocument, type NetworkDocument } from '../../../src/model/index.ts';
import { randomO1Network } from '../../hdl/core-networks.ts';

/** A generator driving one 16-bit fixed-point neuron through a learning projection. */
function learningDoc(plasticity: Record<string, unknown>, totalBits = 16): unknown {
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'learning onto fixed point',
    populations: [
      {
        id: 'drive',
        model: 'spike_generator',
        size: 3,
        position: { x: 0, y: 0 },
        params: { indices: [0, 1, 2, 0], times: [1, 2, 3, 5], period: 8 },
      },
      {
        id: 'out',
        model: 'fixed_point_lif',
        size: 2,
        position: { x: 0, y: 0 },
        params: {
          total_bits: totalBits,
          fraction_bits: 8,
          scale_bits: 8,
          v_rest: 0,
          v_reset: 0,
          v_threshold: 0.5,
          tau_mem: 10,
          resistance: 1,
          refractory_period: 0,
          bias: 0,
          v_init: { kind: 'constant', value: 0 },
        },
      },
    ],
    projections: [
      {
        id: 'learn',
        source: 'drive',
        target: 'out',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'constant', value: 0.25 },
        delay: { kind: 'constant', steps: 1 },
        synapse: { kind: 'delta' },
        plasticity,
      },
    ],
    stimuli: [],
    probes: [{ id: 'out_spikes', kind: 'spikes', population: 'out' }],
    run: { dt: 1, duration: 40, seed: 3, backend: 'reference' },
  };
}

const O1 = {
  rule: 'online_o1',
  weight_bits: 8,
  trace_bits: 8,
  reward_bits: 8,
  learning_shift: 2,
  trace_decay_shift: 1,
  weight_scale: 4,
  reward: { population: 'out', amount: 3 },
};

function valid(doc: unknown): NetworkDocument {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return result.document;
}

describe('online_o1 onto a fixed_point_lif target (engine)', () => {
  it('validates online_o1 with a whole-number weight_scale, and nothing else there', () => {
    expect(validateDocument(learningDoc(O1)).ok).toBe(true);
    const fraction = validateDocument(learningDoc({ ...O1, weight_scale: 0.5 }));
    expect(fraction.ok).toBe(false);
    if (!fraction.ok) {
      expect(fraction.issues.map((i) => i.path)).toEqual([
        'projections[0].plasticity.weight_scale',
      ]);
      expect(fraction.issues[0]?.message).toMatch(/whole number onto a fixed_point_lif target/);
    }
    const stdp = validateDocument(
      learningDoc({
        rule: 'stdp',
        tau_plus: 10,
        tau_minus: 10,
        a_plus: 0.01,
        a_minus: 0.01,
        w_min: 0,
        w_max: 1,
      }),
    );
    expect(stdp.ok).toBe(false);
    if (!stdp.ok)
      expect(stdp.issues.map((i) => i.message).join('; ')).toMatch(
        /only online_o1 learns.*got stdp/,
      );
  });

  it('delivers integer weights: the initial ones from the quantised weight, per synapse', () => {
    const plan = compile(valid(learningDoc(O1)));
    const pr = plan.projections[0];
    const rule = pr?.plasticity?.rule;
    if (rule?.rule !== 'online_o1') throw new Error('expected online_o1');
    // 0.25 at 8 fraction bits is 64; 64 / 4 = 16 integer steps; delivered 16 * 4.
    expect([...rule.initialWeights]).toEqual(new Array<number>(6).fill(16));
    expect(pr?.csr.weights).toEqual(new Float32Array(6).fill(64));
  });

  it.each([401, 402, 403])(
    'reference and wasm agree on random learning network %i (spikes and synapses)',
    async (seed) => {
      const doc = randomO1Network(seed, 40);
      const learning = doc.projections.filter((p) => p.plasticity?.rule === 'online_o1');
      const plan = compile(doc);
      const probes = [
        ...doc.populations.map((p) => ({
          id: `s_${p.id}`,
          kind: 'spikes' as const,
          population: p.id,
        })),
        ...learning.flatMap((p) =>
          (['w', 'pre_trace', 'post_trace', 'eligibility'] as const).map((variable) => ({
            id: `${p.id}_${variable}`,
            kind: 'synapse' as const,
            projection: p.id,
            variable,
            synapses: Array.from(
              {
                length: plan.projections.find((q) => q.id === p.id)?.csr.targets.length ?? 0,
              },
              (_, e) => e,
            ),
          })),
        ),
      ];
      const run = async (backend: 'reference' | 'wasm') => {
        const sim = await createSimulation({ ...doc, probes }, { backend });
        try {
          return await sim.step(sim.totalSteps);
        } finally {
          sim.dispose();
        }
      };
      const [a, b] = [await run('reference'), await run('wasm')];
      expect(b.spikes).toEqual(a.spikes);
      expect(Object.keys(a.traces).length).toBe(4 * learning.length);
      for (const id of Object.keys(a.traces)) expect(b.traces[id]).toEqual(a.traces[id]);
    },
  );
});

describe('online_o1 in the core images', () => {
  it('writes the rule fields, integer and delivered weights, and asks for ONLINE_O1', () => {
    const doc = valid(learningDoc({ ...O1, weight_bits: 12 }));
    expect(exportRefusals(doc)).toEqual([]);
    const layout = layoutCore(compile(doc));
    expect(layout.problems).toEqual([]);
    const prj = layout.images.prj.slice(0, PRJ_FIELDS);
    expect(prj[11]).toBe(1 + 12 * 2 + 8 * 2 ** 6 + 8 * 2 ** 11 + 2 * 2 ** 16 + 1 * 2 ** 21);
    expect(prj.slice(12, 16)).toEqual([1, 3, 4, 0]);
    expect(layout.images.o1Weight).toEqual(new Array<number>(6).fill(16));
    expect(layout.images.synWeight).toEqual(new Array<number>(6).fill(64));
    expect(layout.needs.onlineO1).toBe(6);
    const capacity = capacityFor(layout.needs);
    expect(capacity.ONLINE_O1).toBe(1);
    expect(memoryBits(capacity).at(-1)).toEqual({
      name: 'OnlineO1 weight, traces and eligibility',
      bits: capacity.SYNMAX * (31 + 3 * 30),
    });
  });

  it('leaves a network without learning as it was (no ONLINE_O1, no integer weights)', () => {
    const { plasticity: _, ...plain } = (
      learningDoc(O1) as { projections: Record<string, unknown>[] }
    ).projections[0]!;
    const doc = valid({ ...(learningDoc(O1) as object), projections: [plain] });
    const layout = layoutCore(compile(doc));
    expect(layout.images.o1Weight).toEqual([]);
    expect(layout.needs.onlineO1).toBeUndefined();
    expect(Object.keys(capacityFor(layout.needs))).not.toContain('ONLINE_O1');
    expect(layout.images.prj.slice(11, 16)).toEqual([0, 0, 0, 0, 0]);
  });

  it('clamps the delivered weight at 2^23 - 1 (it saturates a target of up to 23 bits alike)', () => {
    expect(o1Delivered(100, 3)).toBe(300);
    expect(o1Delivered(2 ** 20, 16)).toBe(O1_DELIVERED_MAX);
  });

  it('names a 24-bit target whose learned weights could pass the clamp', () => {
    const doc = valid(learningDoc({ ...O1, weight_bits: 24, weight_scale: 1 }, 24));
    const layout = layoutCore(compile(doc));
    expect(layout.problems.map((p) => p.path)).toEqual(['projections[0].plasticity']);
    expect(layout.problems[0]?.message).toMatch(
      /can deliver 16777215 .* into a 24-bit fixed_point_lif target.*at most 8388607/,
    );
  });
});
