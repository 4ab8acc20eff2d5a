/**
 * Hard limits of the document format, shared by the schema, the cross-reference checks and the
 * engine. Each one comes from a representation choice, noted beside it.
 */

/** Largest population: neuron indices must fit comfortably in Uint32 arrays and in memory. */
export const MAX_POPULATION_SIZE = 10_000_000;

/** Largest synaptic delay in steps: delays are stored as Uint8 (see `CsrConnectivity`). */
export const MAX_DELAY_STEPS = 255;

/** Most steps in one run: step numbers are Int32 in chunks, and 1e8 leaves a wide margin. */
export const MAX_RUN_STEPS = 100_000_000;

/** Seeds are unsigned 32-bit integers, the key width of the counter-based generator. */
export const SEED_LIMIT = 2 ** 32;

/**
 * Most input channels of an `sc_dense` layer: every step draws two 24-bit numbers per channel
 * for the whole layer, and backends keep per-channel keys, thresholds and a current table of
 * channels + 1 entries in small fixed buffers; 4096 is far beyond the tutorial's 8 and cheap.
 */
export const MAX_SC_CHANNELS = 4096;

/**
 * Longest SC bitstream, bits: the Bernoulli comparator has 24-bit resolution, so a longer stream
 * cannot encode a value more finely, and a stream held as packed words stays within 2 MiB.
 */
export const MAX_SC_LENGTH = 2 ** 24;

/**
 * Largest coordinate of a 3D layout's center: the view's camera fits the whole network, so a
 * population a million units away would shrink every other one to a dot; 100,000 is far beyond
 * any layout the view makes (a 10-million-neuron grid at spacing 1 is 216 units wide).
 */
export const MAX_LAYOUT3D_COORD = 100_000;

/** Largest neuron spacing of a 3D layout, for the same reason. */
export const MAX_LAYOUT3D_SPACING = 1000;
