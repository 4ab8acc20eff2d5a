/**
 * The lines of the synapse figures (Loihi learning, classic plasticity): weights (`w`, `w_act`)
 * or traces (x1 .. y3; pre_trace, post_trace, eligibility) of the probed synapses, one line
 * per synapse, labelled by projection and synapse, with the synapse's source and target neuron
 * when the connectivity fixes them.
 */
import type { NetworkDocument, Projection, SynapseVariable } from '../../model/index.ts';
import { weightUnit } from '../editor/projection-summary.ts';
import type { RunRecord } from '../../store/session/record.ts';
import type { FigureLine } from './line-figure.ts';
import { populationColor } from './plot-theme.ts';
import { traceLine } from './trace-points.ts';

/** Which synapse variables a figure shows. */
export type SynapseGroup = 'weights' | 'traces';

export function synapseGroup(variable: SynapseVariable): SynapseGroup {
  return variable === 'w' || variable === 'w_act' ? 'weights' : 'traces';
}

/**
 * Source and target neuron of synapse `n` of `projectionId` (connection order: sources
 * ascending, then targets), or undefined when the connectivity is random.
 *
 * @example synapseEnds(doc, 'in_out', 3) // [1, 1] for all_to_all from 2 into 2 neurons
 */
export function synapseEnds(
  doc: NetworkDocument,
  projectionId: string,
  n: number,
): [number, number] | undefined {
  const projection = doc.projections.find((p) => p.id === projectionId);
  const target = doc.populations.find((p) => p.id === projection?.target);
  if (projection === undefined || target === undefined) return undefined;
  const c = projection.connectivity;
  if (c.rule === 'one_to_one') return [n, n];
  if (c.rule === 'explicit') {
    // Pairs are in connection order (checked), so synapse n is pair n.
    const pre = c.pairs.sources[n];
    const post = c.pairs.targets[n];
    return pre === undefined || post === undefined ? undefined : [pre, post];
  }
  if (c.rule !== 'all_to_all') return undefined;
  // Without self-connections a neuron of a recurrent projection skips itself as a target.
  const skipSelf = projection.source === projection.target && !c.allow_self;
  const perSource = skipSelf ? target.size - 1 : target.size;
  if (perSource <= 0) return undefined;
  const pre = Math.floor(n / perSource);
  const k = n % perSource;
  return [pre, skipSelf && k >= pre ? k + 1 : k];
}

const UNITS: Record<SynapseVariable, string> = {
  w: 'w (mantissa)',
  w_act: 'w_act',
  x1: 'trace',
  x2: 'trace',
  y1: 'trace',
  y2: 'trace',
  y3: 'trace',
  pre_trace: 'pre trace',
  post_trace: 'post trace',
  eligibility: 'eligibility',
};

/**
 * The axis words of a probe: a Loihi weight is a mantissa, a classic plastic projection's `w`
 * is in its weight units (`w (mV)`), traces and eligibility are named as they are.
 *
 * @example probeUnit(doc, deltaProjection, 'w') // 'w (mV)'
 */
export function probeUnit(
  doc: NetworkDocument,
  projection: Projection | undefined,
  variable: SynapseVariable,
): string {
  if (projection === undefined || projection.synapse.kind === 'loihi' || variable !== 'w') {
    return UNITS[variable];
  }
  const target = doc.populations.find((p) => p.id === projection.target);
  return `w (${weightUnit(projection, target?.model)})`;
}

/** The synapse probes of `group` over the window; `widthPx` bounds the points per line. */
export function synapseLines(
  r: RunRecord,
  widthPx: number,
  group: SynapseGroup,
): { lines: FigureLine[]; unit: string } {
  const lines: FigureLine[] = [];
  const units = new Set<string>();
  for (const probe of r.synapseTraces.values()) {
    if (synapseGroup(probe.variable) !== group) continue;
    const projection = r.document.projections.find((p) => p.id === probe.projection);
    units.add(probeUnit(r.document, projection, probe.variable));
    const name = projection?.label ?? probe.projection;
    probe.synapses.forEach((synapse, column) => {
      const line = traceLine(
        probe.window,
        column,
        r.endStep - r.windowSteps,
        r.endStep,
        r.dt,
        widthPx,
      );
      const ends = synapseEnds(r.document, probe.projection, synapse);
      const where = ends === undefined ? `#${synapse}` : `#${synapse} (${ends[0]}→${ends[1]})`;
      lines.push({
        label: `${name} ${probe.variable} ${where}`,
        // One colour per line: the synapses of one projection are what a learning plot compares.
        color: populationColor(lines.length),
        alpha: 1,
        x: line.x,
        y: line.y,
      });
    });
  }
  return { lines, unit: [...units].join(', ') };
}
