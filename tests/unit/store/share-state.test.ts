import { describe, expect, it } from 'vitest';
import type { ControlPolicy } from '../../../src/model/classroom/policy.ts';
import {
  bytesToBase64Url,
  decodeShareState,
  encodeEmbedHash,
  encodeShareHash,
  encodeShareState,
  isEmbedHash,
} from '../../../src/store/persistence/index.ts';
import { fixtureDocument } from './document-fixture.ts';

const policy: ControlPolicy = {
  hidden: ['ui/palette'],
  locked: ['populations/exc/params/tau_mem'],
  ranges: { 'populations/inp/params/rate': { min: 1, max: 40 } },
};

async function deflate(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return bytesToBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

async function messages(hash: string): Promise<string[]> {
  const result = await decodeShareState(hash);
  if (result.ok) throw new Error('expected a damaged link');
  return result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('teacher share links', () => {
  it('round-trips document, policy and lesson', async () => {
    const doc = fixtureDocument();
    const hash = await encodeShareState(doc, { policy, lesson: { id: 'first-neuron', step: 2 } });
    expect(hash).toMatch(/^doc=[\w-]+&policy=[\w-]+&lesson=first-neuron\/2$/);
    expect(await decodeShareState(`#${hash}`)).toEqual({
      ok: true,
      document: doc,
      policy,
      lesson: { id: 'first-neuron', step: 2 },
    });
  });

  it('leaves out an empty policy and a missing lesson (a plain share link)', async () => {
    const doc = fixtureDocument();
    const empty = { hidden: [], locked: [], ranges: {} };
    const hash = await encodeShareState(doc, { policy: empty, lesson: null });
    expect(hash).toBe(await encodeShareHash(doc));
    expect(await decodeShareState(`#${hash}`)).toEqual({
      ok: true,
      document: doc,
      policy: null,
      lesson: null,
    });
  });

  it('reads the embed route', async () => {
    const doc = fixtureDocument();
    const hash = await encodeEmbedHash(doc);
    expect(hash.startsWith('/embed?doc=')).toBe(true);
    expect(isEmbedHash(`#${hash}`)).toBe(true);
    expect(isEmbedHash('#doc=abc')).toBe(false);
    expect(isEmbedHash('#/embedded')).toBe(false);
    const result = await decodeShareState(`#${hash}`);
    expect(result.ok && result.document).toEqual(doc);
  });
});

describe('damaged teacher links', () => {
  it('names a truncated or foreign policy part', async () => {
    const full = await encodeShareState(fixtureDocument(), { policy });
    const cut = full.slice(0, full.length - 6);
    expect((await messages(`#${cut}`))[0]).toMatch(
      /^policy: This share link is damaged: its policy does not decompress/,
    );
    const base = await encodeShareHash(fixtureDocument());
    expect((await messages(`#${base}&policy=ab+c`))[0]).toMatch(
      /its policy is not valid base64url/,
    );
  });

  it('names a policy that is not JSON', async () => {
    const base = await encodeShareHash(fixtureDocument());
    expect(await messages(`#${base}&policy=${await deflate('{hidden:')}`)).toEqual([
      'policy: This share link is damaged: its policy is not JSON',
    ]);
  });

  it('names every field of a policy that does not fit the schema', async () => {
    const base = await encodeShareHash(fixtureDocument());
    const bad = await deflate(JSON.stringify({ hidden: [1], ranges: { x: { min: 5, max: 1 } } }));
    expect(await messages(`#${base}&policy=${bad}`)).toEqual([
      'policy.hidden[0]: This share link is damaged: its policy does not fit (must be a string, got 1)',
      'policy.ranges.x: This share link is damaged: its policy does not fit (min 5 is above max 1)',
    ]);
  });

  it('names a bad lesson reference and a damaged document', async () => {
    const base = await encodeShareHash(fixtureDocument());
    expect(await messages(`#${base}&lesson=first-neuron`)).toEqual([
      "lesson: This share link is damaged: its lesson 'first-neuron' is not <lesson id>/<step number>",
    ]);
    expect((await messages(`#${base.slice(0, -10)}&lesson=a/1`))[0]).toMatch(/its data/);
    expect((await messages(`#doc=${await deflate('[1,')}`))[0]).toMatch(/its data is not JSON/);
  });
});
