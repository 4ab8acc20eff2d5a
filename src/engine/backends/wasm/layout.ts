/**
 * Byte offsets of the descriptors the host writes for the kernel: the mirror of
 * `assembly/layout.ts` (AssemblyScript cannot import this file, nor this file that one). A
 * drift between the two makes every exactness test fail, so it cannot go unnoticed.
 */

/** Header fields, relative to the header's address. */
export const H = {
  npops: 0,
  pops: 4,
  nchan: 8,
  chans: 12,
  nproj: 16,
  projs: 20,
  nprobes: 24,
  probes: 28,
  rec: 32,
  recCap: 36,
  recUsed: 40,
  samp: 44,
  sampCap: 48,
  gauss: 52,
  union: 56,
  status: 60,
  errStep: 64,
  errPop: 68,
  errNeuron: 72,
  errVar: 76,
  errValue: 80,
  recNeed: 84,
  loose: 88,
  scRates: 92,
  nlearn: 96,
  learns: 100,
  sampStride: 104,
  errProjection: 108,
  errSynapse: 112,
  nplast: 116,
  plasts: 120,
  ncsamp: 124,
  csamps: 128,
  nstp: 132,
} as const;
export const HEADER_BYTES = 160;

/** Values of the header's status after `run`. */
export const STATUS = { ok: 0, suspect: 1, error: 2 } as const;

/** Population descriptor fields. */
export const P = {
  model: 0,
  size: 4,
  v: 8,
  refr: 12,
  list: 16,
  count: 20,
  hist: 24,
  hslots: 28,
  hwords: 32,
  vRest: 36,
  leak: 40,
  rdt: 44,
  vThreshold: 48,
  vReset: 52,
  noiseStd: 56,
  refractorySteps: 60,
  key: 64,
  ext: 68,
  threshold24: 72,
  genStepPtr: 76,
  genIndices: 80,
  genPeriod: 84,
  genSteps: 88,
  nch: 92,
  chList: 96,
  record: 100,
  scratch: 104,
  held: 108,
  heldCount: 112,
  saved: 116,
  sc: 120,
} as const;
export const POP_BYTES = 128;
export const MODEL = { lif: 0, poisson: 1, generator: 2, sc: 3, fixedLif: 40 } as const;

/** SC descriptor fields of an `sc_dense` layer. */
export const S = {
  channels: 0,
  length: 4,
  inputKeys: 8,
  weightKeys: 12,
  weightThresholds: 16,
  rates: 20,
  thresholds: 24,
  trace: 28,
  source: 32,
  decay: 36,
  gain: 40,
  xMin: 44,
  invRange: 48,
  table: 52,
  current: 56,
} as const;
export const SC_BYTES = 64;

/** Channel (exponential current) descriptor fields. */
export const C = { target: 0, current: 4, decay: 8, loose: 12 } as const;
export const CHAN_BYTES = 16;

/** Projection descriptor fields. */
export const J = {
  source: 0,
  destination: 4,
  rowPtr: 8,
  targets: 12,
  wide: 16,
  weights: 20,
  weightConstant: 24,
  delays: 28,
  delayConstant: 32,
  release: 36,
  releaseSlots: 40,
  x: 44,
  u: 48,
  U: 52,
  kd: 56,
  kf: 60,
  /** W of a fixed_point_lif target (saturating integer delivery), else 0. */
  saturate: 64,
} as const;
export const PROJ_BYTES = 72;

/** State probe entries. */
export const Q = { kind: 0, population: 4, neuron: 8 } as const;
export const PROBE_BYTES = 16;
export const PROBE_KIND = { v: 0, iSyn: 1, adaptation: 2 } as const;

/** Loihi learning projection descriptor fields (assembly/layout.ts `LR_*`). */
export const LR = {
  projection: 0,
  target: 4,
  w: 8,
  wAct: 12,
  traces: 16,
  impulse: 36,
  code: 56,
  ncode: 60,
  stack: 64,
  vars: 68,
  probes: 72,
  scale: 80,
  precision: 88,
  wLow: 96,
  wHigh: 104,
  decay: 112,
  keys: 152,
  index: 176,
  quiet: 180,
} as const;
export const LEARN_BYTES = 192;
/** A synapse probe entry: synapse, kind, sample slot; a synapse of 0xffffffff ends a table. */
export const ENTRY = { synapse: 0, kind: 4, slot: 8 } as const;
export const PROBE_ENTRY_BYTES = 16;
/** Entry kinds: w, wAct, then the traces as SYN_KIND.trace + their LOIHI_TRACE_ORDER index. */
export const SYN_KIND = { w: 0, wAct: 1, trace: 2 } as const;

/** Weight rule descriptor of a classic projection (assembly/layout.ts `PL_*`). */
export const PL = {
  projection: 0,
  index: 4,
  target: 8,
  rule: 12,
  w: 16,
  a: 20,
  b: 24,
  c: 28,
  iw: 32,
  r: 36,
  reward: 40,
  decayPre: 44,
  decayPost: 48,
  aPlus: 52,
  aMinus: 56,
  wMin: 60,
  wMax: 64,
  decayEligibility: 68,
  decayReward: 72,
  dt: 76,
  amount: 80,
  maxWeight: 88,
  maxTrace: 92,
  minEligibility: 96,
  maxEligibility: 100,
  minReward: 104,
  maxReward: 108,
  decayShift: 112,
  learningShift: 116,
  weightScale: 120,
  fast: 124,
  colPtr: 128,
  cscE: 132,
  cscS: 136,
  dirty: 140,
  bdec: 144,
  ring: 148,
  aold: 152,
} as const;
export const PLAST_BYTES = 160;
export const RULE_CODE = { stdp: 1, rstdp: 2, online_o1: 3, homeostatic: 4 } as const;
/** A classic synapse probe sample entry (assembly/layout.ts `CS_*`). */
export const CS = { address: 0, isInt: 4, slot: 8 } as const;
export const CSAMP_BYTES = 16;
