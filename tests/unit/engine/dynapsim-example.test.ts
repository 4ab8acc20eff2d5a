/**
 * The gallery's DynapSim example runs on `auto` (wasm where it validates, else the reference)
 * and shows what it promises: adaptation in one population, regular firing
 * in the other, Imem recorded in amperes between Io and the threshold.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { runDocument, spikeStepsOf, traceOf } from './fixtures/run.ts';

function example() {
  const text = readFileSync(
    new URL('../../../public/examples/dynapsim.json', import.meta.url),
    'utf8',
  );
  const result = parseDocumentJson(text);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.document;
}

const intervals = (s: number[]): number[] => s.slice(1).map((x, i) => x - (s[i] ?? 0));

describe('public/examples/dynapsim.json', () => {
  it('adapts with the AHP and fires regularly without it', async () => {
    const chunk = await runDocument(example(), 'auto');
    for (let j = 0; j < 5; j++) {
      const adapting = intervals(spikeStepsOf(chunk, 'adapting', j));
      expect(adapting.at(-1) ?? 0).toBeGreaterThan(1.5 * (adapting[0] ?? Infinity));
      const plain = intervals(spikeStepsOf(chunk, 'no_ahp', j));
      expect(Math.max(...plain) - Math.min(...plain)).toBeLessThanOrEqual(1);
    }
    const imem = traceOf(chunk, 'adapting_v');
    expect(Math.min(...imem)).toBeGreaterThanOrEqual(Math.fround(5e-13) * 0.8);
    expect(Math.max(...imem)).toBeLessThanOrEqual(1e-7 * 1.2);
  });
});
