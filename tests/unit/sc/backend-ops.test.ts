/**
 * The SC operations on every backend Node has (js, wasm, gpu.js cpu and webasm; webgpu where
 * Dawn loads) against per-bit logic on unpacked bits and against the JS operations word for
 * word, on streams of awkward lengths (one word, partial words, word and vector boundaries, the
 * wasm counter's 31-vector blocks), with the tail invariant checked after every gate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import {
  and,
  bitstreamFromBits,
  bitstreamToBits,
  createBitstream,
  mux,
  not,
  or,
  popcount,
  tailIsZero,
  xor,
} from '../../../src/engine/sc/index.ts';
import type { Bitstream } from '../../../src/engine/sc/index.ts';
import { createBitstreamBackend } from '../../../src/engine/sc/backend-ops.ts';
import type { BitstreamBackend, BitstreamBackendName } from '../../../src/engine/sc/backend-ops.ts';
import { halvesToWords, sumPartials, wordsToHalves } from '../../../src/engine/sc/gpu/halves.ts';
import { countOnes, randomBitArray } from './helpers.ts';

const LENGTHS = [0, 1, 31, 32, 33, 4095, 65537];
const NODE_BACKENDS: BitstreamBackendName[] = ['js', 'wasm', 'gpu:cpu', 'gpu:webasm'];

/** One input: its bits unpacked (the oracle's view) and packed. */
interface Input {
  bits: Uint8Array;
  stream: Bitstream;
}

/** Inputs per length: random streams of several densities, plus all-ones and all-zeros. */
interface Case {
  n: number;
  inputs: Input[];
}

function cases(): Case[] {
  return LENGTHS.map((n, i) => {
    const bits = [
      randomBitArray(n, 10 * i + 1),
      randomBitArray(n, 10 * i + 2, 0.8),
      randomBitArray(n, 10 * i + 3, 0.3),
      new Uint8Array(n).fill(1),
      new Uint8Array(n),
    ];
    return { n, inputs: bits.map((b) => ({ bits: b, stream: bitstreamFromBits(b) })) };
  });
}

function input(c: Case, i: number): Input {
  const found = c.inputs[i];
  if (!found) throw new Error(`no input ${i}`);
  return found;
}

/** (a, b, select) index triples into a case's streams. */
const TRIPLES = [
  [0, 1, 2],
  [3, 0, 2],
  [1, 3, 4],
  [3, 3, 3],
  [4, 2, 0],
] as const;

function expectStream(out: Bitstream, expectedBits: number[], jsWords: Uint32Array): void {
  expect(out.length).toBe(expectedBits.length);
  expect(tailIsZero(out)).toBe(true);
  expect(Array.from(bitstreamToBits(out))).toEqual(expectedBits);
  expect(out.words).toEqual(jsWords);
}

const ALL = cases();

function describeBackend(name: BitstreamBackendName): void {
  describe(name, () => {
    let backend: BitstreamBackend;
    beforeAll(async () => {
      backend = await createBitstreamBackend(name);
    });
    afterAll(() => backend.dispose());

    it('reports its name', () => {
      expect(backend.name).toBe(name);
    });

    for (const c of ALL) {
      const n = c.n;
      it(`gates equal per-bit logic and the JS ops at ${n} bits`, async () => {
        for (const [i, j, k] of TRIPLES) {
          const [a, b, s] = [input(c, i), input(c, j), input(c, k)];
          const bit = (v: Input, t: number): number => v.bits[t] ?? 0;
          const per = (f: (t: number) => number): number[] =>
            Array.from({ length: n }, (_, t) => f(t));
          const [x, y, z] = [a.stream, b.stream, s.stream];
          expectStream(
            await backend.and(x, y),
            per((t) => bit(a, t) & bit(b, t)),
            and(x, y).words,
          );
          expectStream(
            await backend.or(x, y),
            per((t) => bit(a, t) | bit(b, t)),
            or(x, y).words,
          );
          expectStream(
            await backend.xor(x, y),
            per((t) => bit(a, t) ^ bit(b, t)),
            xor(x, y).words,
          );
          expectStream(
            await backend.not(x),
            per((t) => 1 - bit(a, t)),
            not(x).words,
          );
          expectStream(
            await backend.mux(x, y, z),
            per((t) => (bit(s, t) ? bit(b, t) : bit(a, t))),
            mux(x, y, z).words,
          );
        }
      });

      it(`popcount and fused AND+popcount equal counted bits at ${n} bits`, async () => {
        for (const [i, j] of TRIPLES) {
          const [a, b] = [input(c, i), input(c, j)];
          expect(await backend.popcount(a.stream)).toBe(countOnes(a.bits));
          expect(await backend.popcount(a.stream)).toBe(popcount(a.stream));
          const ones = countOnes(a.bits.map((v, t) => v & (b.bits[t] ?? 0)));
          expect(await backend.andPopcount(a.stream, b.stream)).toBe(ones);
          const prepared = await backend.prepareAndPopcount(a.stream, b.stream);
          // Twice: the held streams are read, not consumed.
          expect(await prepared.run()).toBe(ones);
          expect(await prepared.run()).toBe(ones);
          prepared.dispose();
        }
      });
    }

    it('refuses streams of different lengths', async () => {
      await expect(backend.and(createBitstream(10), createBitstream(11))).rejects.toThrow(
        RangeError,
      );
      await expect(backend.andPopcount(createBitstream(33), createBitstream(32))).rejects.toThrow(
        RangeError,
      );
    });
  });
}

for (const name of NODE_BACKENDS) describeBackend(name);

describe('wasm on streams larger than its initial memory', () => {
  it('grows memory and still equals the JS ops (4 x 2 Mbit for MUX)', async () => {
    const backend = await createBitstreamBackend('wasm');
    const n = (1 << 21) + 5;
    const stream = (seed: number): Bitstream => bitstreamFromBits(randomBitArray(n, seed));
    const [a, b, s] = [stream(1), stream(2), stream(3)];
    expect((await backend.mux(a, b, s)).words).toEqual(mux(a, b, s).words);
    expect(await backend.andPopcount(a, b)).toBe(popcount(and(a, b)));
    expect(await backend.popcount(not(createBitstream(n)))).toBe(n);
  });
});

describe('gpu.js stream size', () => {
  it('refuses streams whose half indices float32 cannot hold exactly, naming why', async () => {
    const backend = await createBitstreamBackend('gpu:cpu');
    try {
      const big = createBitstream(2 ** 28 + 1); // 2^23 + 1 words
      await expect(backend.not(big)).rejects.toThrow(/exceeds 8388608 \(float32 array indices\)/);
      await expect(backend.popcount(big)).rejects.toThrow(RangeError);
    } finally {
      backend.dispose();
    }
  });
});

describe('gpu:webgpu in Node', () => {
  it('either runs bit-exactly through Dawn or is unavailable with the reason', async () => {
    let backend: BitstreamBackend;
    try {
      backend = await createBitstreamBackend('gpu:webgpu');
    } catch (error) {
      // Dawn's prebuilt binary needs glibc 2.38 and a Vulkan driver (node-webgpu.ts).
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect((error as BackendUnavailableError).reason).toMatch(/Dawn|adapter|webgpu/i);
      return;
    }
    try {
      for (const c of ALL) {
        const [a, b, s] = [input(c, 0).stream, input(c, 1).stream, input(c, 2).stream];
        expect((await backend.mux(a, b, s)).words).toEqual(mux(a, b, s).words);
        expect((await backend.not(a)).words).toEqual(not(a).words);
        expect(await backend.andPopcount(a, b)).toBe(popcount(and(a, b)));
      }
    } finally {
      backend.dispose();
    }
  });
});

describe('gpu halves', () => {
  it('split words into 16-bit halves and join them back', () => {
    const words = Uint32Array.of(0x12345678, 0xffffffff, 0, 0x80000001);
    const halves = wordsToHalves(words, 10);
    expect(Array.from(halves)).toEqual([0x5678, 0x1234, 0xffff, 0xffff, 0, 0, 1, 0x8000, 0, 0]);
    const back = new Uint32Array(4);
    halvesToWords(halves, back, 'test');
    expect(back).toEqual(words);
  });

  it('refuse values a correct kernel cannot return, instead of masking them into words', () => {
    const out = new Uint32Array(1);
    for (const bad of [65536, -1, 0.5, NaN]) {
      expect(() => halvesToWords(Float32Array.of(bad, 0), out, 'gpu:x and')).toThrow(
        /gpu:x and: value .* is not a 16-bit half/,
      );
    }
    expect(() => sumPartials(Float32Array.of(3, 1025), 1024, 'gpu:x popcount')).toThrow(
      /not an integer in \[0, 1024\]/,
    );
    expect(sumPartials(Float32Array.of(3, 1024), 1024, 'gpu:x popcount')).toBe(1027);
  });
});
