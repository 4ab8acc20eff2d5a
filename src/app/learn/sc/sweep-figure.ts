/** Step 3's figure: RMS error against length on log-log axes, with the 1/sqrt(L) line. */
import type { Trace } from '../../plots/plotly.ts';
import { COLORS, GENERATOR_COLORS } from './colors.ts';
import { bernoulliTheory, type SweepCurve, type SweepMeasure } from './error-sweep.ts';
import { GENERATOR_INFO } from './generators.ts';

/** One marker line per generator (unmeasured lengths left out) and the theory line. */
export function sweepTraces(
  lengths: readonly number[],
  curves: readonly SweepCurve[],
  measure: SweepMeasure,
): Trace[] {
  const theory: Trace = {
    type: 'scatter',
    mode: 'lines',
    name: '√(p(1−p)/L) ∝ 1/√L',
    x: [...lengths],
    y: lengths.map((L) => bernoulliTheory(measure, L)),
    line: { color: COLORS.theory, width: 1.5, dash: 'dash' },
  };
  const measured: Trace[] = curves.map((c) => {
    const done = lengths.map((_, i) => i).filter((i) => Number.isFinite(c.rms[i]));
    return {
      type: 'scatter',
      mode: 'lines+markers',
      name: GENERATOR_INFO[c.generator].name,
      x: done.map((i) => lengths[i] as number),
      y: done.map((i) => c.rms[i] as number),
      line: { color: GENERATOR_COLORS[c.generator], width: 1.8 },
      marker: { color: GENERATOR_COLORS[c.generator], size: 6 },
    };
  });
  return [theory, ...measured];
}
