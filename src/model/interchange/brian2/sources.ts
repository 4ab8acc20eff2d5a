/**
 * Spike sources: Poisson populations as PoissonGroups (Brian2 draws its own spikes: the rate
 * is Spikelab's, the spikes are not) and spike generators as SpikeGeneratorGroups with the
 * compile's schedule (times rounded to steps, duplicates and spikes past the period or the
 * run already dropped, `src/engine/CONTEXT.md`), so Brian2 fires them at the same steps.
 */
import type { Population } from '../../document.ts';
import type { CompiledPopulation } from './compiled.ts';
import type { GroupCode } from './neurons.ts';
import { naturalsExpr } from './pack.ts';
import { pyNumber, pyString } from './python.ts';

/** A PoissonGroup of the population's constant rate. */
export function poissonCode(
  pop: Extract<Population, { model: 'poisson' }>,
  name: string,
): GroupCode {
  return {
    code: [
      `# Population '${pop.id}': Poisson, ${pop.size} sources at ${pyNumber(pop.params.rate)} Hz (Brian2's own draws).`,
      `${name} = PoissonGroup(${pop.size}, rates=${pyNumber(pop.params.rate)}*Hz, name=${pyString(name)})`,
    ].join('\n'),
    objects: [name],
  };
}

/** The generator's schedule as (step, index) pairs in step order, and its period in steps. */
export function generatorSchedule(compiled: CompiledPopulation): {
  steps: number[];
  indices: number[];
  periodSteps: number;
} {
  const { stepPtr, indices: all, periodSteps = 0 } = compiled.model;
  const steps: number[] = [];
  const indices: number[] = [];
  if (stepPtr === undefined || all === undefined) return { steps, indices, periodSteps };
  for (let s = 0; s + 1 < stepPtr.length; s++) {
    for (let k = stepPtr[s] ?? 0; k < (stepPtr[s + 1] ?? 0); k++) {
      steps.push(s);
      indices.push(all[k] ?? 0);
    }
  }
  return { steps, indices, periodSteps };
}

/** A SpikeGeneratorGroup firing the compile's schedule (times as whole steps of dt). */
export function spikeGeneratorCode(
  pop: Extract<Population, { model: 'spike_generator' }>,
  compiled: CompiledPopulation,
  name: string,
): GroupCode {
  const { steps, indices, periodSteps } = generatorSchedule(compiled);
  const period = periodSteps > 0 ? `, period=${periodSteps}*defaultclock.dt` : '';
  return {
    code: [
      `# Population '${pop.id}': spike generator, ${pop.size} neurons, ${steps.length} spikes${periodSteps > 0 ? ` repeated every ${periodSteps} steps` : ''}.`,
      `${name} = SpikeGeneratorGroup(`,
      `    ${pop.size}, ${naturalsExpr(indices)},`,
      `    np.asarray(${naturalsExpr(steps)}, dtype=float)*defaultclock.dt${period}, name=${pyString(name)})`,
    ].join('\n'),
    objects: [name],
  };
}
