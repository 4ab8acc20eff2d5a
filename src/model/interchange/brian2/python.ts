/**
 * Python source text for the Brian2 export: number and string literals, identifiers, lists.
 * Pure string building, so the script is the same in the page and in the CLI.
 */

/**
 * A JavaScript number as a Python literal that reads back as the same double: JavaScript
 * prints the shortest such decimal, and Python parses `1e-7` and `-0.5` alike.
 *
 * @example pyNumber(0.1) // '0.1'
 * @example pyNumber(Infinity) // 'inf' (Brian2's `from brian2 import *` provides it)
 */
export function pyNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

/**
 * A quoted Python string (JSON's escapes are Python's for every character JSON emits).
 *
 * @example pyString("it's") // '"it\'s"' written with double quotes
 */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/** A Python list of numbers, `per` entries a line when long, so a reader can scan it. */
export function pyList(
  values: ArrayLike<number>,
  format: (v: number) => string = pyNumber,
): string {
  const items = Array.from(values, format);
  if (items.length <= 16) return `[${items.join(', ')}]`;
  const lines: string[] = [];
  for (let k = 0; k < items.length; k += 16)
    lines.push(`    ${items.slice(k, k + 16).join(', ')},`);
  return `[\n${lines.join('\n')}\n]`;
}

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try ' +
    'while with yield'
  ).split(' '),
);

/**
 * A Python identifier for a document id: characters outside `[A-Za-z0-9_]` become `_`, and a
 * prefix keeps it clear of Brian2's names (`ms`, `mV`, `e`) and of Python's keywords.
 *
 * @example pyIdentifier('pop', 'exc-1') // 'pop_exc_1'
 */
export function pyIdentifier(prefix: string, id: string): string {
  const body = id.replace(/[^A-Za-z0-9_]/g, '_');
  const name = `${prefix}_${body}`;
  return PYTHON_KEYWORDS.has(name) ? `${name}_` : name;
}

/**
 * Names the script itself defines (`prelude.ts`): a population called `out` must not make its
 * spike monitor `spikes_out`, the helper that reads spike monitors.
 */
export const SCRIPT_NAMES: readonly string[] = [
  'STANDALONE',
  'OUT_PATH',
  'BUILD_DIR',
  'DT_MS',
  'STEPS',
  'unpack_float32',
  'unpack_varints',
  'csr_pairs',
  'steps_of',
  'times_ms',
  'spikes_out',
  'values_out',
  'trace_out',
  'synapse_trace_out',
  'rate_out',
  'net',
  'started',
  'wall_ms',
  'output',
  'i',
  'j',
  'f',
];

/** Allocates identifiers that stay distinct when two ids map to the same text (`a-b`, `a_b`). */
export class IdentifierPool {
  private readonly used = new Set<string>(SCRIPT_NAMES);

  /** A fresh identifier for `id` under `prefix`. */
  take(prefix: string, id: string): string {
    const base = pyIdentifier(prefix, id);
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return name;
  }
}

/** Indents every non-empty line of `text` by `spaces`. */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}
