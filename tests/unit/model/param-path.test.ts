import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentJson } from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';
import {
  numericParams,
  paramLabel,
  paramPathProblem,
  ParamPathError,
  readParam,
  writeParam,
} from '../../../src/model/param-path.ts';
import { validDocument } from './helpers.ts';

const EXAMPLES = new URL('../../../public/examples/', import.meta.url);
const files = (
  JSON.parse(readFileSync(new URL('index.json', EXAMPLES), 'utf8')) as { file: string }[]
).map((e) => e.file);

function example(file: string): NetworkDocument {
  const result = parseDocumentJson(readFileSync(new URL(file, EXAMPLES), 'utf8'));
  if (!result.ok) throw new Error(`${file} does not validate`);
  return result.document;
}

describe('parameter paths on every example', () => {
  it.each(files)('%s: every offered number reads, writes and reads back', (file) => {
    const doc = example(file);
    const before = JSON.stringify(doc);
    const paths = numericParams(doc);
    expect(paths.length).toBeGreaterThan(3);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) {
      const value = readParam(doc, path);
      expect(value, path).not.toBeNull();
      const changed = writeParam(doc, path, (value as number) + 0.5);
      expect(readParam(changed, path), path).toBe((value as number) + 0.5);
      // Only that number changed: writing the old value back restores the document.
      expect(JSON.stringify(writeParam(changed, path, value as number))).toBe(before);
      expect(paramLabel(doc, path).length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('offers model parameters, weights, stimuli and run settings but no positions or lists', () => {
    const paths = numericParams(validDocument());
    expect(paths).toContain('populations/exc/params/tau_mem');
    expect(paths).toContain('populations/exc/params/v_init/value');
    expect(paths).toContain('populations/exc/size');
    expect(paths).toContain('projections/input_exc/weight/value');
    expect(paths).toContain('stimuli/step/amplitude');
    expect(paths).toContain('probes/exc_rate/bin');
    expect(paths).toContain('run/duration');
    expect(paths.some((p) => p.includes('position'))).toBe(false);
    expect(paths).not.toContain('version');
    // The spike generator's times and the state probe's neuron indices are plain lists.
    expect(paths.some((p) => p.startsWith('populations/gen/params/times'))).toBe(false);
    expect(paths.some((p) => p.startsWith('probes/exc_v/neurons'))).toBe(false);
  });
});

describe('reading and writing by path', () => {
  it('addresses items by id and plain lists by index', () => {
    const doc = validDocument();
    expect(readParam(doc, 'stimuli/step/amplitude')).toBe(0.5);
    expect(readParam(doc, 'populations/gen/params/times/1')).toBe(2);
    const next = writeParam(doc, 'populations/gen/params/times/1', 7);
    expect(readParam(next, 'populations/gen/params/times/1')).toBe(7);
    expect(readParam(doc, 'populations/gen/params/times/1')).toBe(2);
    // Containers off the path are shared, the ones on it are copies.
    expect(next.projections).toBe(doc.projections);
    expect(next.populations).not.toBe(doc.populations);
  });

  it('returns null for a path that addresses no number', () => {
    const doc = validDocument();
    expect(readParam(doc, 'populations/nope/params/tau_mem')).toBeNull();
    expect(readParam(doc, 'populations/exc/params/v_init')).toBeNull();
    expect(readParam(doc, 'populations/exc/model')).toBeNull();
    expect(readParam(doc, 'populations/gen/params/times/9')).toBeNull();
    expect(readParam(doc, 'populations/gen/params/times/01')).toBeNull();
    expect(readParam(doc, 'run//duration')).toBeNull();
    expect(readParam(doc, '')).toBeNull();
  });

  it('throws ParamPathError naming the path and the problem', () => {
    const doc = validDocument();
    const cases: [string, RegExp][] = [
      ['populations/nope/params/tau_mem', /'populations' has no item 'nope'/],
      ['populations/exc/params/tau', /'populations\/exc\/params' has no field 'tau'/],
      ['populations/exc/model', /addresses a string, not a number/],
      ['populations/exc/params/v_init', /addresses an object, not a number/],
      ['run/duration/', /empty segment/],
      ['/run/duration', /empty segment/],
      ['', /is empty/],
      ['nothing', /the document has no field 'nothing'/],
    ];
    for (const [path, message] of cases) {
      expect(() => writeParam(doc, path, 1), path).toThrow(ParamPathError);
      expect(() => writeParam(doc, path, 1), path).toThrow(message);
      if (path !== '') expect(() => writeParam(doc, path, 1)).toThrow(`'${path}'`);
      expect(paramPathProblem(doc, path)).toMatch(message);
    }
    expect(() => writeParam(doc, 'run/duration', Number.NaN)).toThrow(/not a finite number/);
    expect(paramPathProblem(doc, 'run/duration')).toBeNull();
  });
});

describe('labels', () => {
  it('names the item and the parameter as the inspector does', () => {
    const doc = validDocument();
    expect(paramLabel(doc, 'populations/exc/params/tau_mem')).toBe(
      'exc · Membrane time constant (ms)',
    );
    expect(paramLabel(doc, 'run/duration')).toBe('run · Duration (ms)');
    expect(paramLabel(doc, 'stimuli/step/amplitude')).toBe('step · Amplitude');
    expect(paramLabel(doc, 'projections/input_exc/weight/value')).toBe(
      'input_exc · weight · value',
    );
    expect(paramLabel(doc, 'populations/nope/params/x')).toBe('populations/nope/params/x');
  });
});
