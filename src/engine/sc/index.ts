/**
 * Stochastic computing: bit-packed bitstreams and gates, stochastic number generators
 * (Bernoulli, LFSR, Sobol), SCC, and the sc-neurocore tutorial's components. See CONTEXT.md.
 */
export type { Bitstream } from './bitstream.ts';
export {
  assertSameLength,
  bitstreamFromBits,
  bitstreamToBits,
  clearTail,
  createBitstream,
  getBit,
  setBit,
  tailIsZero,
  tailMask,
  wordCount,
} from './bitstream.ts';
export {
  andPopcountWords,
  andWords,
  muxWords,
  notWords,
  orWords,
  popcount32,
  popcountWords,
  xorWords,
} from './word-kernels.ts';
export { and, bitstreamToProbability, mux, not, or, popcount, xor } from './ops.ts';
export { SC_STREAM, threshold24, toUnitInterval } from './keys.ts';
export { bernoulliBitstream, fillBernoulliWords } from './bernoulli.ts';
export type { LfsrConfig, LfsrKind } from './lfsr.ts';
export {
  fibonacciNext,
  galoisNext,
  lfsrMask,
  lfsrNext,
  lfsrPeriod,
  lfsrTapMask,
  maximalLfsr,
} from './lfsr.ts';
export { MAXIMAL_TAPS, maximalTaps } from './lfsr-taps.ts';
export { lfsrBitstream, lfsrThreshold } from './lfsr-comparator.ts';
export type { SobolDimension } from './low-discrepancy.ts';
export {
  reverseBits,
  sobol2Directions,
  sobolBitstream,
  sobolPoint,
  sobolResolution,
} from './low-discrepancy.ts';
export { scc } from './scc.ts';
export { BitstreamEncoder } from './encoder.ts';
export { BitstreamSynapse } from './synapse.ts';
export type { ChannelScaling, CurrentSourceOptions } from './current-source.ts';
export { BitstreamCurrentSource } from './current-source.ts';
export type { ScLifConstants, ScLifParams, ScLifState } from './lif.ts';
export { SC_LIF_DEFAULTS, createScLifState, scLifConstants, stepScLif } from './lif.ts';
export type { Histogram } from './histogram.ts';
export { histogram } from './histogram.ts';
export { BitstreamSpikeRecorder } from './spike-recorder.ts';
export type { DenseLayerSummary, NeuronStat } from './dense-layer.ts';
export { SCDenseLayer } from './dense-layer.ts';
export type { ScAndPopcountRow, ScBenchOptions, ScBenchResult } from './bench.ts';
export {
  SC_BENCH_LAYER,
  benchLayer,
  benchStochasticComputing,
  defaultScBenchBackends,
} from './bench.ts';
export type { BitstreamBackend, BitstreamBackendName, PreparedAndPopcount } from './backend-ops.ts';
export { BITSTREAM_BACKENDS, createBitstreamBackend } from './backend-ops.ts';
