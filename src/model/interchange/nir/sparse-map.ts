/**
 * A linear map between two index spaces with per-entry delays: what a chain of NIR weight nodes
 * (Affine, Conv, pools, Scale) and Delay nodes does to a spike vector. Chains are composed into
 * one map (the sparse product), so `SumPool2d -> Conv2d` becomes one explicit projection.
 * Entries are (source, target, weight, delay in steps); a constant `bias` on the output side
 * rides along (an Affine's bias seen through the nodes after it).
 */

export interface SparseMap {
  inSize: number;
  outSize: number;
  src: number[];
  tgt: number[];
  w: number[];
  delay: number[];
  /** Constant added to every output, or null when there is none. */
  bias: number[] | null;
}

/** The identity on `n` indices (weight 1, delay 0). */
export function identityMap(n: number): SparseMap {
  const idx = Array.from({ length: n }, (_, i) => i);
  return {
    inSize: n,
    outSize: n,
    src: idx,
    tgt: [...idx],
    w: new Array<number>(n).fill(1),
    delay: new Array<number>(n).fill(0),
    bias: null,
  };
}

/** An empty map of the given sizes, to push entries into. */
export function emptyMap(inSize: number, outSize: number): SparseMap {
  return { inSize, outSize, src: [], tgt: [], w: [], delay: [], bias: null };
}

/** Appends one entry. */
export function push(map: SparseMap, s: number, t: number, w: number, d = 0): void {
  map.src.push(s);
  map.tgt.push(t);
  map.w.push(w);
  map.delay.push(d);
}

/**
 * `second` after `first`: entries (s, t, wa * wb, da + db) for every (s, m) of `first` and
 * (m, t) of `second`, summed over m where (s, t, delay) agree; zero sums are dropped. The bias
 * is `second` applied to `first`'s bias plus `second`'s own.
 */
export function compose(first: SparseMap, second: SparseMap): SparseMap {
  if (first.outSize !== second.inSize) {
    throw new Error(`cannot chain ${first.outSize} outputs into ${second.inSize} inputs`);
  }
  const rows = byRow(second);
  const sums = new Map<string, { s: number; t: number; d: number; w: number }>();
  for (let e = 0; e < first.src.length; e += 1) {
    const s = first.src[e] ?? 0;
    const m = first.tgt[e] ?? 0;
    const wa = first.w[e] ?? 0;
    const da = first.delay[e] ?? 0;
    for (let k = rows.start[m] ?? 0; k < (rows.start[m + 1] ?? 0); k += 1) {
      const f = rows.order[k] ?? 0;
      const t = second.tgt[f] ?? 0;
      const d = da + (second.delay[f] ?? 0);
      const key = `${s},${t},${d}`;
      const entry = sums.get(key);
      const w = wa * (second.w[f] ?? 0);
      if (entry === undefined) sums.set(key, { s, t, d, w });
      else entry.w += w;
    }
  }
  const out = emptyMap(first.inSize, second.outSize);
  for (const { s, t, d, w } of sums.values()) if (w !== 0) push(out, s, t, w, d);
  out.bias = composeBias(first.bias, second);
  return out;
}

function composeBias(bias: number[] | null, map: SparseMap): number[] | null {
  if (bias === null) return map.bias === null ? null : [...map.bias];
  const out = map.bias === null ? new Array<number>(map.outSize).fill(0) : [...map.bias];
  for (let e = 0; e < map.src.length; e += 1) {
    const t = map.tgt[e] ?? 0;
    out[t] = (out[t] ?? 0) + (bias[map.src[e] ?? 0] ?? 0) * (map.w[e] ?? 0);
  }
  return out;
}

/** Entry indices grouped by source: `order[start[s] .. start[s+1])` are the entries of row s. */
function byRow(map: SparseMap): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(map.inSize + 1);
  for (const s of map.src) start[s + 1] = (start[s + 1] ?? 0) + 1;
  for (let s = 0; s < map.inSize; s += 1) start[s + 1] = (start[s + 1] ?? 0) + (start[s] ?? 0);
  const fill = start.slice(0, map.inSize);
  const order = new Int32Array(map.src.length);
  map.src.forEach((s, e) => {
    const at = fill[s] ?? 0;
    order[at] = e;
    fill[s] = at + 1;
  });
  return { start, order };
}

/** Entry indices in connection order: sources ascending, then targets, then delays. */
export function connectionOrder(map: SparseMap): number[] {
  const order = Array.from({ length: map.src.length }, (_, e) => e);
  order.sort(
    (a, b) =>
      (map.src[a] ?? 0) - (map.src[b] ?? 0) ||
      (map.tgt[a] ?? 0) - (map.tgt[b] ?? 0) ||
      (map.delay[a] ?? 0) - (map.delay[b] ?? 0),
  );
  return order;
}
