/**
 * Networks and runners shared by the Brian2 export tests: a deterministic network that touches
 * every exported model and synapse kind, Spikelab's run of a document, and the exported
 * script's run under Debian's Brian2 (`/usr/bin/python3`, or `SPIKELAB_PYTHON`).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../../../src/engine/compile/index.ts';
import { executeDocument } from '../../../src/cli/run/execute.ts';
import { buildRunOutput, type RunOutput } from '../../../src/cli/run/json-output.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/validate.ts';
import { exportBrian2 } from '../../../src/model/interchange/brian2/index.ts';

/** Validates (filling defaults) or throws with the issues. */
export function valid(doc: unknown): NetworkDocument {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.document;
}

const lif = (bias: number, low: number, high: number) => ({
  v_rest: -65,
  v_reset: -70,
  v_threshold: -50,
  tau_mem: 10,
  resistance: 1,
  noise_std: 0,
  refractory_period: 2,
  bias,
  v_init: { kind: 'uniform', low, high },
});

/**
 * No noise, constant currents: a driven LIF population (bias and a current step) feeding a
 * second LIF by a delayed delta projection and an exponential one, a periodic generator, an
 * Izhikevich and an AdEx population driven by exponential currents, 60 ms at dt 0.1 ms.
 */
export function deterministicDocument(): NetworkDocument {
  return valid({
    format: 'spikelab-network',
    version: 1,
    name: 'deterministic brian2 check',
    populations: [
      {
        id: 'drive',
        model: 'stochastic_lif',
        size: 5,
        position: { x: 0, y: 0 },
        params: lif(17, -70, -52),
      },
      {
        id: 'gen',
        model: 'spike_generator',
        size: 3,
        position: { x: 0, y: 0 },
        params: { indices: [0, 1, 2, 0], times: [1, 2.5, 4, 7.3], period: 9 },
      },
      {
        id: 'lif',
        model: 'stochastic_lif',
        size: 4,
        position: { x: 0, y: 0 },
        params: lif(12, -66, -60),
      },
      {
        id: 'izh',
        model: 'izhikevich',
        size: 3,
        position: { x: 0, y: 0 },
        params: {
          a: 0.02,
          b: 0.2,
          c: -65,
          d: 8,
          bias: 4,
          noise_std: 0,
          v_init: { kind: 'uniform', low: -70, high: -60 },
        },
      },
      {
        id: 'adex',
        model: 'adex',
        size: 4,
        position: { x: 0, y: 0 },
        params: {
          c: 281,
          g_l: 30,
          e_l: -70.6,
          v_t: -50.4,
          delta_t: 2,
          v_peak: 0,
          v_reset: -70.6,
          tau_w: 144,
          a: 4,
          b: 80.5,
          refractory_period: 1,
          bias: 600,
          noise_std: 0,
          v_init: { kind: 'uniform', low: -71, high: -65 },
        },
      },
    ],
    projections: [
      {
        id: 'delta',
        source: 'drive',
        target: 'lif',
        connectivity: { rule: 'fixed_probability', p: 0.6, allow_self: true },
        weight: { kind: 'uniform', low: 1, high: 4 },
        delay: { kind: 'constant', steps: 7 },
        synapse: { kind: 'delta' },
      },
      {
        id: 'expo',
        source: 'gen',
        target: 'lif',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'constant', value: 6 },
        delay: { kind: 'uniform_int', low: 0, high: 12 },
        synapse: { kind: 'exponential', tau: 4 },
      },
      {
        id: 'to_izh',
        source: 'drive',
        target: 'izh',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'constant', value: 3 },
        delay: { kind: 'constant', steps: 2 },
        synapse: { kind: 'exponential', tau: 3 },
      },
      {
        id: 'to_adex',
        source: 'lif',
        target: 'adex',
        connectivity: { rule: 'one_to_one' },
        weight: { kind: 'constant', value: 150 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'exponential', tau: 5 },
      },
    ],
    stimuli: [
      { id: 'pulse', kind: 'current_step', target: 'lif', start: 20, stop: 35.05, amplitude: 4 },
    ],
    probes: ['drive', 'gen', 'lif', 'izh', 'adex']
      .map((p) => ({ id: `${p}_spikes`, kind: 'spikes', population: p }))
      .concat([
        { id: 'lif_v', kind: 'state', population: 'lif', variable: 'v', neurons: [0, 3] } as never,
      ]),
    run: { dt: 0.1, duration: 60, seed: 7, backend: 'reference' },
  });
}

/** Spikelab's run of `doc` on `backend`, in `spikelab run`'s JSON layout. */
export async function runSpikelab(
  doc: NetworkDocument,
  backend: 'reference' | 'wasm',
): Promise<RunOutput> {
  const { recording } = await executeDocument(doc, { chunkSteps: 5000, backend });
  return buildRunOutput(doc, recording, {
    backend,
    seed: doc.run.seed,
    network: doc.name,
    spikelab_version: 'test',
  });
}

/** The exported script of `doc`. */
export function scriptOf(doc: NetworkDocument): string {
  return exportBrian2(doc, compile(doc), { version: 'test' });
}

const PYTHON = process.env.SPIKELAB_PYTHON ?? '/usr/bin/python3';

/** Runs the exported script of `doc` under Brian2 (numpy) and parses what it writes. */
export async function runBrian2(doc: NetworkDocument): Promise<RunOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'spikelab-brian2-test-'));
  try {
    const script = join(dir, 'net.py');
    const out = join(dir, 'out.json');
    writeFileSync(script, scriptOf(doc));
    await new Promise<void>((done, fail) => {
      execFile(
        PYTHON,
        [script, out],
        { timeout: 120_000, maxBuffer: 2 ** 24 },
        (error, _stdout, stderr) => {
          if (error === null) done();
          else
            fail(new Error(`${PYTHON} ${script} failed: ${error.message}\n${stderr.slice(-3000)}`));
        },
      );
    });
    return JSON.parse(readFileSync(out, 'utf8')) as RunOutput;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
