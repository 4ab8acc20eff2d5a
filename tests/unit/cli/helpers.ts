/**
 * Shared pieces of the CLI tests: an in-process `CliIo` that captures output, temporary
 * files, and a tiny network whose every spike can be worked out by hand.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  /** Files written through `io.writeFile`, read back from disk. */
  dir: string;
}

/** A fresh temporary directory for one test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'spikelab-cli-'));
}

/** Writes `value` (JSON-encoded unless it is a string) to `dir/name` and returns the name. */
export function writeInput(dir: string, name: string, value: unknown): string {
  writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  return name;
}

/** Reads a file the CLI wrote. */
export function readOutput(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

/** Runs `main(argv)` in-process with `dir` as the working directory. */
export async function runCli(argv: string[], dir: string, stderrIsTTY = false): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stderrIsTTY,
    cwd: dir,
    writeFile: (path, text) => {
      writeFileSync(path, text);
      return Promise.resolve();
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, dir };
}

/**
 * Two spike-generator neurons fire at 0.3, 0.5 and 1.2 ms (steps 3, 5, 12 at dt 0.1); each
 * drives one LIF neuron (one_to_one) through a delta synapse of weight 2. Delivery at step t
 * lifts V from 0 to 2 after that step's threshold test; at step t+1 V = 2 - 2*0.01 = 1.98 >= 1,
 * so the LIF neuron spikes one step later (0.4, 0.6, 1.3 ms) and resets to 0. No leak acts on
 * V = 0 (v_rest 0), so V is exactly 0 except for the one step it holds 2.
 */
export function tinyNetwork(): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'tiny',
    populations: [
      {
        id: 'gen',
        size: 2,
        position: { x: 0, y: 0 },
        model: 'spike_generator',
        params: { indices: [0, 1, 0], times: [0.3, 0.5, 1.2], period: 0 },
      },
      {
        id: 'lif',
        size: 2,
        position: { x: 200, y: 0 },
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
      },
    ],
    projections: [
      {
        id: 'drive',
        source: 'gen',
        target: 'lif',
        connectivity: { rule: 'one_to_one' },
        weight: { kind: 'constant', value: 2 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'delta' },
      },
    ],
    stimuli: [],
    probes: [
      { id: 'gen_spikes', kind: 'spikes', population: 'gen' },
      { id: 'lif_spikes', kind: 'spikes', population: 'lif' },
      { id: 'lif_v', kind: 'state', population: 'lif', variable: 'v', neurons: [0, 1] },
      { id: 'gen_rate', kind: 'rate', population: 'gen', bin: 1 },
    ],
    run: { dt: 0.1, duration: 2, seed: 7, backend: 'reference' },
  };
}

/** 50 Poisson sources at 200 Hz for 100 steps: about 100 spikes, different for every seed. */
export function poissonNetwork(): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'poisson',
    populations: [
      { id: 'src', size: 50, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 200 } },
    ],
    projections: [],
    stimuli: [],
    probes: [{ id: 'src_spikes', kind: 'spikes', population: 'src' }],
    run: { dt: 0.1, duration: 10, seed: 1, backend: 'reference' },
  };
}

/** A stack trace line, which no user-facing message may contain. */
export const STACK_LINE = /\n\s+at /;
