/**
 * A document made ready for the board's core: refused by name where the core cannot run it
 * (the Verilog export's own refusals: models, learning, sizes the core's fields cannot hold),
 * else compiled to a `Plan` and laid out as the core's images. The engine's spikes are not
 * computed here: the caller runs the engine beside the board, or not at all.
 */
import { compile } from '../../engine/compile/index.ts';
import type { Plan } from '../../engine/plan.ts';
import { layoutCore, type CoreLayout } from '../../hdl/core-images.ts';
import { exportRefusals } from '../../hdl/core-refusals.ts';
import { ExportRefusedError } from '../../hdl/export-verilog.ts';
import type { NetworkDocument } from '../../model/document.ts';

export interface BoardRunPlan {
  plan: Plan;
  layout: CoreLayout;
  /** Steps of the document's run (duration / dt). */
  steps: number;
  /** Population ids in document order (the spikes' `population` indexes this). */
  populations: readonly string[];
}

/**
 * Compiles `doc` (validated) and lays it out for the core.
 *
 * @throws ExportRefusedError naming every population and projection the core cannot run.
 * @example prepareBoardRun(doc).layout.needs // { neurons: 40, populations: 2, ... }
 */
export function prepareBoardRun(doc: NetworkDocument): BoardRunPlan {
  const refusals = exportRefusals(doc);
  if (refusals.length > 0) {
    throw new ExportRefusedError(refusals, `'${doc.name}' cannot run on the board's core`);
  }
  const plan = compile(doc);
  const layout = layoutCore(plan);
  if (layout.problems.length > 0) {
    throw new ExportRefusedError(layout.problems, `'${doc.name}' does not fit the board's core`);
  }
  return {
    plan,
    layout,
    steps: plan.totalSteps,
    populations: doc.populations.map((p) => p.id),
  };
}
