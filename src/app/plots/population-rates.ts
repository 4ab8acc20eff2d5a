/**
 * Population rates over the plots' window: from the spike window where the population is
 * recorded, otherwise from a rate probe's per-step counts.
 */
import type { RunRecord } from '../../store/session/record.ts';
import { binRates, countSteps, type BinnedRate } from '../../store/session/rates.ts';

export interface PopulationRate extends BinnedRate {
  population: string;
  label: string;
}

/** Bin width when a population has no rate probe to say otherwise, ms. */
export const DEFAULT_RATE_BIN_MS = 5;

/** Rates of every recorded population over the last `record.windowMs`. */
export function windowRates(record: RunRecord): PopulationRate[] {
  const to = record.endStep;
  const from = Math.max(0, to - record.windowSteps);
  const binOf = new Map<string, number>();
  for (const r of record.rates.values()) binOf.set(r.population, r.bin);
  const out: PopulationRate[] = [];
  for (const s of record.spikes.values()) {
    const bin = Math.max(binOf.get(s.population) ?? DEFAULT_RATE_BIN_MS, record.dt);
    const binSteps = Math.max(1, Math.round(bin / record.dt));
    // Start on a bin boundary so bins do not shift as the window slides.
    const first = Math.ceil(from / binSteps) * binSteps;
    const counts = countSteps(
      s.window.steps,
      s.window.firstAtOrAfter(first),
      s.window.length,
      first,
      to,
    );
    const rate = binRates(counts, 0, to - first, record.dt, bin, s.size);
    out.push({
      population: s.population,
      label: s.label,
      t: rate.t.map((t) => t + first * record.dt),
      hz: rate.hz,
    });
  }
  for (const r of record.rates.values()) {
    if (record.spikes.has(r.population)) continue;
    const label = record.document.populations.find((p) => p.id === r.population)?.label;
    out.push({
      population: r.population,
      label: label ?? r.population,
      ...binRates(r.full.counts, from, Math.min(to, r.full.length), record.dt, r.bin, r.size),
    });
  }
  return out;
}
