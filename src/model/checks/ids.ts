/**
 * Id uniqueness. Populations, projections, stimuli and probes share ONE namespace: the editor
 * selects, copies and deletes items by id without saying which kind it means, and the CLI's
 * output never has to disambiguate "exc" the population from "exc" the probe.
 */
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';

/** Reports every id used a second time, pointing at its first use. */
export function checkIds(ctx: CheckContext): void {
  const firstUse = new Map<string, string>();
  const lists = [
    ['populations', ctx.doc.populations],
    ['projections', ctx.doc.projections],
    ['stimuli', ctx.doc.stimuli],
    ['probes', ctx.doc.probes],
  ] as const;
  for (const [name, list] of lists) {
    list.forEach((item, i) => {
      const here = `${name}[${i}]`;
      const first = firstUse.get(item.id);
      if (first === undefined) firstUse.set(item.id, here);
      else
        flag(
          ctx,
          `${here}.id`,
          `duplicate id ${JSON.stringify(item.id)}, already used by ${first}`,
        );
    });
  }
}
