/**
 * What the inspector shows beside a Loihi weight mantissa: the actual weight the chip adds to
 * `I`, computed by the engine's own `loihiActualWeight` so the page shows exactly what runs.
 */
import type { LoihiSynapse } from '../../model/index.ts';
import { loihiWeightScale } from '../../model/index.ts';
import { loihiActualWeight } from '../../engine/compile/loihi-plan.ts';

/**
 * `mantissa -> actual weight`, e.g. `= 3200` for mantissa 50 at w_exp 0 and 8 bits; when the
 * precision truncates the mantissa, the note says to what.
 *
 * @example mantissaNote(50, { kind: 'loihi', w_exp: 0, sign_mode: 'mixed', num_weight_bits: 8 }) // 'actual weight 3200'
 */
export function mantissaNote(mantissa: number, synapse: LoihiSynapse): string {
  const actual = loihiActualWeight(mantissa, synapse);
  const { step } = loihiWeightScale(synapse);
  const used = Math.trunc(mantissa / step) * step;
  const truncated = used === mantissa ? '' : ` (mantissa used: ${used})`;
  return `actual weight ${String(actual)}${truncated}`;
}

/**
 * The factor `w_exp` sets, shown beside it.
 *
 * @example scaleNote({ kind: 'loihi', w_exp: 0, sign_mode: 'mixed', num_weight_bits: 8 }) // '× 2^6 = 64'
 */
export function scaleNote(synapse: LoihiSynapse): string {
  const { scale } = loihiWeightScale(synapse);
  return `× 2^${6 + synapse.w_exp} = ${String(scale)}`;
}

/**
 * The mantissa step the precision leaves, shown beside `num_weight_bits`.
 *
 * @example stepNote({ kind: 'loihi', w_exp: 0, sign_mode: 'mixed', num_weight_bits: 8 }) // 'mantissa step 2'
 */
export function stepNote(synapse: LoihiSynapse): string {
  return `mantissa step ${loihiWeightScale(synapse).step}`;
}

/** Parses a comma or space separated list of integer mantissas, or says what is wrong. */
export function parseMantissas(text: string): number[] | string {
  const parts = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (parts.length === 0) return 'List at least one mantissa';
  const values = parts.map(Number);
  const bad = values.findIndex((v) => !Number.isInteger(v));
  return bad >= 0 ? `Item ${bad + 1}: "${parts[bad]}" is not a whole number` : values;
}
