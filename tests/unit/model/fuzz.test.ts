import { describe, expect, it } from 'vitest';
import { parseDocumentJson, validateDocument } from '../../../src/model/index.ts';
import { looseDocument, scDocument } from './helpers.ts';
import { mutate, randomValue, rng } from './random-values.ts';

/** Every issue has a non-empty path and message; a failure is never an empty list. */
function expectWellFormed(result: ReturnType<typeof validateDocument>): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path).not.toBe('');
    expect(issue.message).not.toBe('');
  }
}

describe('validation never throws', () => {
  it('on arbitrary values', () => {
    const next = rng(1);
    for (let i = 0; i < 3000; i++) {
      expectWellFormed(validateDocument(randomValue(next, 4)));
    }
  });

  it('on random values dressed as a Spikelab document', () => {
    const next = rng(2);
    for (let i = 0; i < 3000; i++) {
      const value = randomValue(next, 4);
      const doc = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
      expectWellFormed(validateDocument({ ...doc, format: 'spikelab-network', version: 1 }));
    }
  });

  it('on a valid document with random damage, which it then refuses or accepts consistently', () => {
    const next = rng(3);
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const doc = looseDocument();
      const hits = 1 + Math.floor(next() * 3);
      for (let h = 0; h < hits; h++) mutate(doc, next);
      const result = validateDocument(doc);
      expectWellFormed(result);
      if (!result.ok) refused++;
      else expect(validateDocument(result.document).ok).toBe(true);
    }
    // Most random damage breaks something; if nothing were refused the validator would be blind.
    expect(refused).toBeGreaterThan(2000);
  });

  it('on an sc_dense document with random damage, refusing or accepting consistently', () => {
    const next = rng(5);
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const doc = JSON.parse(JSON.stringify(scDocument())) as Record<string, unknown>;
      const hits = 1 + Math.floor(next() * 3);
      for (let h = 0; h < hits; h++) mutate(doc, next);
      const result = validateDocument(doc);
      expectWellFormed(result);
      if (!result.ok) refused++;
      else expect(validateDocument(result.document).ok).toBe(true);
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('on hostile objects: cycles, throwing getters, sparse arrays', () => {
    const cyclic = looseDocument();
    (cyclic.run as Record<string, unknown>).self = cyclic;
    expect(validateDocument(cyclic)).toEqual({
      ok: false,
      issues: [{ path: 'run.self', message: 'unknown field' }],
    });

    const hostile = looseDocument();
    Object.defineProperty(hostile, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validateDocument(hostile)).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'could not be read: boom' }],
    });

    const sparse = looseDocument();
    sparse.probes = new Array(2);
    expect(validateDocument(sparse)).toEqual({
      ok: false,
      issues: [
        { path: 'probes[0]', message: 'must be an object, got nothing' },
        { path: 'probes[1]', message: 'must be an object, got nothing' },
      ],
    });
  });

  it('on random text', () => {
    const next = rng(4);
    const alphabet = '{}[]":,. 0123456789-eEtrufalsn\\\n\'abc';
    const valid = JSON.stringify(looseDocument());
    for (let i = 0; i < 2000; i++) {
      let text: string;
      if (i % 2 === 0) {
        text = Array.from(
          { length: Math.floor(next() * 40) },
          () => alphabet[Math.floor(next() * alphabet.length)],
        ).join('');
      } else {
        // Damage a real document's text at one spot: the near-misses a user actually makes.
        const at = Math.floor(next() * valid.length);
        text =
          valid.slice(0, at) +
          (alphabet[Math.floor(next() * alphabet.length)] ?? '') +
          valid.slice(at + 1);
      }
      expectWellFormed(parseDocumentJson(text));
    }
  });
});
