/**
 * A student's progress through the JSON lessons, kept in localStorage so a reload (or coming
 * back next week) finds it: which steps are done, and which steps have loaded their network
 * (so a reload does not replace the student's work with the step's starting network).
 */
import { createStore } from 'zustand/vanilla';

export const PROGRESS_STORAGE_KEY = 'spikelab.lesson-progress';

export interface LessonProgress {
  /** 1-based steps whose check passed. */
  done: number[];
  /** 1-based steps whose network was loaded. */
  opened: number[];
}

export type Progress = Record<string, LessonProgress>;

const EMPTY: LessonProgress = { done: [], opened: [] };

function numbers(value: unknown): number[] {
  return Array.isArray(value)
    ? value.filter((n): n is number => Number.isInteger(n) && n >= 1)
    : [];
}

/** What storage holds, cleaned; nothing usable gives an empty record (never throws). */
export function readProgress(storage: Storage | undefined): Progress {
  try {
    const value: unknown = JSON.parse(storage?.getItem(PROGRESS_STORAGE_KEY) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    const out: Progress = {};
    for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
      const e = (entry ?? {}) as Record<string, unknown>;
      out[id] = { done: numbers(e.done), opened: numbers(e.opened) };
    }
    return out;
  } catch {
    return {};
  }
}

export interface ProgressState {
  progress: Progress;
  of: (lesson: string) => LessonProgress;
  markDone: (lesson: string, step: number) => void;
  markOpened: (lesson: string, step: number) => void;
  /** Forgets a lesson's progress (Start over). */
  reset: (lesson: string) => void;
}

const added = (list: number[], n: number) =>
  list.includes(n) ? list : [...list, n].sort((a, b) => a - b);

export function createProgressStore(storage: Storage | undefined) {
  const store = createStore<ProgressState>()((set, get) => {
    const change = (lesson: string, patch: (p: LessonProgress) => LessonProgress) => {
      const before = get().of(lesson);
      const after = patch(before);
      if (after.done === before.done && after.opened === before.opened) return;
      set({ progress: { ...get().progress, [lesson]: after } });
    };
    return {
      progress: readProgress(storage),
      of: (lesson) => get().progress[lesson] ?? EMPTY,
      markDone: (lesson, step) =>
        change(lesson, (p) => (p.done.includes(step) ? p : { ...p, done: added(p.done, step) })),
      markOpened: (lesson, step) =>
        change(lesson, (p) =>
          p.opened.includes(step) ? p : { ...p, opened: added(p.opened, step) },
        ),
      reset: (lesson) => {
        const progress = { ...get().progress };
        delete progress[lesson];
        set({ progress });
      },
    };
  });
  store.subscribe((s) => {
    try {
      storage?.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(s.progress));
    } catch {
      // A full or blocked storage loses only the persistence.
    }
  });
  return store;
}
