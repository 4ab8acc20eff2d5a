/**
 * Every kind of bad input: a non-zero status (2 for the command line or the input, 1 for a
 * failed run), a message that says what is wrong, nothing on stdout and never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { STACK_LINE, runCli, tempDir, tinyNetwork, writeInput } from './helpers.ts';

interface Case {
  name: string;
  argv: string[];
  /** Files to create first: name -> content (objects are JSON-encoded). */
  files?: Record<string, unknown>;
  code: number;
  message: RegExp;
}

function withLifParams(params: Record<string, number>): NetworkDocument {
  const doc = tinyNetwork();
  const lif = doc.populations[1];
  if (lif?.model !== 'stochastic_lif') throw new Error('tiny network changed');
  lif.params = { ...lif.params, ...params };
  return doc;
}

const CASES: Case[] = [
  { name: 'no command', argv: [], code: 2, message: /Usage: spikelab COMMAND/ },
  {
    name: 'unknown command',
    argv: ['frob'],
    code: 2,
    message: /^spikelab: unknown command 'frob'/,
  },
  {
    name: 'missing file argument',
    argv: ['run'],
    code: 2,
    message: /^spikelab: missing NETWORK\.json/,
  },
  {
    name: 'extra argument',
    argv: ['run', 'a.json', 'b.json'],
    code: 2,
    message: /unexpected argument 'b\.json'/,
  },
  {
    name: 'missing file',
    argv: ['run', 'nope.json'],
    code: 2,
    message: /^spikelab: cannot read 'nope\.json': no such file\n$/,
  },
  {
    name: 'directory instead of a file',
    argv: ['run', '.'],
    code: 2,
    message: /^spikelab: cannot read '\.': it is a directory/,
  },
  {
    name: 'malformed JSON',
    argv: ['run', 'bad.json'],
    files: { 'bad.json': '{"format": "spikelab-network",' },
    code: 2,
    message: /\n\(file\): is not valid JSON: line 1, column \d+/,
  },
  {
    name: 'schema errors, one per line as path: message',
    argv: ['run', 'net.json'],
    files: { 'net.json': withLifParams({ tau_mem: -5, v_threshold: Number.NaN }) },
    code: 2,
    message:
      /^spikelab: 'net\.json' is not a valid network document \(\d+ problems?\):\n(.*\n)*populations\[1\]\.params\.tau_mem: must be > 0, got -5\n/,
  },
  {
    name: 'unknown flag',
    argv: ['run', 'net.json', '--bogus'],
    code: 2,
    message: /unknown option '--bogus'/,
  },
  {
    name: 'single-dash flag',
    argv: ['run', 'net.json', '-x'],
    code: 2,
    message: /unknown option '-x'/,
  },
  {
    name: 'flag without value',
    argv: ['run', 'net.json', '--steps'],
    code: 2,
    message: /'--steps' needs a value/,
  },
  {
    name: 'fractional --steps',
    argv: ['run', 'net.json', '--steps', '1.5'],
    code: 2,
    message: /--steps must be an integer >= 1, got '1\.5'/,
  },
  {
    name: 'negative --duration',
    argv: ['run', 'net.json', '--duration=-3'],
    code: 2,
    message: /--duration must be a number > 0, got '-3'/,
  },
  {
    name: 'non-numeric --duration',
    argv: ['run', 'net.json', '--duration', '1e'],
    code: 2,
    message: /--duration must be a number > 0, got '1e'/,
  },
  {
    name: '--seed out of range',
    argv: ['run', 'net.json', '--seed', '4294967296'],
    code: 2,
    message: /--seed must be an integer in 0\.\.4294967295/,
  },
  {
    name: 'unknown --backend',
    argv: ['run', 'net.json', '--backend', 'cuda'],
    code: 2,
    message: /--backend must be one of auto, reference/,
  },
  {
    name: 'unknown --format',
    argv: ['run', 'net.json', '--format', 'xml'],
    code: 2,
    message: /--format must be one of json, csv/,
  },
  {
    name: '--duration with --steps',
    argv: ['run', 'net.json', '--steps', '3', '--duration', '1'],
    code: 2,
    message: /either --duration or --steps/,
  },
  {
    name: 'repeated flag',
    argv: ['run', 'net.json', '--seed', '1', '--seed', '2'],
    code: 2,
    message: /'--seed' is given more than once/,
  },
  {
    name: 'memory budget exceeded',
    argv: ['run', 'net.json', '--memory-budget', '0.00001'],
    code: 2,
    message: /^spikelab: network needs about .* of state, over the budget of 10 B/,
  },
  {
    name: 'backend unavailable here',
    argv: ['run', 'net.json', '--backend', 'webgpu'],
    code: 1,
    message: /^spikelab: backend 'webgpu' is not available here: /,
  },
  {
    name: 'NaN/Inf during the run',
    argv: ['run', 'inf.json', '--backend', 'reference'],
    // bias * resistance * dt overflows float32 to -Infinity in the first step.
    files: { 'inf.json': withLifParams({ bias: -1e38, resistance: 1e38 }) },
    code: 1,
    message: /^spikelab: population 'lif': v of neuron 0 became -Infinity at step 0/,
  },
  {
    name: 'validate: missing file',
    argv: ['validate', 'nope.json'],
    code: 2,
    message: /cannot read 'nope\.json'/,
  },
  {
    name: 'bench: unknown backend',
    argv: ['bench', '--backends', 'cuda'],
    code: 2,
    message: /--backends: unknown backend 'cuda'/,
  },
  {
    name: 'bench: bad size',
    argv: ['bench', '--sizes', '1k'],
    code: 2,
    message: /--sizes: '1k' is not a neuron count/,
  },
];

describe('bad input', () => {
  for (const c of CASES) {
    it(`${c.name}: exit ${c.code} with a clear message`, async () => {
      const dir = tempDir();
      writeInput(dir, 'net.json', tinyNetwork());
      for (const [name, content] of Object.entries(c.files ?? {})) writeInput(dir, name, content);
      const result = await runCli(c.argv, dir);
      expect(result.code).toBe(c.code);
      expect(result.stderr).toMatch(c.message);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stdout).toBe('');
    });
  }
});
