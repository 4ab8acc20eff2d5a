// Byte offsets of the descriptor tables the host writes into linear memory before calling
// `run`. The host mirrors these numbers in ../layout.ts; the exactness tests fail if they drift.

// Header: one per simulation, at the address passed to run().
export const H_NPOPS: i32 = 0;
export const H_POPS: i32 = 4;
export const H_NCHAN: i32 = 8;
export const H_CHANS: i32 = 12;
export const H_NPROJ: i32 = 16;
export const H_PROJS: i32 = 20;
export const H_NPROBES: i32 = 24;
export const H_PROBES: i32 = 28;
export const H_REC: i32 = 32;
export const H_RECCAP: i32 = 36;
export const H_RECUSED: i32 = 40;
export const H_SAMP: i32 = 44;
export const H_SAMPCAP: i32 = 48;
export const H_GAUSS: i32 = 52;
export const H_UNION: i32 = 56;
export const H_STATUS: i32 = 60;
export const H_ERRSTEP: i32 = 64;
export const H_ERRPOP: i32 = 68;
export const H_ERRNEURON: i32 = 72;
export const H_ERRVAR: i32 = 76;
export const H_ERRVALUE: i32 = 80;
export const H_RECNEED: i32 = 84;
export const H_LOOSE: i32 = 88;
/** Number of sc_dense layers with rates inputs; 0 skips step 5b entirely. */
export const H_SCRATES: i32 = 92;
/** Number of Loihi learning projections and the address of their descriptors (LR_* below). */
export const H_NLEARN: i32 = 96;
export const H_LEARNS: i32 = 100;
/** Samples per step: the state probes' (H_NPROBES) then the synapse probes'. */
export const H_SAMPSTRIDE: i32 = 104;
/** A non-finite dw (H_ERRVAR -6): the projection and synapse. */
export const H_ERRPROJ: i32 = 108;
export const H_ERRSYNAPSE: i32 = 112;
/** Classic projections with a weight rule (CONTEXT.md step 5e) and their descriptors (PL_*). */
export const H_NPLAST: i32 = 116;
export const H_PLASTS: i32 = 120;
/** Synapse probe samples of classic plastic projections and their entries (CS_*). */
export const H_NCSAMP: i32 = 124;
export const H_CSAMPS: i32 = 128;
/** Number of projections with short-term plasticity (step 3b); 0 skips the pass. */
export const H_NSTP: i32 = 132;

// Values of H_STATUS after run().
export const STATUS_OK: i32 = 0;
/** The state is not finite at the end of a fast call: re-run the call checked. */
export const STATUS_SUSPECT: i32 = 1;
/** A non-finite state value, located exactly in H_ERR*. */
export const STATUS_ERROR: i32 = 2;

// Population descriptor, POP_BYTES each.
export const POP_BYTES: i32 = 128;
export const P_MODEL: i32 = 0;
export const P_SIZE: i32 = 4;
export const P_V: i32 = 8;
export const P_REFR: i32 = 12;
export const P_LIST: i32 = 16;
export const P_COUNT: i32 = 20;
export const P_HIST: i32 = 24;
export const P_HSLOTS: i32 = 28;
export const P_HWORDS: i32 = 32;
export const P_VREST: i32 = 36;
export const P_LEAK: i32 = 40;
export const P_RDT: i32 = 44;
export const P_VTH: i32 = 48;
export const P_VRESET: i32 = 52;
export const P_NOISE: i32 = 56;
export const P_REFRSTEPS: i32 = 60;
export const P_KEY: i32 = 64;
export const P_EXT: i32 = 68;
export const P_THR24: i32 = 72;
export const P_GPTR: i32 = 76;
export const P_GIDX: i32 = 80;
export const P_GPERIOD: i32 = 84;
export const P_GSTEPS: i32 = 88;
export const P_NCH: i32 = 92;
export const P_CHLIST: i32 = 96;
export const P_RECORD: i32 = 100;
export const P_SCRATCH: i32 = 104;
/** Neurons in their refractory period (LIF), unordered; part of the state. */
export const P_HELD: i32 = 108;
/** Address of the number of held neurons (an i32 inside the state block). */
export const P_HELDN: i32 = 112;
/** Scratch: V of the held neurons during a step. */
export const P_SAVED: i32 = 116;
/** sc_dense: address of the layer's SC descriptor (below). */
export const P_SC: i32 = 120;

export const MODEL_LIF: i32 = 0;
export const MODEL_POISSON: i32 = 1;
export const MODEL_GENERATOR: i32 = 2;
/** A LIF population whose current comes from SC AND gates (CONTEXT.md step 1b). */
export const MODEL_SC: i32 = 3;

// SC descriptor of an sc_dense layer, SC_BYTES each. Per-channel arrays are padded to a
// multiple of four channels; padding has weight threshold 0, so it never counts.
export const SC_BYTES: i32 = 64;
export const S_NCH: i32 = 0;
export const S_LENGTH: i32 = 4;
/** u32 per channel: the input stream keys. */
export const S_INKEYS: i32 = 8;
/** u32 per channel: the weight stream keys. */
export const S_WKEYS: i32 = 12;
/** i32 per channel: the weight thresholds. */
export const S_WTHR: i32 = 16;
/** 0: constant inputs (thresholds at S_THR); 1: rates inputs (traces at S_TRACE). */
export const S_RATES: i32 = 20;
/** i32 per channel: constant input thresholds. */
export const S_THR: i32 = 24;
/** f32 per channel: rates traces (state). */
export const S_TRACE: i32 = 28;
/** Population index whose spikes feed the traces. */
export const S_SOURCE: i32 = 32;
export const S_DECAY: i32 = 36;
export const S_GAIN: i32 = 40;
export const S_XMIN: i32 = 44;
export const S_INVRANGE: i32 = 48;
/** f32 per count 0..channels: the current of k active gates. */
export const S_TABLE: i32 = 52;
/** f32: Isc of the step just computed, what an i_syn probe records. */
export const S_ISC: i32 = 56;

// Channel descriptor (an exponential synaptic current), CHAN_BYTES each.
export const CHAN_BYTES: i32 = 16;
export const C_TARGET: i32 = 0;
export const C_I: i32 = 4;
export const C_DECAY: i32 = 8;
/** 1 when the target is not a LIF population, so the LIF loop does not decay it. */
export const C_LOOSE: i32 = 12;

// Projection descriptor, PROJ_BYTES each.
export const PROJ_BYTES: i32 = 72;
export const J_SRC: i32 = 0;
export const J_DST: i32 = 4;
export const J_ROW: i32 = 8;
export const J_TGT: i32 = 12;
export const J_WIDE: i32 = 16;
export const J_W: i32 = 20;
export const J_WC: i32 = 24;
export const J_DLY: i32 = 28;
export const J_DC: i32 = 32;
/**
 * Short-term plasticity (CONTEXT.md step 3b), 0 when the projection has none: the release ring
 * (J_RSLOTS = maxDelay + 1 slots of 4 * padded(source size) bytes, f32 per source), the
 * per-source x and u (f32, state), and the constants U, kd, kf (f32).
 */
export const J_REL: i32 = 36;
export const J_RSLOTS: i32 = 40;
export const J_X: i32 = 44;
export const J_U: i32 = 48;
export const J_SU: i32 = 52;
export const J_SKD: i32 = 56;
export const J_SKF: i32 = 60;
/**
 * W when the target is a `fixed_point_lif` population (CONTEXT.md step 2f): every event adds
 * its integer weight and saturates to W bits. 0: a plain float32 add.
 */
export const J_SAT: i32 = 64;

// State probe entry, PROBE_BYTES each.
export const PROBE_BYTES: i32 = 16;
export const Q_KIND: i32 = 0;
export const Q_POP: i32 = 4;
export const Q_NEURON: i32 = 8;
export const PROBE_V: i32 = 0;
export const PROBE_ISYN: i32 = 1;

// Loihi learning projection descriptor (CONTEXT.md step 5d), LEARN_BYTES each, in projection
// order. Per-synapse arrays are in CSR order; w, wAct and the traces are state.
export const LEARN_BYTES: i32 = 192;
/** Address of the projection's descriptor (J_*): source, rows, targets, delays, wAct as J_W. */
export const LR_PROJ: i32 = 0;
/** Index of the target (Loihi) population, whose history holds the post spikes of t-1. */
export const LR_TARGET: i32 = 4;
/** f64 per synapse: the weight mantissa w. */
export const LR_W: i32 = 8;
/** f32 per synapse: the actual weight wAct (the projection's J_W array). */
export const LR_WACT: i32 = 12;
/** u8 per synapse per trace x1, x2, y1, y2, y3 (LOIHI_TRACE_ORDER); 0 = trace off. */
export const LR_TRACES: i32 = 16;
/** i32 impulse per trace, same order. */
export const LR_IMPULSE: i32 = 36;
/** The rule: an i32 per instruction (learning-rule.ts), their number (0: no rule), the f64 stack. */
export const LR_CODE: i32 = 56;
export const LR_NCODE: i32 = 60;
export const LR_STACK: i32 = 64;
/** f64 per rule variable (LOIHI_RULE_VARIABLES order), then the rule's constants. */
export const LR_VARS: i32 = 68;
/** Synapse probe entries (PROBE_ENTRY_BYTES each) sorted by synapse, then a sentinel. */
export const LR_PROBES: i32 = 72;
/** f64: 2^(6 + wExp), the precision, the mantissa range. */
export const LR_SCALE: i32 = 80;
export const LR_PRECISION: i32 = 88;
export const LR_WLOW: i32 = 96;
export const LR_WHIGH: i32 = 104;
/** f64 per trace: 1 - 1/tau. */
export const LR_DECAY: i32 = 112;
/** u32 stream keys of x1, x2, y1, y2, y3, dw. */
export const LR_KEYS: i32 = 152;
/** The projection's index in the plan. */
export const LR_INDEX: i32 = 176;
/**
 * Bit m: at a step t >= 1 with min(ctz(t), 9) = m the rule gives dw = +-0 to a synapse with
 * neither a pre nor a post event, so its update is skipped (host: quietSteps).
 */
export const LR_QUIET: i32 = 180;

/** A synapse probe entry: u32 synapse (0xffffffff ends the table), i32 kind, i32 sample slot. */
export const PROBE_ENTRY_BYTES: i32 = 16;
export const E_SYNAPSE: i32 = 0;
export const E_KIND: i32 = 4;
export const E_SLOT: i32 = 8;
/** E_KIND: w, wAct, then the traces x1, x2, y1, y2, y3 as 2 + their trace index. */
export const SYN_W: i32 = 0;
export const SYN_WACT: i32 = 1;
export const SYN_TRACE: i32 = 2;

// Weight rule of a classic projection (CONTEXT.md step 5e), PLAST_BYTES each, in projection
// order. Per-synapse arrays are in CSR order and live in the state block.
export const PLAST_BYTES: i32 = 160;
/** Address of the projection's descriptor (J_*). */
export const PL_PROJ: i32 = 0;
/** The projection's index in the plan. */
export const PL_INDEX: i32 = 4;
/** Index of the target population, whose spikes of t are the post events. */
export const PL_TARGET: i32 = 8;
/** PL_RULE values below. */
export const PL_RULE: i32 = 12;
/** f32 per synapse: the weight step 5 delivers (the projection's J_W). */
export const PL_W: i32 = 16;
/** Per synapse: stdp/rstdp apre, apost, eligibility c (f32); online_o1 pre, post, elig (i32). */
export const PL_A: i32 = 20;
export const PL_B: i32 = 24;
export const PL_C: i32 = 28;
/** online_o1: i32 integer weight per synapse; homeostatic: i32 spike count per target neuron. */
export const PL_IW: i32 = 32;
/** rstdp: address of the reward trace r (f32, state). */
export const PL_R: i32 = 36;
/** Population index of the reward (rstdp, online_o1). */
export const PL_REWARD: i32 = 40;
/** f32 constants of stdp and rstdp. */
export const PL_DPRE: i32 = 44;
export const PL_DPOST: i32 = 48;
export const PL_APLUS: i32 = 52;
export const PL_AMINUS: i32 = 56;
export const PL_WMIN: i32 = 60;
export const PL_WMAX: i32 = 64;
export const PL_DELIG: i32 = 68;
export const PL_DREW: i32 = 72;
export const PL_DT: i32 = 76;
/** f64: the reward per spike (fround(amount) for rstdp, the exact integer for online_o1). */
export const PL_AMOUNT: i32 = 80;
/** i32 bounds and shifts of online_o1 (onlineO1Bounds), f32 weight scale. */
export const PL_MAXW: i32 = 88;
export const PL_MAXT: i32 = 92;
export const PL_MINE: i32 = 96;
export const PL_MAXE: i32 = 100;
export const PL_MINR: i32 = 104;
export const PL_MAXR: i32 = 108;
export const PL_DSHIFT: i32 = 112;
export const PL_LSHIFT: i32 = 116;
export const PL_SCALE: i32 = 120;
/**
 * stdp, rstdp and online_o1 with a constant delay share traces (plasticity-stdp-events.ts,
 * plasticity-rstdp-shared.ts, plasticity-o1-shared.ts): 1 here, PL_A and PL_B then hold one
 * trace per source and per target (every synapse of a source, or into a
 * target, carries the same trace), PL_BDEC the targets' traces after this step's decay. stdp then
 * runs event-driven: the synapses by target (PL_COLPTR, PL_CSCE synapse, PL_CSCS source), and
 * PL_DIRTY (an i32 in the state) asks for one pass clipping every weight (at step 0 and after
 * structural plasticity).
 */
export const PL_FAST: i32 = 124;
export const PL_COLPTR: i32 = 128;
export const PL_CSCE: i32 = 132;
export const PL_CSCS: i32 = 136;
export const PL_DIRTY: i32 = 140;
export const PL_BDEC: i32 = 144;
/**
 * PL_FAST 2: stdp with per-synapse delays, event-driven (plasticity-stdp-delays.ts): PL_A is a
 * ring of PL_RING (maxDelay + 1) slots of the delay-0 apre per source, the other fields as 1.
 */
export const PL_RING: i32 = 148;
/** online_o1 with one delay (plasticity-o1-shared.ts): the sources' pre traces of the step before. */
export const PL_AOLD: i32 = 152;

export const RULE_STDP: i32 = 1;
export const RULE_RSTDP: i32 = 2;
export const RULE_ONLINE_O1: i32 = 3;
export const RULE_HOMEOSTATIC: i32 = 4;

/** A classic synapse probe sample: the address of its value, 1 if that is an i32, its slot. */
export const CSAMP_BYTES: i32 = 16;
export const CS_ADDR: i32 = 0;
export const CS_INT: i32 = 4;
export const CS_SLOT: i32 = 8;
