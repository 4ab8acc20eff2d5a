/**
 * Everything the schema cannot check one field at a time: references between items, id
 * uniqueness, and limits that depend on several fields. Runs on a shape-valid document only.
 */
import type { NetworkDocument } from '../document.ts';
import type { ValidationIssue } from '../validation-issue.ts';
import { createCheckContext } from './context.ts';
import { checkPopulationShapes, checkStructuredProjections } from './conv.ts';
import { checkIds } from './ids.ts';
import { checkLoihi } from './loihi.ts';
import { checkDynapsim } from './dynapsim.ts';
import { checkFixedPointLifInputs } from './fixed-point-lif.ts';
import { checkNirInputs } from './nir-neuron.ts';
import { checkPlasticity } from './plasticity.ts';
import { checkPopulations } from './populations.ts';
import { checkProjections } from './projections.ts';
import { checkRun } from './run.ts';
import { checkSeries } from './series.ts';
import { checkProbes, checkStimuli } from './stimuli-probes.ts';
import { checkSynapseProbes } from './synapse-probes.ts';

/**
 * All cross-reference issues of a shape-valid document, in document order.
 *
 * @example checkDocument(doc) // [{ path: 'projections[0].source', message: 'no population ...' }]
 */
export function checkDocument(doc: NetworkDocument): ValidationIssue[] {
  const ctx = createCheckContext(doc);
  checkIds(ctx);
  checkPopulations(ctx);
  checkPopulationShapes(ctx);
  checkProjections(ctx);
  checkStructuredProjections(ctx);
  checkPlasticity(ctx);
  checkStimuli(ctx);
  checkSeries(ctx);
  checkProbes(ctx);
  checkSynapseProbes(ctx);
  checkRun(ctx);
  checkLoihi(ctx);
  checkDynapsim(ctx);
  checkFixedPointLifInputs(ctx);
  checkNirInputs(ctx);
  return ctx.issues;
}
