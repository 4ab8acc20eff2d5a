/**
 * Loihi learning in the engine (CONTEXT.md step 5d) beyond the brian2-loihi vectors: the rule
 * compiled to postfix, the learning plan, synapse-probe refusals, the memory estimate, a run
 * worked by hand on the reference backend, reset and chunking, and the backends that refuse.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { createGpuBackend } from '../../../src/engine/backends/gpu/index.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { refuseLoihiLearning } from '../../../src/engine/backends/supported-models.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { compileRuleProgram } from '../../../src/engine/compile/loihi-learning-plan.ts';
import {
  LOIHI_LEARNING_BYTES_PER_SYNAPSE,
  estimateMemory,
} from '../../../src/engine/compile/memory-estimate.ts';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import { RULE_OP } from '../../../src/engine/plan-loihi.ts';
import { LOIHI_LEARN_STREAM, streamKey } from '../../../src/engine/random.ts';
import type {
  LoihiSynapse,
  NetworkDocument,
  Probe,
  SynapseVariable,
} from '../../../src/model/document.ts';
import type { LoihiRuleExpr } from '../../../src/model/loihi-rule-ast.ts';

const num = (value: number): LoihiRuleExpr => ({ op: 'num', value });
const v = (name: 'x0' | 'x1' | 'y0' | 'y1' | 'w'): LoihiRuleExpr => ({ op: 'var', name });

describe('compileRuleProgram', () => {
  it('emits operands before their operator, left before right', () => {
    // 2^-2*x1 - sign(-w)*y0
    const tree: LoihiRuleExpr = {
      op: 'sub',
      left: { op: 'mul', left: num(0.25), right: v('x1') },
      right: { op: 'mul', left: { op: 'sign', arg: { op: 'neg', arg: v('w') } }, right: v('y0') },
    };
    const p = compileRuleProgram(tree);
    expect(Array.from(p.ops)).toEqual([
      RULE_OP.const,
      RULE_OP.var,
      RULE_OP.mul,
      RULE_OP.var,
      RULE_OP.neg,
      RULE_OP.sign,
      RULE_OP.var,
      RULE_OP.mul,
      RULE_OP.sub,
    ]);
    // x1 is variable 1, w is 17, y0 is 3 (LOIHI_RULE_VARIABLES).
    expect(Array.from(p.args)).toEqual([0.25, 1, 0, 17, 0, 0, 3, 0, 0]);
    expect(p.maxStack).toBe(3);
  });

  it('needs a stack as deep as the right-leaning chain', () => {
    // x0 + (x0 + (x0 + x0)): four operands pushed before the first add.
    const tree: LoihiRuleExpr = {
      op: 'add',
      left: v('x0'),
      right: { op: 'add', left: v('x0'), right: { op: 'add', left: v('x0'), right: v('x0') } },
    };
    expect(compileRuleProgram(tree).maxStack).toBe(4);
  });
});

interface Net {
  dw?: string;
  traces?: LoihiSynapse['traces'];
  mantissa?: number;
  probes?: Probe[];
  duration?: number;
}

const synapseProbe = (variable: SynapseVariable, synapses = [0]): Probe => ({
  id: `s_${variable}`,
  kind: 'synapse',
  projection: 'learn',
  variable,
  synapses,
});

/**
 * gen (fires at 0, 2, 5) -> g through the learning projection `learn` (excitatory, 8 bits:
 * precision 1, so every update is exact); `drive` (fires at 1, 2) makes g spike at 1 and 2.
 * decay_v = decay_I = 4096, so g's v of a step is that step's input.
 */
function network(net: Net): NetworkDocument {
  const synapse: LoihiSynapse = {
    kind: 'loihi',
    w_exp: 0,
    sign_mode: 'excitatory',
    num_weight_bits: 8,
    ...(net.dw !== undefined ? { dw: net.dw } : {}),
    ...(net.traces !== undefined ? { traces: net.traces } : {}),
  };
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'learning',
    populations: [
      {
        id: 'gen',
        model: 'spike_generator',
        size: 1,
        position: { x: 0, y: 0 },
        params: { indices: [0, 0, 0], times: [0, 2, 5], period: 0 },
      },
      {
        id: 'drive',
        model: 'spike_generator',
        size: 1,
        position: { x: 0, y: 0 },
        params: { indices: [0, 0], times: [1, 2], period: 0 },
      },
      {
        id: 'g',
        model: 'loihi',
        size: 1,
        position: { x: 0, y: 0 },
        params: { refractory: 1, threshold_v_mant: 100, decay_v: 4096, decay_I: 4096 },
      },
    ],
    projections: [
      {
        id: 'learn',
        source: 'gen',
        target: 'g',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'constant', value: net.mantissa ?? 10 },
        delay: { kind: 'constant', steps: 0 },
        synapse,
      },
      {
        id: 'drive_g',
        source: 'drive',
        target: 'g',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'constant', value: 200 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'loihi', w_exp: 0, sign_mode: 'excitatory', num_weight_bits: 8 },
      },
    ],
    stimuli: [],
    probes: [
      { id: 'g_spikes', kind: 'spikes', population: 'g' },
      { id: 'g_v', kind: 'state', population: 'g', variable: 'v', neurons: [0] },
      { id: 'g_i', kind: 'state', population: 'g', variable: 'i_syn', neurons: [0] },
      ...(net.probes ?? []),
    ],
    run: { dt: 1, duration: net.duration ?? 7, seed: 3, backend: 'reference' },
  };
}

async function runReference(
  doc: NetworkDocument,
  chunks: number[] = [doc.run.duration],
): Promise<Chunk[]> {
  const runner = await createReferenceBackend(compile(doc));
  const out: Chunk[] = [];
  for (const n of chunks) out.push(await runner.run(n));
  return out;
}

const values = (chunk: Chunk | undefined, id: string): number[] =>
  Array.from(chunk?.traces[id]?.values ?? []);

describe('the learning plan', () => {
  it('is absent without a rule or traces, present with either', () => {
    expect(compile(network({})).projections[0]?.learning).toBeUndefined();
    const onlyTrace = compile(network({ traces: { y2: { impulse: 3, tau: 4 } } }));
    const learning = onlyTrace.projections[0]?.learning;
    expect(learning?.rule).toBeNull();
    expect(Array.from(learning?.impulse ?? [])).toEqual([0, 0, 0, 3, 0]);
    expect(Array.from(learning?.tau ?? [])).toEqual([0, 0, 0, 4, 0]);
    expect(onlyTrace.projections[1]?.learning).toBeUndefined();
  });

  it('holds the precision, range, mantissas and stream keys', () => {
    const doc = network({ dw: 'x0-y0', mantissa: 37 });
    const proj = doc.projections[0];
    if (proj?.synapse.kind !== 'loihi') throw new Error('fixture');
    proj.synapse = { ...proj.synapse, sign_mode: 'mixed', num_weight_bits: 5, w_exp: -2 };
    const learning = compile(doc).projections[0]?.learning;
    // mixed, 5 bits: 2^(8 - (5 - 1)) = 16.
    expect(learning?.precision).toBe(16);
    expect([learning?.wLow, learning?.wHigh, learning?.wExp]).toEqual([-256, 254, -2]);
    expect(Array.from(learning?.mantissas ?? [])).toEqual([37]);
    const keys = [0, 1, 2, 3, 4, 5].map((k) => streamKey(3, 0, LOIHI_LEARN_STREAM + k));
    expect(Array.from(learning?.randomKeys ?? [])).toEqual(keys);
    expect(learning?.rule?.ops.length).toBe(3);
  });

  it('refuses a rule that does not parse with the parser message', () => {
    expect(() => compile(network({ dw: 'x0/2' }))).toThrow(
      /projection 'learn': learning rule dw 'x0\/2': Division is not allowed\./,
    );
  });

  it('refuses synapse probes on a projection without learning or past its synapses', () => {
    const noLearning = network({ probes: [synapseProbe('w')] });
    expect(() => compile(noLearning)).toThrow(
      /probe 's_w': projection 'learn' has no Loihi learning rule or traces/,
    );
    const past = network({ dw: 'x0', probes: [synapseProbe('w', [0, 1])] });
    expect(() => compile(past)).toThrow(
      /probe 's_w': synapse 1 does not exist; projection 'learn' has 1 synapse \(0\.\.0\)/,
    );
  });

  it('counts the learning state in the memory estimate and the plan', () => {
    const plain = network({});
    const learning = network({ dw: 'x0' });
    const a = estimateMemory(plain).projections[0];
    const b = estimateMemory(learning).projections[0];
    expect((b?.bytesPerSynapse ?? 0) - (a?.bytesPerSynapse ?? 0)).toBe(
      LOIHI_LEARNING_BYTES_PER_SYNAPSE,
    );
    expect(compile(learning).estimatedBytes - compile(plain).estimatedBytes).toBe(
      LOIHI_LEARNING_BYTES_PER_SYNAPSE,
    );
  });
});

describe('step 5d on the reference backend, worked by hand', () => {
  // Pre events at 0, 2, 5; g spikes at 1 and 2, so post events (y0) at 2 and 3.
  // dw = 2*x0 - 3*y0 + x1*y0 - 2^-1*y1*x0, x1 impulse 5 tau 1, y1 impulse 8 tau 2 (y1 after
  // the impulses of 2, 3: 8 -> 4, 4 + 8 = 12 -> 6 -> 3, all exact until step 5's decay):
  //   t=0: 2 -> w 12;  t=2: 2 - 3 + 5 - 4 = 0 -> w 12;  t=3: -3 -> w 9;
  //   t=5: 2 - 1.5 = 0.5, ceil -> 1, w 10.
  const doc = network({
    dw: '2*x0 - 3*y0 + x1*y0 - 2^-1*y1*x0',
    traces: { x1: { impulse: 5, tau: 1 }, y1: { impulse: 8, tau: 2 } },
    probes: [synapseProbe('w'), synapseProbe('w_act'), synapseProbe('x1'), synapseProbe('y1')],
    duration: 6,
  });

  it('updates w, w_act and the traces step by step', async () => {
    const [chunk] = await runReference(doc);
    expect(values(chunk, 's_w')).toEqual([12, 12, 12, 9, 9, 10]);
    expect(values(chunk, 's_w_act')).toEqual([12, 12, 12, 9, 9, 10].map((w) => w * 64));
    // Traces are sampled after the pre impulses and before the post ones, as brian2-loihi's
    // monitors read them: x1 shows the step's impulse, y1 the value left by the last decay.
    expect(values(chunk, 's_x1')).toEqual([5, 0, 5, 0, 0, 5]);
    expect(values(chunk, 's_y1')).toEqual([0, 0, 0, 4, 6, 3]);
    expect(Array.from(chunk?.traces.s_w?.steps ?? [])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('delivers the actual weight as it was before the step', async () => {
    const [chunk] = await runReference(doc);
    // Step 0 delivers the initial 10 * 64, step 2 the 12 * 64 learned at step 0 (plus the
    // drive's 200 * 64), step 5 the 9 * 64 left after step 3.
    expect(values(chunk, 'g_i')).toEqual([640, 12800, 13568, 0, 0, 576]);
    expect(values(chunk, 'g_v')).toEqual([640, 0, 0, 0, 0, 576]);
    expect(Array.from(chunk?.spikes.g?.steps ?? [])).toEqual([1, 2]);
  });

  it('repeats the run after reset and in any chunking', async () => {
    const runner = await createReferenceBackend(compile(doc));
    const first = await runner.run(6);
    await runner.reset();
    const again = await runner.run(6);
    expect(values(again, 's_w')).toEqual(values(first, 's_w'));
    const parts = await runReference(doc, [2, 3, 1]);
    expect(parts.flatMap((c) => values(c, 's_w'))).toEqual(values(first, 's_w'));
    expect(parts.flatMap((c) => values(c, 's_y1'))).toEqual(values(first, 's_y1'));
  });
});

describe('backends without step 5d', () => {
  it('refuse a plan with learning or a synapse probe, naming it', () => {
    const plan = compile(network({ dw: 'x0' }));
    expect(() => refuseLoihiLearning('webgl2', plan)).toThrow(BackendUnavailableError);
    expect(() => refuseLoihiLearning('webgl2', plan)).toThrow(
      "backend 'webgl2' is not available here: projection 'learn': Loihi learning (traces, dw) " +
        'runs on the reference and wasm backends',
    );
    expect(() => refuseLoihiLearning('cpu', compile(network({})))).not.toThrow();
  });

  it('include the gpu backend on every mode, for a rule or only a synapse probe', async () => {
    const withRule = compile(network({ dw: 'x0' }));
    for (const mode of ['cpu', 'webasm'] as const) {
      await expect(createGpuBackend(withRule, mode)).rejects.toThrow(BackendUnavailableError);
    }
    // A probe alone cannot exist without learning (compile refuses it), so strip the learning
    // from a compiled plan to see the probe named.
    const probed = compile(network({ dw: 'x0', probes: [synapseProbe('w')] }));
    const projections = probed.projections.map(({ learning: _, ...rest }) => rest);
    await expect(createGpuBackend({ ...probed, projections }, 'auto')).rejects.toThrow(
      /synapse probe 's_w': Loihi learning \(traces, dw\) runs on the reference and wasm/,
    );
  });
});
