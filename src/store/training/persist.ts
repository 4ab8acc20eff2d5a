/**
 * The training options survive a reload: saved to localStorage on every change, read back at
 * startup. What is read is untrusted (another version of the page, a hand edit), so each field
 * is taken only when it has the default's type and, for a choice, one of its values; the rest
 * falls back to the defaults.
 */
import {
  DEFAULT_TRAINING_OPTIONS,
  OPTIMIZERS,
  SCHEDULE_KINDS,
  TRAIN_DEVICES,
  TRAIN_RULES,
  type TrainingOptions,
} from './options.ts';

export const TRAINING_OPTIONS_KEY = 'spikelab.training-options';

/** The part of `Storage` used here (tests pass a Map-backed one). */
export type OptionsStorage = Pick<Storage, 'getItem' | 'setItem'>;

const CHOICES: Partial<Record<keyof TrainingOptions, readonly unknown[]>> = {
  rule: TRAIN_RULES.map((c) => c.value),
  schedule: SCHEDULE_KINDS.map((c) => c.value),
  device: TRAIN_DEVICES.map((c) => c.value),
  optimizer: OPTIMIZERS,
};

/**
 * The saved options merged over the defaults (the defaults alone when nothing usable is saved).
 *
 * @example loadTrainingOptions(window.localStorage).epochs
 */
export function loadTrainingOptions(storage: OptionsStorage | undefined): TrainingOptions {
  const options: TrainingOptions = { ...DEFAULT_TRAINING_OPTIONS };
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(TRAINING_OPTIONS_KEY) ?? 'null');
  } catch {
    return options;
  }
  if (typeof saved !== 'object' || saved === null) return options;
  const record = saved as Record<string, unknown>;
  const target = options as unknown as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_TRAINING_OPTIONS) as (keyof TrainingOptions)[]) {
    const value = record[key];
    const choices = CHOICES[key];
    const fits =
      choices !== undefined
        ? choices.includes(value)
        : typeof value === 'number' && Number.isFinite(value);
    if (fits) target[key] = value;
  }
  return options;
}

/** Saves `options`; a full or refused storage only costs persistence, never the page. */
export function saveTrainingOptions(
  storage: OptionsStorage | undefined,
  options: TrainingOptions,
): void {
  try {
    storage?.setItem(TRAINING_OPTIONS_KEY, JSON.stringify(options));
  } catch {
    // Private mode or quota: the options still live in the store for this session.
  }
}
