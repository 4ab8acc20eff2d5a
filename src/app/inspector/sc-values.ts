/** An SC dense layer's constant input values as the text of one field: `0.3, 0.7, 0.5`. */
import { parseNumberList } from './number-input.ts';

export function formatValues(values: readonly number[]): string {
  return values.map((v) => String(v)).join(', ');
}

export type ParsedValues = { ok: true; values: number[] } | { ok: false; message: string };

/**
 * The numbers in `text` (separated by commas, semicolons or spaces), or the first bad entry in
 * words: `Item 3: "0,7x" is not a number`. Values outside [x_min, x_max] are accepted because
 * the layer clamps them, as the tutorial's library does.
 */
export function parseValues(text: string): ParsedValues {
  const parsed = parseNumberList(text, {});
  if (typeof parsed === 'string') return { ok: false, message: parsed };
  const values = parsed.flatMap((v) => (v.ok ? [v.value] : []));
  if (values.length === 0)
    return { ok: false, message: 'List at least one value (one per channel)' };
  return { ok: true, values };
}
