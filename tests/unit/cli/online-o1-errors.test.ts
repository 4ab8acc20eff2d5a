/**
 * `spikelab online-o1` on bad input: every problem named by its JSON path, exit status 2,
 * nothing on stdout, never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { STACK_LINE, runCli, tempDir, writeInput } from './helpers.ts';

const CONFIG = {
  weight_bits: 8,
  trace_bits: 4,
  reward_bits: 4,
  learning_shift: 1,
  trace_decay_shift: 2,
};

/** Runs the command on `content` and returns the stderr lines after the first, checked. */
async function problems(content: unknown): Promise<string[]> {
  const dir = tempDir();
  writeInput(dir, 's.json', content);
  const result = await runCli(['online-o1', 's.json'], dir);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(STACK_LINE);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(
    /^spikelab: 's\.json' is not a valid online-o1 stream \(\d+ problems?\):$/,
  );
  return lines.slice(1);
}

describe('spikelab online-o1 errors', () => {
  it('names malformed JSON by line and column', async () => {
    expect(await problems('{"config": {},\n  "stream": [1,]}')).toEqual([
      '(file): is not valid JSON: line 2, column 16: expected a value',
    ]);
  });

  it('refuses a file that is not an object', async () => {
    expect(await problems([1, 2])).toEqual([
      '(file): must be an object {"config", "initial_weight", "stream"}, got [1,2]',
    ]);
  });

  it('names missing and unknown top-level fields', async () => {
    expect(await problems({ initial_weigth: 3 })).toEqual([
      'initial_weigth: is not a field of a stream file (fields: config, initial_weight, stream)',
      'config: is missing (an object with weight_bits, trace_bits, reward_bits, learning_shift, trace_decay_shift)',
      'initial_weight: is missing (an integer)',
      'stream: is missing (an array of [pre, post, reward])',
    ]);
  });

  it('names each bad config field, out of range or not an integer', async () => {
    expect(
      await problems({
        config: { ...CONFIG, weight_bits: 32, trace_bits: 2.5, learning_shift: '1' },
        initial_weight: 0,
        stream: [],
      }),
    ).toEqual([
      'config.weight_bits: must be an integer in 1..31, got 32',
      'config.trace_bits: must be an integer in 2..30, got 2.5',
      'config.learning_shift: must be an integer in 0..30, got "1"',
    ]);
    expect(await problems({ config: 5, initial_weight: 0, stream: [] })).toEqual([
      'config: must be an object, got 5',
    ]);
    expect(
      await problems({
        config: { ...CONFIG, trace_bits: 30, reward_bits: 3 },
        initial_weight: 0,
        stream: [],
      }),
    ).toEqual([
      'config.reward_bits: must be at most 2 with trace_bits 30 (reward_bits + trace_bits <= 32, so that reward * eligibility fits a 32-bit integer), got 3',
    ]);
  });

  it('names bad steps by index: spikes not 0/1/booleans, non-integer rewards, wrong shapes', async () => {
    expect(
      await problems({
        config: CONFIG,
        initial_weight: 1.5,
        stream: [
          [0, 0, 0],
          [2, 0, 0],
          [0, 'yes', 0],
          [0, 0, 0.25],
          [0, 0],
          'step',
          [null, 1, null],
        ],
      }),
    ).toEqual([
      'initial_weight: must be an integer, got 1.5',
      'stream[1][0]: the pre spike must be 0, 1, true or false, got 2',
      'stream[2][1]: the post spike must be 0, 1, true or false, got "yes"',
      'stream[3][2]: the reward must be an integer, got 0.25',
      'stream[4]: must be [pre, post, reward], got [0,0]',
      'stream[5]: must be [pre, post, reward], got "step"',
      'stream[6][0]: the pre spike must be 0, 1, true or false, got null',
      'stream[6][2]: the reward must be an integer, got null',
    ]);
    expect(await problems({ config: CONFIG, initial_weight: 0, stream: { 0: [0, 0, 0] } })).toEqual(
      ['stream: must be an array of [pre, post, reward], got {"0":[0,0,0]}'],
    );
  });

  it('lists the first 20 problems and counts the rest', async () => {
    const lines = await problems({
      config: CONFIG,
      initial_weight: 0,
      stream: Array.from({ length: 25 }, () => [0, 0, 'x']),
    });
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe('stream[19][2]: the reward must be an integer, got "x"');
    expect(lines[20]).toBe('... and 5 more');
  });

  it('reports a missing file, a missing argument and an extra one', async () => {
    const dir = tempDir();
    expect(await runCli(['online-o1', 'none.json'], dir)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "spikelab: cannot read 'none.json': no such file\n",
    });
    expect((await runCli(['online-o1'], dir)).stderr).toBe(
      "spikelab: missing STREAM.json (usage: see 'spikelab online-o1 --help')\n",
    );
    expect((await runCli(['online-o1', 'a.json', 'b.json'], dir)).stderr).toBe(
      "spikelab: unexpected argument 'b.json' (see 'spikelab online-o1 --help')\n",
    );
    expect((await runCli(['online-o1', 'a.json', '--fast'], dir)).code).toBe(2);
  });
});
