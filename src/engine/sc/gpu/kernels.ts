/**
 * Kernel bodies of the SC operations as JavaScript source text that gpu.js translates (text, not
 * functions, for the reasons in `../../backends/gpu/kernels.ts`: a bundler must not rewrite what
 * gpu.js reads). Arrays hold 16-bit halves (`halves.ts`); helpers are in `helpers.ts`.
 */

/** The gates: one thread per half. */
export type GateOp = 'and' | 'or' | 'xor' | 'not' | 'mux';

const AT = '[this.thread.x]';

/** One thread per half: the gate applied to that half of every input. */
export function gateSource(op: GateOp): string {
  switch (op) {
    case 'and':
      return `function(a, b) { return scAnd16(a${AT}, b${AT}); }`;
    case 'or':
      return `function(a, b) { return scOr16(a${AT}, b${AT}); }`;
    case 'xor':
      return `function(a, b) { return scXor16(a${AT}, b${AT}); }`;
    case 'not':
      // The complement of a half, exact in float arithmetic; the host clears the stream's tail.
      return `function(a) { return 65535 - a${AT}; }`;
    case 'mux':
      return `function(a, b, s) { return scMux16(a${AT}, b${AT}, s${AT}); }`;
  }
}

/** Shape of a counting kernel: `threads` threads, `perThread` halves each. */
export interface CountShape {
  threads: number;
  perThread: number;
  /**
   * GPU order: thread x reads halves x, x + threads, x + 2 threads, ... so that neighbouring
   * threads read neighbouring halves (coalesced). Otherwise (cpu, webasm, which run threads one
   * after another) thread x reads its own contiguous block.
   */
  strided: boolean;
}

/**
 * Partial popcounts: thread x returns the ones of its halves of `a` (of `a & b` when `fused`),
 * at most `16 * perThread`, exact in float32 for the sizes used (`perThread` <= 2^16).
 */
export function countSource(fused: boolean, shape: CountShape): string {
  const index = shape.strided
    ? `k * ${shape.threads} + this.thread.x`
    : `this.thread.x * ${shape.perThread} + k`;
  const half = fused ? `scAnd16(a[${index}], b[${index}])` : `a[${index}]`;
  return `function(${fused ? 'a, b' : 'a'}) {
  let sum = 0;
  for (let k = 0; k < ${shape.perThread}; k++) {
    sum += scPop16(${half});
  }
  return sum;
}`;
}

/** Copies an array onto the device (webgl2 texture, webgpu buffer) for repeated kernel reads. */
export const UPLOAD_SOURCE = `function(a) { return a${AT}; }`;
