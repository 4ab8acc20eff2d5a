/** Parsing and range-checking the text of a number field, before the document sees it. */

export interface NumberRules {
  min?: number | undefined;
  max?: number | undefined;
  integer?: boolean | undefined;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/** The number in `text`, or why it is not acceptable (in words for the field's error line). */
export function parseNumberInput(text: string, rules: NumberRules): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `"${trimmed}" is not a number` };
  if (rules.integer === true && !Number.isInteger(value)) {
    return { ok: false, message: 'Must be a whole number' };
  }
  if (rules.min !== undefined && value < rules.min) {
    return { ok: false, message: `Must be at least ${rules.min}` };
  }
  if (rules.max !== undefined && value > rules.max) {
    return { ok: false, message: `Must be at most ${rules.max}` };
  }
  return { ok: true, value };
}

/** `0, 3, 7` -> [0, 3, 7]; used for neuron index and spike time lists. */
export function parseNumberList(text: string, rules: NumberRules): ParsedNumber[] | string {
  const parts = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const values = parts.map((p) => parseNumberInput(p, rules));
  const bad = values.findIndex((v) => !v.ok);
  if (bad >= 0) {
    const v = values[bad];
    return `Item ${bad + 1}: ${v !== undefined && !v.ok ? v.message : 'invalid'}`;
  }
  return values;
}
