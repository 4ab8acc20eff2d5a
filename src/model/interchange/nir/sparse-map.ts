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
  const firstRows = byRow(first);
  const out = emptyMap(first.inSize, second.outSize);
  const noDelays = first.delay.every((d) => d === 0) && second.delay.every((d) => d === 0);
  // Row by row (sources ascending), summing into a dense accumulator over the targets (or, with
  // delays, a small map per row): the output comes out in connection order, with no global
  // hash of a million keys.
  const acc = new Float64Array(second.outSize);
  const seen = new Uint8Array(second.outSize);
  const touched: number[] = [];
  // Local arrays (one element kind each) keep V8's pushes fast at millions of entries.
  const outS: number[] = [];
  const outT: number[] = [];
  const outW: number[] = [];
  const outD: number[] = [];
  const byKey = new Map<number, number>();
  for (let s = 0; s < first.inSize; s += 1) {
    touched.length = 0;
    byKey.clear();
    for (let i = firstRows.start[s] ?? 0; i < (firstRows.start[s + 1] ?? 0); i += 1) {
      const e = firstRows.order[i] ?? 0;
      const m = first.tgt[e] ?? 0;
      const wa = first.w[e] ?? 0;
      const da = first.delay[e] ?? 0;
      for (let k = rows.start[m] ?? 0; k < (rows.start[m + 1] ?? 0); k += 1) {
        const f = rows.order[k] ?? 0;
        const t = second.tgt[f] ?? 0;
        const w = wa * (second.w[f] ?? 0);
        if (noDelays) {
          if (seen[t] === 0) {
            seen[t] = 1;
            touched.push(t);
          }
          acc[t] = (acc[t] ?? 0) + w;
        } else {
          const key = t * 65536 + da + (second.delay[f] ?? 0);
          byKey.set(key, (byKey.get(key) ?? 0) + w);
        }
      }
    }
    if (noDelays) {
      touched.sort((x, y) => x - y);
      for (const t of touched) {
        outS.push(s);
        outT.push(t);
        outW.push(acc[t] ?? 0);
        outD.push(0);
        acc[t] = 0;
        seen[t] = 0;
      }
    } else {
      for (const key of [...byKey.keys()].sort((x, y) => x - y)) {
        outS.push(s);
        outT.push(Math.floor(key / 65536));
        outW.push(byKey.get(key) ?? 0);
        outD.push(key % 65536);
      }
    }
  }
  out.src = outS;
  out.tgt = outT;
  out.w = outW;
  out.delay = outD;
  dropZeros(out);
  out.bias = composeBias(first.bias, second);
  return out;
}

/** Removes the entries whose weights summed to zero. */
function dropZeros(map: SparseMap): void {
  let kept = 0;
  for (let e = 0; e < map.w.length; e += 1) {
    if (map.w[e] === 0) continue;
    map.src[kept] = map.src[e] ?? 0;
    map.tgt[kept] = map.tgt[e] ?? 0;
    map.w[kept] = map.w[e] ?? 0;
    map.delay[kept] = map.delay[e] ?? 0;
    kept += 1;
  }
  map.src.length = kept;
  map.tgt.length = kept;
  map.w.length = kept;
  map.delay.length = kept;
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
  if (isOrdered(map)) return order;
  order.sort(
    (a, b) =>
      (map.src[a] ?? 0) - (map.src[b] ?? 0) ||
      (map.tgt[a] ?? 0) - (map.tgt[b] ?? 0) ||
      (map.delay[a] ?? 0) - (map.delay[b] ?? 0),
  );
  return order;
}

function isOrdered(map: SparseMap): boolean {
  for (let e = 1; e < map.src.length; e += 1) {
    const ds = (map.src[e] ?? 0) - (map.src[e - 1] ?? 0);
    const dt = (map.tgt[e] ?? 0) - (map.tgt[e - 1] ?? 0);
    const dd = (map.delay[e] ?? 0) - (map.delay[e - 1] ?? 0);
    if (ds < 0 || (ds === 0 && (dt < 0 || (dt === 0 && dd < 0)))) return false;
  }
  return true;
}
