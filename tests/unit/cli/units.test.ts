/** The CLI's small pieces: option parsing, number formatting, progress, Brian2 output parsing. */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args.ts';
import { parseScriptOutput } from '../../../src/cli/bench/brian2.ts';
import { median } from '../../../src/cli/bench/measure.ts';
import type { CliIo } from '../../../src/cli/io.ts';
import { groupDigits, shortestFloat32, stepTime } from '../../../src/cli/numbers.ts';
import { createProgress } from '../../../src/cli/run/progress.ts';

const SPECS = [
  { name: 'steps', help: '' },
  { name: 'json', isSwitch: true, help: '' },
];

describe('parseArgs', () => {
  it('reads --name value, --name=value, switches, positionals and --', () => {
    const parsed = parseArgs(['a.json', '--steps', '5', '--json', '--', '--b'], SPECS, 'run');
    expect([...parsed.options]).toEqual([
      ['steps', '5'],
      ['json', true],
    ]);
    expect(parsed.positionals).toEqual(['a.json', '--b']);
    expect(parseArgs(['--steps=7'], SPECS, 'run').options.get('steps')).toBe('7');
  });

  it('notes --help and -h without failing on the rest', () => {
    expect(parseArgs(['-h'], SPECS, 'run').help).toBe(true);
    expect(parseArgs(['x', '--help'], SPECS, 'run').help).toBe(true);
  });

  it('rejects a value given to a switch', () => {
    expect(() => parseArgs(['--json=yes'], SPECS, 'run')).toThrow("option '--json' takes no value");
  });
});

describe('numbers', () => {
  it('stepTime removes the noise of step*dt', () => {
    expect(3 * 0.1).not.toBe(0.3);
    expect(stepTime(3, 0.1)).toBe(0.3);
    expect(stepTime(7, 0.1)).toBe(0.7);
    expect(stepTime(9_999_999, 0.1)).toBe(999_999.9);
    expect(stepTime(5, 0.025)).toBe(0.125);
  });

  it('shortestFloat32 prints the fewest digits that read back as the same float32', () => {
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(-59.99))).toBe(-59.99);
    const awkward = Math.fround(1 / 3);
    expect(Math.fround(shortestFloat32(awkward))).toBe(awkward);
    expect(shortestFloat32(awkward)).toBe(0.33333334);
    expect(shortestFloat32(0)).toBe(0);
    expect(shortestFloat32(-Infinity)).toBe(-Infinity);
  });

  it('groupDigits separates thousands', () => {
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(groupDigits(999)).toBe('999');
  });

  it('median takes the middle value or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('progress', () => {
  function io(isTTY: boolean): CliIo & { err: string[] } {
    const err: string[] = [];
    return {
      err,
      stdout: () => undefined,
      stderr: (t) => void err.push(t),
      stderrIsTTY: isTTY,
      cwd: '.',
      writeFile: () => Promise.resolve(),
    };
  }

  it('draws on a terminal only after a second, then erases its line', () => {
    let now = 0;
    const tty = io(true);
    const progress = createProgress(tty, 100, () => now);
    progress.update(10);
    expect(tty.err).toEqual([]);
    now = 1500;
    progress.update(50);
    progress.finish();
    expect(tty.err).toEqual(['\rspikelab: step 50/100 (50%)', '\r\x1b[K']);
  });

  it('never writes when stderr is not a terminal', () => {
    let now = 0;
    const pipe = io(false);
    const progress = createProgress(pipe, 100, () => now);
    now = 5000;
    progress.update(50);
    progress.finish();
    expect(pipe.err).toEqual([]);
  });
});

describe('parseScriptOutput', () => {
  it('reads the JSON line of scripts/brian2_cuba.py in ms', () => {
    const line = JSON.stringify({
      loop_s: [0.15, 0.14, 0.16],
      median_loop_s: 0.15,
      spikes: [22463, 22463, 22463],
      synapses: 319792,
      synaptic_events: 1801466,
      build_s: 10,
      brian2_version: '2.5.1',
    });
    expect(parseScriptOutput(line)).toEqual({
      version: '2.5.1',
      runsMs: [150, 140, 160],
      medianMs: 150,
      spikes: 22463,
      synapses: 319792,
      synapticEvents: 1801466,
      buildS: 10,
    });
  });

  it('refuses output that lacks a field', () => {
    expect(parseScriptOutput('{"loop_s": [0.1]}')).toBeUndefined();
    expect(parseScriptOutput('Traceback (most recent call last):')).toBeUndefined();
  });
});
