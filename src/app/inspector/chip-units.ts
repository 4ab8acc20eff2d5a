/**
 * The chips' own units in the inspector: DynapSim's SI values shown and typed in pA, nA and pF
 * (the document keeps amperes and farads, as Rockpool does), and the effective value beside a
 * chip parameter (Loihi's threshold behind its mantissa, the time constants behind decays and
 * bias currents). Pure, so the numbers are unit-tested apart from React.
 */
import type { ParamUnit, Population } from '../../model/index.ts';
import { dynapsimTimeConstants } from '../../model/dynapsim-constants.ts';
import { loihiEffective } from '../../model/index.ts';
import { formatNumber } from '../editor/projection-summary.ts';
import { fixedPointNote } from './fixed-point-notes.ts';

/** How a value is shown: its unit on screen and the factor from the stored SI value. */
export interface DisplayUnit {
  unit: string;
  factor: number;
}

/**
 * The on-screen unit of an SI parameter: currents in pA below 1 nA and in nA above (judged
 * from `reference`, the model's default, so the unit does not flip while the user types),
 * capacitances in pF; other units are shown as stored (factor 1).
 *
 * @example displayUnit('A', 5e-13) // { unit: 'pA', factor: 1e12 }
 */
export function displayUnit(unit: ParamUnit, reference: number): DisplayUnit {
  if (unit === 'A') {
    return Math.abs(reference) < 1e-9 ? { unit: 'pA', factor: 1e12 } : { unit: 'nA', factor: 1e9 };
  }
  if (unit === 'F') return { unit: 'pF', factor: 1e12 };
  return { unit, factor: 1 };
}

/**
 * `value * factor`, rounded to 12 significant digits so 5e-13 A reads 0.5 pA, not
 * 0.49999999999999994.
 *
 * @example toDisplay(5e-13, 1e12) // 0.5
 */
export function toDisplay(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}

/**
 * The stored SI value of a typed `display` value, rounded the same way.
 *
 * @example fromDisplay(0.5, 1e12) // 5e-13
 */
export function fromDisplay(display: number, factor: number): number {
  return factor === 1 ? display : Number((display / factor).toPrecision(12));
}

/**
 * A duration in seconds in the unit that reads best: µs, ms or s.
 *
 * @example formatSeconds(0.02) // '20 ms'
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const abs = Math.abs(seconds);
  if (abs < 1e-3) return `${formatNumber(seconds * 1e6)} µs`;
  if (abs < 1) return `${formatNumber(seconds * 1e3)} ms`;
  return `${formatNumber(seconds)} s`;
}

/** A time constant in Loihi steps (1 ms each), `∞` for no decay. */
function loihiTau(steps: number): string {
  if (!Number.isFinite(steps)) return 'τ = ∞ (no decay)';
  return `τ = ${formatNumber(steps)} ${steps === 1 ? 'step' : 'steps'}`;
}

/**
 * The effective value a chip parameter stands for, shown beside its field, or `null`: Loihi's
 * threshold (`threshold_v_mant * 2^6`) and time constants (`4096 / decay` steps); DynapSim's
 * time constants and pulse widths from its currents (Rockpool's formulas); a fixed-point LIF's
 * integers (`fixed-point-notes.ts`; leak and gain depend on the run's `dt`, ms).
 *
 * @example paramNote(loihiPopulation, 'threshold_v_mant', 1) // 'θ = 6400'
 */
export function paramNote(population: Population, key: string, dt?: number): string | null {
  switch (population.model) {
    case 'fixed_point_lif':
      return fixedPointNote(population.params, key, dt);
    case 'loihi': {
      const e = loihiEffective(population.params);
      if (key === 'threshold_v_mant') return `θ = ${String(e.threshold)}`;
      if (key === 'decay_v') return loihiTau(e.tauV);
      if (key === 'decay_I') return loihiTau(e.tauI);
      return null;
    }
    case 'dynapsim': {
      const t = dynapsimTimeConstants(population.params);
      const notes: Readonly<Record<string, string>> = {
        Itau_mem: `τ_mem = ${formatSeconds(t.tau_mem)}`,
        Itau_syn: `τ_syn = ${formatSeconds(t.tau_syn)}`,
        Itau_ahp: `τ_ahp = ${formatSeconds(t.tau_ahp)}`,
        Ipulse: `t_pulse = ${formatSeconds(t.t_pulse)}`,
        Ipulse_ahp: `t_pulse = ${formatSeconds(t.t_pulse_ahp)}`,
        Iref: `t_ref = ${formatSeconds(t.t_ref)}`,
      };
      return notes[key] ?? null;
    }
    case 'stochastic_lif':
    case 'poisson':
    case 'spike_generator':
    case 'sc_dense':
    case 'izhikevich':
    case 'adex':
    case 'nir_neuron':
      return null;
  }
}
