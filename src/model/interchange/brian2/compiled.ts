/**
 * What the Brian2 export reads of a compiled document: the draws, never re-drawn. The caller
 * (the CLI, the page) passes `compile(doc)` from `src/engine/compile`, whose `Plan` has this
 * shape; declaring only these fields here keeps `src/model` free of engine imports.
 */

/** The per-population draws the script needs (each present only for its models). */
export interface CompiledPopulation {
  model: {
    model: string;
    /** LIF, Izhikevich, AdEx, nir_neuron: the initial membrane potential per neuron. */
    vInit?: Float32Array | Int32Array;
    /** Izhikevich: `fround(b * vInit)` per neuron. */
    uInit?: Float32Array;
    /** Spike generator: one period (or the whole pattern), CSR by step. */
    stepPtr?: Uint32Array;
    indices?: Uint32Array;
    periodSteps?: number;
    /**
     * nir_neuron: the per-neuron Float32Array coefficients of CONTEXT.md step 2g, checked where
     * read (`nir-neurons.ts`): other models' plans use some of these names for numbers.
     */
    cuba?: unknown;
    leak?: unknown;
    gain?: unknown;
    vLeak?: unknown;
    vThreshold?: unknown;
    vReset?: unknown;
    bias?: unknown;
    synDecay?: unknown;
    synGain?: unknown;
  };
}

/** One projection's synapses in CSR order (rows by source, targets ascending). */
export interface CompiledProjection {
  csr: {
    rowPtr: Uint32Array;
    targets: Uint32Array;
    weights: Float32Array | { constant: number };
    delays: Uint8Array | { constant: number };
  };
}

/** The subset of the engine's `Plan` the export reads, populations and projections in order. */
export interface CompiledNetwork {
  populations: readonly CompiledPopulation[];
  projections: readonly CompiledProjection[];
}
