/** The connectivity part of a CSR matrix (no weights or delays yet), by source neuron. */
export interface SparseRows {
  /** `rowPtr[s]..rowPtr[s+1]` index the synapses of source s; length sourceSize + 1. */
  rowPtr: Uint32Array;
  /** Target of each synapse, ascending within a row. */
  targets: Uint32Array;
}

/** A Uint32Array that grows by doubling, for rules whose synapse count is only known after. */
export class GrowableUint32 {
  private data: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(16, Math.ceil(capacity)));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The filled part; shares memory when the capacity was exact, copies otherwise. */
  finish(): Uint32Array {
    return this.length === this.data.length ? this.data : this.data.slice(0, this.length);
  }
}
