/**
 * What every cross-reference check needs: the shape-valid document, the population index, and
 * a place to put issues.
 */
import type { NetworkDocument, Population } from '../document.ts';
import type { ValidationIssue } from '../validation-issue.ts';

export interface CheckContext {
  doc: NetworkDocument;
  /** The first population with each id (duplicates are reported by the id check). */
  populations: ReadonlyMap<string, { index: number; population: Population }>;
  issues: ValidationIssue[];
}

/** Builds the context for checking `doc`. */
export function createCheckContext(doc: NetworkDocument): CheckContext {
  const populations = new Map<string, { index: number; population: Population }>();
  doc.populations.forEach((population, index) => {
    if (!populations.has(population.id)) populations.set(population.id, { index, population });
  });
  return { doc, populations, issues: [] };
}

/** Appends the issue `path: message`. */
export function flag(ctx: CheckContext, path: string, message: string): void {
  ctx.issues.push({ path, message });
}

/**
 * The population `id` refers to, or undefined after reporting at `path` that there is none.
 */
export function resolvePopulation(
  ctx: CheckContext,
  path: string,
  id: string,
): Population | undefined {
  const found = ctx.populations.get(id);
  if (found === undefined) {
    flag(ctx, path, `no population has the id ${JSON.stringify(id)}`);
    return undefined;
  }
  return found.population;
}

/** "a poisson population" / "a stochastic_lif population", for messages. */
export function modelPhrase(population: Population): string {
  return `${JSON.stringify(population.id)} is a ${population.model} population`;
}
