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
