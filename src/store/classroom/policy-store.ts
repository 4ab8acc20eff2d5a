/**
 * The classroom store: the teacher's control policy (from the teacher panel or a teacher's
 * link), the policy of the open lesson step, the lesson a share link points at, and whether
 * teacher mode is on. `active` is what the page enforces: both policies merged, and in
 * teacher mode only the lesson's (the teacher must be able to change what students cannot).
 * The teacher's part is kept in storage, so a reload of a student's page keeps its locks.
 */
import { createStore } from 'zustand/vanilla';
import {
  EMPTY_POLICY,
  mergePolicies,
  toggled,
  type ControlPolicy,
  type ParamRange,
} from '../../model/classroom/policy.ts';
import { parsePolicy } from '../../model/classroom/policy-schema.ts';
import type { ParamPath } from '../../model/param-path.ts';

export const CLASSROOM_STORAGE_KEY = 'spikelab.classroom';

/** A lesson and a 1-based step, as `&lesson=<id>/<step>` in a share link. */
export interface LessonRef {
  id: string;
  step: number;
}

export interface ClassroomState {
  teacherPolicy: ControlPolicy;
  lessonPolicy: ControlPolicy;
  lesson: LessonRef | null;
  teacherMode: boolean;
  /** What the page enforces now. */
  active: ControlPolicy;

  setTeacherPolicy: (policy: ControlPolicy) => void;
  setLessonPolicy: (policy: ControlPolicy) => void;
  setLesson: (lesson: LessonRef | null) => void;
  setTeacherMode: (on: boolean) => void;
  setHidden: (id: string, on: boolean) => void;
  setLocked: (id: string, on: boolean) => void;
  /** Sets (or with `null` removes) the teacher's range of a parameter. */
  setRange: (path: ParamPath, range: ParamRange | null) => void;
}

interface Saved {
  policy: unknown;
  lesson: LessonRef | null;
  teacherMode: boolean;
}

function activeOf(s: Pick<ClassroomState, 'teacherPolicy' | 'lessonPolicy' | 'teacherMode'>) {
  return s.teacherMode ? s.lessonPolicy : mergePolicies(s.teacherPolicy, s.lessonPolicy);
}

/** What storage holds, or the empty start when it holds nothing usable (never throws). */
function load(storage: Storage | undefined): Omit<Saved, 'policy'> & { policy: ControlPolicy } {
  const fresh = { policy: EMPTY_POLICY, lesson: null, teacherMode: false };
  try {
    const text = storage?.getItem(CLASSROOM_STORAGE_KEY);
    if (text === null || text === undefined) return fresh;
    const saved = JSON.parse(text) as Partial<Saved>;
    const parsed = parsePolicy(saved.policy);
    const lesson = saved.lesson;
    return {
      policy: parsed.ok ? parsed.policy : EMPTY_POLICY,
      lesson:
        lesson !== null && typeof lesson?.id === 'string' && Number.isInteger(lesson.step)
          ? lesson
          : null,
      teacherMode: saved.teacherMode === true,
    };
  } catch {
    return fresh;
  }
}

export function createClassroomStore(storage?: Storage) {
  const start = load(storage);
  const store = createStore<ClassroomState>()((set, get) => {
    /** Applies a change, recomputes `active`. */
    const update = (patch: Partial<ClassroomState>) => {
      const next = { ...get(), ...patch };
      set({ ...patch, active: activeOf(next) });
    };
    const editTeacher = (change: (p: ControlPolicy) => ControlPolicy) =>
      update({ teacherPolicy: change(get().teacherPolicy) });
    return {
      teacherPolicy: start.policy,
      lessonPolicy: EMPTY_POLICY,
      lesson: start.lesson,
      teacherMode: start.teacherMode,
      active: activeOf({
        teacherPolicy: start.policy,
        lessonPolicy: EMPTY_POLICY,
        teacherMode: start.teacherMode,
      }),
      setTeacherPolicy: (policy) => update({ teacherPolicy: policy }),
      setLessonPolicy: (policy) => update({ lessonPolicy: policy }),
      setLesson: (lesson) => update({ lesson }),
      setTeacherMode: (on) => update({ teacherMode: on }),
      setHidden: (id, on) => editTeacher((p) => ({ ...p, hidden: toggled(p.hidden, id, on) })),
      setLocked: (id, on) => editTeacher((p) => ({ ...p, locked: toggled(p.locked, id, on) })),
      setRange: (path, range) =>
        editTeacher((p) => {
          const ranges = { ...p.ranges };
          if (range === null) delete ranges[path];
          else ranges[path] = range;
          return { ...p, ranges };
        }),
    };
  });
  store.subscribe((s, prev) => {
    if (
      s.teacherPolicy === prev.teacherPolicy &&
      s.lesson === prev.lesson &&
      s.teacherMode === prev.teacherMode
    ) {
      return;
    }
    try {
      const saved: Saved = {
        policy: s.teacherPolicy,
        lesson: s.lesson,
        teacherMode: s.teacherMode,
      };
      storage?.setItem(CLASSROOM_STORAGE_KEY, JSON.stringify(saved));
    } catch {
      // A full or blocked storage loses only the persistence, not the policy of this page.
    }
  });
  return store;
}

export type ClassroomStore = ReturnType<typeof createClassroomStore>;
