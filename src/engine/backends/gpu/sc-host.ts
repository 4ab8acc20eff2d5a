/**
 * The random bits of SC layers (CONTEXT.md step 1b), drawn on the host: they depend only on the
 * stream position `i = t mod length`, never on state.
 *
 * - Constant inputs: the whole current, `currentByCount[k]`, k the count of channels whose input
 *   and weight bits are both 1.
 * - Rates inputs: per channel a _gate_, the input draw `draw24(stepKey(inputKeys[c], i), 0)` where
 *   the weight bit is 1 and 2^24 where it is 0, so that on the device `gate < thr(r_c)` is
 *   exactly `pre_c AND w_c` (a threshold is at most 2^24).
 *
 * Both repeat with period `length`, so each position is drawn once and kept while the layer's
 * table stays small (`MAX_CACHED` floats); longer streams are drawn again each step.
 */
import type { ScDensePlan } from '../../plan.ts';
import { draw24, stepKey } from '../../random.ts';
import { NEVER, type ScLayerLayout } from './sc-layout.ts';

/** Most floats one layer keeps (16 MiB). */
const MAX_CACHED = 2 ** 22;

/** One layer's values per stream position, drawn on first use. */
class PeriodicRows {
  private readonly values: Float32Array | null;
  private readonly filled: Uint8Array | null;
  private readonly scratch: Float32Array;

  constructor(
    private readonly period: number,
    private readonly width: number,
    private readonly draw: (i: number, out: Float32Array, at: number) => void,
  ) {
    const cached = period * width <= MAX_CACHED;
    this.values = cached ? new Float32Array(period * width) : null;
    this.filled = cached ? new Uint8Array(period) : null;
    this.scratch = new Float32Array(cached ? 0 : width);
  }

  /** The row of step t (a view; valid until the next call). */
  row(t: number): Float32Array {
    const i = t % this.period;
    if (!this.values || !this.filled) {
      this.draw(i, this.scratch, 0);
      return this.scratch;
    }
    const at = i * this.width;
    if (this.filled[i] === 0) {
      this.draw(i, this.values, at);
      this.filled[i] = 1;
    }
    return this.values.subarray(at, at + this.width);
  }
}

/** Host draws of every SC layer of a plan, by the layer's position in `ScLayout.layers`. */
export class ScHostDraws {
  private readonly rows: PeriodicRows[];

  constructor(layers: readonly ScLayerLayout[]) {
    this.rows = layers.map(({ plan }) =>
      plan.inputs.kind === 'constant'
        ? new PeriodicRows(plan.length, 1, (i, out, at) => {
            out[at] = constantCurrent(plan, i);
          })
        : new PeriodicRows(plan.length, plan.channelCount, (i, out, at) => {
            writeGates(plan, i, out, at);
          }),
    );
  }

  /** Constant inputs: `Isc` of step t. Rates inputs: the gates of step t, one per channel. */
  of(layer: number, t: number): Float32Array {
    const rows = this.rows[layer];
    if (!rows) throw new RangeError(`gpu backend: no SC layer ${layer}`);
    return rows.row(t);
  }
}

function weightBit(plan: ScDensePlan, c: number, i: number): boolean {
  return draw24(stepKey(plan.weightKeys[c] ?? 0, i), 0) < (plan.weightThresholds[c] ?? 0);
}

function constantCurrent(plan: ScDensePlan, i: number): number {
  if (plan.inputs.kind !== 'constant') throw new Error('gpu backend: not a constant-input layer');
  const thresholds = plan.inputs.thresholds;
  let k = 0;
  for (let c = 0; c < plan.channelCount; c++) {
    if (
      draw24(stepKey(plan.inputKeys[c] ?? 0, i), 0) < (thresholds[c] ?? 0) &&
      weightBit(plan, c, i)
    )
      k++;
  }
  return plan.currentByCount[k] ?? 0;
}

function writeGates(plan: ScDensePlan, i: number, out: Float32Array, at: number): void {
  for (let c = 0; c < plan.channelCount; c++) {
    out[at + c] = weightBit(plan, c, i) ? draw24(stepKey(plan.inputKeys[c] ?? 0, i), 0) : NEVER;
  }
}
