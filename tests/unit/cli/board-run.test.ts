/**
 * `spikelab board run --virtual`: the host's real USB, MPSSE, JTAG and bridge code against the
 * demo board (a virtual PYNQ-Z2 whose core is the TypeScript twin of spikelab_core.v), beside
 * the engine: bit-exact on the two hardware examples, an `--out` file whose spikes and rates
 * are `spikelab run --out`'s, the final state as the engine's probes of the last step, and the
 * refusals (a network too large names what fits, a float LIF population is named).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWeights, describeWeights } from '../../../src/cli/board/board-weights.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { learningFixedPointHw } from '../usb/virtual-core-o1-run.ts';
import { readOutput, runCli, tempDir, writeInput } from './helpers.ts';

const example = (name: string): NetworkDocument =>
  JSON.parse(
    readFileSync(join(process.cwd(), `public/examples/${name}.json`), 'utf8'),
  ) as NetworkDocument;

/** The engine's v and i_syn of every neuron of `population` at the last step. */
async function engineFinalState(doc: NetworkDocument, population: string) {
  const size = doc.populations.find((p) => p.id === population)?.size ?? 0;
  const neurons = Array.from({ length: size }, (_, j) => j);
  const probes = (['v', 'i_syn'] as const).map((variable) => ({
    id: variable,
    kind: 'state' as const,
    population,
    variable,
    neurons,
  }));
  const sim = await createSimulation({ ...doc, probes }, { backend: 'reference' });
  try {
    const chunk = await sim.step(sim.totalSteps);
    const last = (id: string) =>
      Array.from(chunk.traces[id]?.values.subarray((sim.totalSteps - 1) * size) ?? []);
    return { v: last('v'), i_syn: last('i_syn') };
  } finally {
    sim.dispose();
  }
}

describe('spikelab board run --virtual', () => {
  it('fixed-point-hw: bit-exact, and --out is spikelab run --out for spikes and rates', async () => {
    const dir = tempDir();
    const path = writeInput(dir, 'net.json', example('fixed-point-hw'));
    const board = await runCli(
      ['board', 'run', path, '--virtual', '--out', 'board.json'],
      dir,
      true,
    );
    expect(board.stderr).toContain('load: 100%');
    expect(board.stderr).toContain('run: step 300 of 300');
    expect(board.code, board.stderr).toBe(0);
    expect(board.stdout).toMatch(/core capacity: NMAX 2048, POPMAX 16/);
    expect(board.stdout).toMatch(/ran 300 steps on the board in [\d.]+ s: 425 spikes read back/);
    expect(board.stdout).toContain('engine (reference backend): 425 spikes');
    expect(board.stdout).toContain('verdict: bit-exact: all 425 spikes agree');

    const engine = await runCli(['run', path, '--out', 'engine.json'], dir);
    expect(engine.code).toBe(0);
    const got = JSON.parse(readOutput(dir, 'board.json')) as Record<string, unknown>;
    const want = JSON.parse(readOutput(dir, 'engine.json')) as Record<string, unknown>;
    expect(got.spikes).toEqual(want.spikes);
    expect(got.rates).toEqual(want.rates);
    expect(got.meta).toMatchObject({ backend: 'board:virtual', steps: 300, total_spikes: 425 });

    const final = (got.board as { final_state: Record<string, unknown> }).final_state;
    for (const population of ['exc', 'inh']) {
      expect(final[population], population).toEqual(
        await engineFinalState(example('fixed-point-hw'), population),
      );
    }
  });

  it('loihi: bit-exact with --steps, as one JSON object', async () => {
    const dir = tempDir();
    const path = writeInput(dir, 'loihi.json', example('loihi'));
    const out = await runCli(['board', 'run', path, '--virtual', '--steps', '25', '--json'], dir);
    expect(out.code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout) as {
      steps: number;
      verdict: { kind: string; spikes: number };
      engine: { spikes: number };
      run: { spikes: number; spikes_per_s: number };
    };
    expect(report.steps).toBe(25);
    expect(report.verdict).toMatchObject({ kind: 'bit-exact' });
    expect(report.run.spikes).toBe(report.engine.spikes);
    expect(report.run.spikes).toBeGreaterThan(10);
    expect(report.run.spikes_per_s).toBeGreaterThan(0);
  });

  it("a Loihi neuron's overflow is named as the engine's NumericalError would stop there", async () => {
    const doc = example('loihi');
    // 16 sources at once onto one neuron, each at the largest weight: I passes 2^24 at step 3.
    const loud = {
      ...doc,
      populations: doc.populations.map((p) =>
        p.id === 'inputs'
          ? {
              ...p,
              size: 16,
              params: { indices: [...Array(16).keys()], times: Array(16).fill(3), period: 0 },
            }
          : p,
      ),
      projections: doc.projections.map((pr) => ({
        ...pr,
        weight: { kind: 'constant', value: 255 },
        synapse: { kind: 'loihi', w_exp: 7, sign_mode: 'excitatory', num_weight_bits: 8 },
      })),
    };
    const dir = tempDir();
    const out = await runCli(
      ['board', 'run', writeInput(dir, 'loud.json', loud), '--virtual'],
      dir,
    );
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      "population 'loihi': a Loihi neuron's I or v reached 2^24 between steps 0 and 15 on the board",
    );
  });

  it("a network too large for the board's core names what it needs and what fits", async () => {
    const doc = example('fixed-point-hw');
    const big = {
      ...doc,
      populations: doc.populations.map((p) => (p.id === 'exc' ? { ...p, size: 3000 } : p)),
    };
    const dir = tempDir();
    const out = await runCli(['board', 'run', writeInput(dir, 'big.json', big), '--virtual'], dir);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("big.json: the network does not fit the board's core:");
    expect(out.stderr).toContain(
      "the network needs NMAX 4096 (3058 neurons); the board's core holds 2048 neurons",
    );
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('a float LIF population is refused by name before the board is touched', async () => {
    const doc = example('fixed-point-hw');
    const floating = {
      ...doc,
      populations: doc.populations.map((p) =>
        p.id === 'inh'
          ? {
              ...p,
              model: 'stochastic_lif',
              params: {
                v_rest: 0,
                v_reset: 0,
                v_threshold: 1,
                tau_mem: 10,
                resistance: 1,
                noise_std: 0,
                refractory_period: 0,
                bias: 0,
                v_init: { kind: 'constant', value: 0 },
              },
            }
          : p,
      ),
    };
    const dir = tempDir();
    const out = await runCli(
      ['board', 'run', writeInput(dir, 'f.json', floating), '--virtual'],
      dir,
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/f\.json: '.*' cannot run on the board's core:\npopulations\[3\]/);
    expect(out.stderr).toContain("'inh'");
    const missing = await runCli(['board', 'run', '--virtual'], dir);
    expect(missing.stderr).toMatch(/missing NETWORK.json/);
  });
});

describe('spikelab board run --virtual on a network that learns (online_o1)', () => {
  const variables = ['w', 'pre_trace', 'post_trace', 'eligibility'] as const;

  it('bit-exact spikes, final weights equal, --out holds the synapse probes and final_synapses', async () => {
    const doc = learningFixedPointHw();
    const count = compile(doc).projections.find((p) => p.id === 'cue_exc')?.csr.targets.length;
    const synapses = Array.from({ length: count ?? 0 }, (_, e) => e);
    const probed: NetworkDocument = {
      ...doc,
      probes: [
        ...doc.probes,
        ...variables.map((variable) => ({
          id: `cue_${variable}`,
          kind: 'synapse' as const,
          projection: 'cue_exc',
          variable,
          synapses,
        })),
      ],
    };
    const dir = tempDir();
    const path = writeInput(dir, 'learn.json', probed);
    const steps = ['--steps', '150'];
    const board = await runCli(
      ['board', 'run', path, '--virtual', ...steps, '--out', 'b.json'],
      dir,
    );
    expect(board.code, board.stderr).toBe(0);
    expect(board.stdout).toMatch(/core capacity: .*ONLINE_O1 1/);
    expect(board.stdout).toMatch(
      /verdict: bit-exact: all \d+ spikes agree; learned weights equal: all \d+ synapses of 2 learning projections/,
    );

    const engine = await runCli(['run', path, ...steps, '--out', 'e.json'], dir);
    expect(engine.code, engine.stderr).toBe(0);
    type Out = {
      spikes: unknown;
      synapses: Record<string, { t: number[]; values: number[][] }>;
      board: { final_synapses: Record<string, Record<string, number[]>> };
    };
    const got = JSON.parse(readOutput(dir, 'b.json')) as Out;
    const want = JSON.parse(readOutput(dir, 'e.json')) as Out;
    expect(got.spikes).toEqual(want.spikes);
    let learned = false;
    for (const variable of variables) {
      const id = `cue_${variable}`;
      const last = (want.synapses[id]?.values ?? []).map((series) => series.at(-1));
      expect(got.synapses[id]?.t, id).toEqual([want.synapses[id]?.t.at(-1)]);
      expect(
        got.synapses[id]?.values.map((v) => v[0]),
        id,
      ).toEqual(last);
      expect(got.board.final_synapses.cue_exc?.[variable], id).toEqual(last);
      if (variable === 'w') learned = last.some((w, e) => w !== want.synapses[id]?.values[e]?.[0]);
    }
    expect(learned, 'some weight of cue_exc changed during the run').toBe(true);
    expect(Object.keys(got.board.final_synapses).sort()).toEqual(['cue_exc', 'exc_exc']);
  });

  it('the weight verdict names the first synapse that differs', () => {
    const doc = learningFixedPointHw();
    const board = (w: number[]) => [
      { projection: 1, w, weight: [], preTrace: [], postTrace: [], eligibility: [] },
    ];
    expect(compareWeights(doc, { cue_exc: Float32Array.of(48, 64) }, board([48, 64]))).toEqual({
      kind: 'equal',
      synapses: 2,
      projections: 1,
    });
    const differs = compareWeights(doc, { cue_exc: Float32Array.of(48, 64) }, board([48, 80]));
    expect(describeWeights(differs)).toBe(
      "learned weights differ: projection 'cue_exc' synapse 1: the engine 64, the board 80",
    );
    const short = compareWeights(doc, { cue_exc: Float32Array.of(48) }, board([48, 80]));
    expect(describeWeights(short)).toContain('synapse 1: the engine no such synapse, the board 80');
  });
});
