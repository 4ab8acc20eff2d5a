/**
 * `spikelab online-o1 STREAM.json` on files: the printed rows are the hand-worked trace of
 * tests/unit/engine/online-o1.test.ts (the arithmetic is written out there), the format is one
 * row per line, and the real executable prints the same.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeInput } from './helpers.ts';

const SMALL = {
  weight_bits: 8,
  trace_bits: 4,
  reward_bits: 4,
  learning_shift: 1,
  trace_decay_shift: 2,
};

// The eight steps worked by hand in tests/unit/engine/online-o1.test.ts, with booleans for
// some spikes (the file format accepts 0/1 and true/false alike).
const HAND_STREAM = {
  config: SMALL,
  initial_weight: 100,
  stream: [
    [1, 0, 2],
    [false, true, 2],
    [0, 0, -3],
    [true, 0, 1],
    [0, 0, 3],
    [1, 1, -8],
    [0, 1, 100],
    [0, 0, -100],
  ],
};
const HAND_ROWS = [
  [100, 15, 0, 0],
  [107, 12, 15, 7],
  [98, 9, 12, 6],
  [94, 15, 9, -7],
  [85, 12, 7, -6],
  [73, 15, 15, 3],
  [97, 12, 15, 7],
  [73, 9, 12, 6],
];

describe('spikelab online-o1', () => {
  it('prints [weight, pre_trace, post_trace, eligibility] after every step', async () => {
    const dir = tempDir();
    writeInput(dir, 'stream.json', HAND_STREAM);
    const result = await runCli(['online-o1', 'stream.json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(HAND_ROWS);
    // One row per line, so a testbench log can be compared line by line.
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['[[100,15,0,0],', '[107,12,15,7],']);
    expect(result.stdout.endsWith('[73,9,12,6]]\n')).toBe(true);
  });

  it('saturates the initial weight and accepts rule_family', async () => {
    const dir = tempDir();
    writeInput(dir, 'stream.json', {
      config: { ...SMALL, rule_family: 'reward_modulated_stdp' },
      initial_weight: 1000,
      stream: [[0, 0, 0]],
    });
    const result = await runCli(['online-o1', 'stream.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('[[255,0,0,0]]\n');
  });

  it('prints [] for an empty stream', async () => {
    const dir = tempDir();
    writeInput(dir, 'stream.json', { config: SMALL, initial_weight: 3, stream: [] });
    expect(await runCli(['online-o1', 'stream.json'], dir)).toMatchObject({
      code: 0,
      stdout: '[]\n',
      stderr: '',
    });
  });

  it('writes long streams in pieces that join into one array', async () => {
    const dir = tempDir();
    // 10 000 steps: pre every 3rd step, post every 5th, reward alternating +-1; the rows are
    // checked for shape and bounds here (their values are pinned by the engine tests).
    const stream = Array.from({ length: 10_000 }, (_, t) => [
      t % 3 === 0 ? 1 : 0,
      t % 5 === 0 ? 1 : 0,
      t % 2 === 0 ? 1 : -1,
    ]);
    writeInput(dir, 'long.json', { config: SMALL, initial_weight: 128, stream });
    const result = await runCli(['online-o1', 'long.json'], dir);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as number[][];
    expect(rows).toHaveLength(10_000);
    expect(result.stdout.split('\n')).toHaveLength(10_001);
    for (const [w = -1, pre = -1, post = -1, e = -99] of rows) {
      expect(w >= 0 && w <= 255 && pre >= 0 && pre <= 15 && post >= 0 && post <= 15).toBe(true);
      expect(e >= -8 && e <= 7).toBe(true);
    }
  });

  it('has help naming the file format and the exit statuses', async () => {
    const result = await runCli(['online-o1', '--help'], tempDir());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: spikelab online-o1 STREAM\.json/);
    for (const word of ['initial_weight', 'trace_decay_shift', 'eligibility', 'Exit status']) {
      expect(result.stdout).toContain(word);
    }
    const overview = await runCli(['--help'], tempDir());
    expect(overview.stdout).toContain('  online-o1 ');
  });

  it('runs the same through the real executable', () => {
    const dir = tempDir();
    writeInput(dir, 'stream.json', HAND_STREAM);
    const bin = new URL('../../../bin/spikelab.mjs', import.meta.url).pathname;
    const result = spawnSync(process.execPath, [bin, 'online-o1', 'stream.json'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(HAND_ROWS);
  });
});
