import { describe, expect, it } from 'vitest';
import {
  base64UrlToBytes,
  bytesToBase64Url,
  decodeShareHash,
  encodeShareHash,
  shareParam,
} from '../../../src/store/persistence/index.ts';
import { fixtureDocument } from './document-fixture.ts';

describe('base64url', () => {
  it('round-trips every byte value and uses only URL-safe characters', () => {
    const bytes = new Uint8Array(256 * 3 + 1);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
    const text = bytesToBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(base64UrlToBytes(text)).toEqual(bytes);
  });

  it('matches the RFC 4648 test vectors (without padding)', () => {
    const enc = (s: string) => bytesToBase64Url(new TextEncoder().encode(s));
    expect(enc('f')).toBe('Zg');
    expect(enc('foob')).toBe('Zm9vYg');
    expect(enc('fooba')).toBe('Zm9vYmE');
    expect(bytesToBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('rejects text outside the alphabet', () => {
    expect(base64UrlToBytes('ab+c')).toBeNull();
    expect(base64UrlToBytes('abcde')).toBeNull();
  });
});

describe('share links', () => {
  it('round-trips a document through the hash', async () => {
    const doc = fixtureDocument();
    const hash = await encodeShareHash(doc);
    expect(hash.startsWith('doc=')).toBe(true);
    // Compression is the point: the link is shorter than the JSON.
    expect(hash.length).toBeLessThan(JSON.stringify(doc).length);
    const result = await decodeShareHash(`#${hash}`);
    expect(result).toEqual({ ok: true, document: doc });
    expect(shareParam(`#${hash}`)).toBe(hash.slice(4));
  });

  it('says a truncated link is damaged', async () => {
    const hash = await encodeShareHash(fixtureDocument());
    const result = await decodeShareHash(`#${hash.slice(0, hash.length - 12)}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.message).toMatch(/damaged/);
  });

  it('says a link with foreign characters is damaged', async () => {
    const result = await decodeShareHash('#doc=%%%not-base64');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/damaged.*base64url/);
  });

  it('reports validation issues of a well-formed link to an invalid document', async () => {
    const bad = { ...fixtureDocument(), run: { dt: -1, duration: 100, seed: 1, backend: 'cpu' } };
    const json = new TextEncoder().encode(JSON.stringify(bad));
    const packed = new Uint8Array(
      await new Response(
        new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw')),
      ).arrayBuffer(),
    );
    const result = await decodeShareHash(`#doc=${bytesToBase64Url(packed)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.some((i) => i.path.includes('dt'))).toBe(true);
  });
});
