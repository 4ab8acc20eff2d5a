/**
 * The SC gates and counters on WebAssembly (v128 SIMD): the same results as `../ops.ts`, word
 * for word. Each call copies its streams into the instance's linear memory, runs one kernel and
 * copies the result out; `prepareAndPopcount` keeps two streams in memory for repeated counts.
 */
import { assertSameLength, createBitstream, wordCount } from '../bitstream.ts';
import type { Bitstream } from '../bitstream.ts';
import { instantiateScKernels } from './module.ts';
import type { ScKernelExports } from './module.ts';

const PAGE = 65536;
/** Streams start on cache lines (v128 loads need 16; 64 keeps lines unshared). */
const ALIGN = 64;
/** The kernels take the bit length as an i32. */
const MAX_LENGTH = 2 ** 31 - 1;

/** WebAssembly SIMD bitstream operations over one module instance (not safe across awaits). */
export class WasmBitstreamOps {
  private readonly base: number;

  private constructor(private readonly k: ScKernelExports) {
    this.base = align(k.heapBase(), ALIGN);
  }

  /**
   * An instance with its own memory (the compiled module is shared).
   *
   * @example
   * const ops = await WasmBitstreamOps.create();
   * popcount(ops.and(a, b)) === ops.andPopcount(a, b);
   */
  static async create(): Promise<WasmBitstreamOps> {
    return new WasmBitstreamOps(await instantiateScKernels());
  }

  /** Bitwise AND (stochastic multiplication). */
  and(a: Bitstream, b: Bitstream): Bitstream {
    const length = assertSameLength(a, b);
    const r = this.place(length, 3, a, b);
    this.k.and(r(0), r(1), r(2), length);
    return this.take(r(2), length);
  }

  /** Bitwise OR. */
  or(a: Bitstream, b: Bitstream): Bitstream {
    const length = assertSameLength(a, b);
    const r = this.place(length, 3, a, b);
    this.k.or(r(0), r(1), r(2), length);
    return this.take(r(2), length);
  }

  /** Bitwise XOR. */
  xor(a: Bitstream, b: Bitstream): Bitstream {
    const length = assertSameLength(a, b);
    const r = this.place(length, 3, a, b);
    this.k.xor(r(0), r(1), r(2), length);
    return this.take(r(2), length);
  }

  /** Bitwise NOT, tail cleared. */
  not(a: Bitstream): Bitstream {
    const r = this.place(a.length, 2, a);
    this.k.not(r(0), r(1), a.length);
    return this.take(r(1), a.length);
  }

  /** Multiplexer: bit of `b` where `select` is 1, else of `a`. */
  mux(a: Bitstream, b: Bitstream, select: Bitstream): Bitstream {
    const length = assertSameLength(a, b, select);
    const r = this.place(length, 4, a, b, select);
    this.k.mux(r(0), r(1), r(2), r(3), length);
    return this.take(r(3), length);
  }

  /** Number of ones. */
  popcount(a: Bitstream): number {
    return this.k.popcount(this.place(a.length, 1, a)(0), a.length);
  }

  /** Ones of `a & b`, fused (the product is never stored). */
  andPopcount(a: Bitstream, b: Bitstream): number {
    const length = assertSameLength(a, b);
    const r = this.place(length, 2, a, b);
    return this.k.andPopcount(r(0), r(1), length);
  }

  /**
   * Copies `a` and `b` once into a fresh instance's memory (this one's is scratch, overwritten
   * by every call) and returns a function counting the ones of `a & b` there: what a caller
   * keeping its streams in wasm memory pays per count.
   */
  async prepareAndPopcount(a: Bitstream, b: Bitstream): Promise<() => number> {
    const ops = await WasmBitstreamOps.create();
    const length = assertSameLength(a, b);
    const r = ops.place(length, 2, a, b);
    const [pa, pb, k] = [r(0), r(1), ops.k];
    return () => k.andPopcount(pa, pb, length);
  }

  /**
   * Lays out `count` regions of `length` bits each, grows memory to hold them, fills the first
   * `inputs.length` regions with the inputs' words and returns region i's address as `r(i)`.
   */
  private place(length: number, count: number, ...inputs: Bitstream[]): (i: number) => number {
    if (length > MAX_LENGTH) {
      throw new RangeError(`SC wasm kernels: streams of ${length} bits exceed 2^31 - 1 bits`);
    }
    const words = wordCount(length);
    const stride = align(words * 4, ALIGN);
    const end = this.base + count * stride;
    const memory = this.k.memory;
    if (end > memory.buffer.byteLength) {
      try {
        memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new RangeError(`SC wasm kernels: cannot grow memory to ${end} bytes (${why})`, {
          cause: error,
        });
      }
    }
    const at = (i: number): number => this.base + i * stride;
    inputs.forEach((s, i) => new Uint32Array(memory.buffer, at(i), words).set(s.words));
    return at;
  }

  private take(at: number, length: number): Bitstream {
    const out = createBitstream(length);
    out.words.set(new Uint32Array(this.k.memory.buffer, at, out.words.length));
    return out;
  }
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}
