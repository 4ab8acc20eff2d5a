/**
 * The Hardware panel's table: each population's mean firing rate in the float run and in the
 * quantised run, and their difference in Hz and in percent of the float rate.
 */
import type { NetworkDocument } from '../../model/document.ts';
import { nameOf } from '../../hdl/hardware-check.ts';

export interface RateRow {
  id: string;
  /** `'exc' (Excitatory)`. */
  name: string;
  /** The model in each run, e.g. stochastic_lif then fixed_point_lif. */
  floatModel: string;
  fixedModel: string;
  floatHz: number;
  fixedHz: number;
  /** fixed - float, Hz. */
  diffHz: number;
  /** 100 * diff / float; null when the float population is silent. */
  diffPercent: number | null;
}

/** Mean rate of `count` spikes over `size` neurons and `durationMs`, Hz. */
export function meanRate(count: number, size: number, durationMs: number): number {
  return size > 0 && durationMs > 0 ? (count * 1000) / (size * durationMs) : 0;
}

/**
 * One row per population of the float document, in its order; spike counts by population id
 * (a population missing from a run counts as silent).
 *
 * @example rateRows(float, fixed, { n: 10 }, { n: 11 }, 200)[0] // { floatHz: 50, fixedHz: 55, diffPercent: 10, ... }
 */
export function rateRows(
  floatDoc: NetworkDocument,
  fixedDoc: NetworkDocument,
  floatCounts: Readonly<Record<string, number>>,
  fixedCounts: Readonly<Record<string, number>>,
  durationMs: number,
): RateRow[] {
  return floatDoc.populations.map((p) => {
    const fixedModel = fixedDoc.populations.find((q) => q.id === p.id)?.model ?? p.model;
    const floatHz = meanRate(floatCounts[p.id] ?? 0, p.size, durationMs);
    const fixedHz = meanRate(fixedCounts[p.id] ?? 0, p.size, durationMs);
    const diffHz = fixedHz - floatHz;
    return {
      id: p.id,
      name: nameOf(p),
      floatModel: p.model,
      fixedModel,
      floatHz,
      fixedHz,
      diffHz,
      diffPercent: floatHz === 0 ? null : (100 * diffHz) / floatHz,
    };
  });
}

/** A rate or difference for the table: 3 significant digits, a sign on differences. */
export function formatHz(x: number, signed = false): string {
  const text = Number(x.toPrecision(3)).toString();
  return signed && x > 0 ? `+${text}` : text;
}

/** A percentage for the table, one decimal, signed; "–" when undefined. */
export function formatPercent(x: number | null): string {
  if (x === null) return '–';
  return `${x > 0 ? '+' : ''}${x.toFixed(1)} %`;
}
