/**
 * The verdict of "does the hardware do what the engine does": two spike records of the same
 * run (the engine's, and the RTL's or the board's), compared step by step in the engine's
 * order (step, population in document order, index ascending). Bit-exact, or the first step,
 * population and neuron where they part, and which side spiked.
 */

export interface SpikeEvent {
  readonly step: number;
  /** Population index in the document. */
  readonly population: number;
  readonly index: number;
}

export type SpikeVerdict =
  | { readonly kind: 'bit-exact'; readonly spikes: number }
  | {
      readonly kind: 'differs';
      readonly step: number;
      readonly population: number;
      readonly index: number;
      /** Which record has the spike the other lacks. */
      readonly onlyIn: 'engine' | 'hardware';
      /** Spikes that agreed before the first difference. */
      readonly agreed: number;
    };

const order = (a: SpikeEvent, b: SpikeEvent): number =>
  a.step - b.step || a.population - b.population || a.index - b.index;

/**
 * Compare two records (any order in, sorted here).
 *
 * @example
 * compareSpikes([{ step: 3, population: 0, index: 1 }], [])
 * // { kind: 'differs', step: 3, population: 0, index: 1, onlyIn: 'engine', agreed: 0 }
 */
export function compareSpikes(
  engine: readonly SpikeEvent[],
  hardware: readonly SpikeEvent[],
): SpikeVerdict {
  const a = [...engine].sort(order);
  const b = [...hardware].sort(order);
  const n = Math.max(a.length, b.length);
  for (let k = 0; k < n; k += 1) {
    const x = a[k];
    const y = b[k];
    if (x !== undefined && y !== undefined && order(x, y) === 0) continue;
    // The earlier of the two is the spike the other record lacks.
    const first = x === undefined ? y : y === undefined ? x : order(x, y) < 0 ? x : y;
    if (first === undefined) break;
    return {
      kind: 'differs',
      step: first.step,
      population: first.population,
      index: first.index,
      onlyIn: first === x ? 'engine' : 'hardware',
      agreed: k,
    };
  }
  return { kind: 'bit-exact', spikes: a.length };
}

/** The verdict in one sentence, populations named by `name`. */
export function describeVerdict(
  verdict: SpikeVerdict,
  name: (population: number) => string,
): string {
  if (verdict.kind === 'bit-exact') {
    return `bit-exact: all ${verdict.spikes} spikes agree`;
  }
  const other = verdict.onlyIn === 'engine' ? 'the hardware' : 'the engine';
  return `differs at step ${verdict.step}: population '${name(verdict.population)}' neuron ${verdict.index} spiked in ${verdict.onlyIn === 'engine' ? 'the engine' : 'the hardware'} but not in ${other} (${verdict.agreed} spikes agreed before it)`;
}
