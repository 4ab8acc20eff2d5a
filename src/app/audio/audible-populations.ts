/** Which populations can click: those whose spikes the run records (a spike probe). Pure. */
import type { NetworkDocument } from '../../model/document.ts';

export interface AudibleOption {
  id: string;
  label: string;
}

/**
 * The populations with a spike probe, in document order.
 *
 * @example
 * audiblePopulations(doc) // [{ id: 'exc', label: 'Excitatory' }, ...]
 */
export function audiblePopulations(doc: NetworkDocument): AudibleOption[] {
  const probed = new Set<string>();
  for (const probe of doc.probes) {
    if ('population' in probe && probe.kind === 'spikes') probed.add(probe.population);
  }
  return doc.populations
    .filter((p) => probed.has(p.id))
    .map((p) => ({ id: p.id, label: p.label ?? p.id }));
}

/** The chosen population if it is still audible, else the first audible one (null: none). */
export function effectivePopulation(
  chosen: string | null,
  options: readonly AudibleOption[],
): string | null {
  if (chosen !== null && options.some((o) => o.id === chosen)) return chosen;
  return options[0]?.id ?? null;
}
