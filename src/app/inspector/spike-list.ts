/**
 * The spike generator's pattern as text: `neuron@time` pairs, e.g. `0@5, 1@10`. Indices and
 * times are edited together because the document needs the two lists of equal length.
 */
import { parseNumberInput } from './number-input.ts';

export function formatSpikeList(indices: readonly number[], times: readonly number[]): string {
  return indices.map((n, k) => `${n}@${times[k] ?? ''}`).join(', ');
}

export type ParsedSpikes =
  { ok: true; indices: number[]; times: number[] } | { ok: false; message: string };

export function parseSpikeList(text: string): ParsedSpikes {
  const items = text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const indices: number[] = [];
  const times: number[] = [];
  for (const [k, item] of items.entries()) {
    const [left, right, ...extra] = item.split('@');
    if (left === undefined || right === undefined || extra.length > 0) {
      return { ok: false, message: `Item ${k + 1} ("${item}"): write neuron@time, e.g. 0@5` };
    }
    const neuron = parseNumberInput(left, { min: 0, integer: true });
    if (!neuron.ok) return { ok: false, message: `Item ${k + 1}: neuron: ${neuron.message}` };
    const time = parseNumberInput(right, { min: 0 });
    if (!time.ok) return { ok: false, message: `Item ${k + 1}: time: ${time.message}` };
    indices.push(neuron.value);
    times.push(time.value);
  }
  return { ok: true, indices, times };
}
