/**
 * The import dialog's fields as the user typed them, and their check: the text of dt and
 * duration becomes NirImportOptions, or a message naming the field that is wrong.
 */
import type { NirImportOptions } from '../../model/interchange/nir/import.ts';

export type NirTimeUnit = NirImportOptions['timeUnit'];
export type NirDiscretisation = NirImportOptions['discretisation'];

export interface NirImportForm {
  /** The step in `timeUnit`, as typed. */
  dt: string;
  /** The unit of the file's times (taus, dt): NIR's own convention is seconds. */
  timeUnit: NirTimeUnit;
  discretisation: NirDiscretisation;
  /** The run's length in ms, as typed. */
  duration: string;
}

export const DEFAULT_IMPORT_FORM: NirImportForm = {
  dt: '1e-3',
  timeUnit: 's',
  discretisation: 'exact',
  duration: '100',
};

/** Milliseconds in one `unit`: the document's times are in ms. */
export const MS_PER_UNIT: Record<NirTimeUnit, number> = { s: 1000, ms: 1 };

/** One line per discretisation, shown under its choice. */
export const DISCRETISATION_HELP: Record<NirDiscretisation, string> = {
  exact:
    'each step decays by exp(−dt/τ): the exact solution for an input held over the step (as Brian2 and Norse integrate).',
  euler:
    'each step decays by 1 − dt/τ, as snnTorch’s beta = 1 − dt/τ does; close to exact only when dt ≪ τ.',
};

export type FormCheck =
  | { ok: true; options: NirImportOptions; dtMs: number; steps: number }
  | { ok: false; field: 'dt' | 'duration'; message: string };

/** Largest number of steps an import sets up: the run of a typo'd duration must still end. */
export const MAX_IMPORT_STEPS = 10_000_000;

/**
 * Checks the form and converts it.
 *
 * @example checkImportForm(DEFAULT_IMPORT_FORM) // ok, dtMs 1, steps 100
 */
export function checkImportForm(form: NirImportForm): FormCheck {
  const dt = parseNumber(form.dt);
  if (dt === undefined || !(dt > 0)) {
    return { ok: false, field: 'dt', message: `dt: "${form.dt}" is not a positive number` };
  }
  const duration = parseNumber(form.duration);
  if (duration === undefined || !(duration > 0)) {
    return {
      ok: false,
      field: 'duration',
      message: `duration: "${form.duration}" is not a positive number of ms`,
    };
  }
  const dtMs = dt * MS_PER_UNIT[form.timeUnit];
  const steps = Math.round(duration / dtMs);
  if (steps < 1) {
    return {
      ok: false,
      field: 'duration',
      message: `duration: ${duration} ms is shorter than one step (${dtMs} ms)`,
    };
  }
  if (steps > MAX_IMPORT_STEPS) {
    return {
      ok: false,
      field: 'duration',
      message: `duration: ${duration} ms is ${steps} steps of ${dtMs} ms (at most ${MAX_IMPORT_STEPS})`,
    };
  }
  return {
    ok: true,
    options: { dt, timeUnit: form.timeUnit, discretisation: form.discretisation, duration },
    dtMs,
    steps,
  };
}

/** A finite number from the whole text (`1e-3`, ` 0.5 `), else undefined (`1ms`, ``). */
function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}
