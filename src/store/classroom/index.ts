/**
 * The page's classroom store, bound to localStorage, to React, and to the document store's
 * edit guard: from here on every edit of the network is checked against the active policy.
 */
import { useStore } from 'zustand';
import { policyViolations } from '../../model/classroom/enforce.ts';
import { isHidden, isLocked, rangeOf, type ParamRange } from '../../model/classroom/policy.ts';
import { setEditGuard } from '../document/edit-guard.ts';
import { createClassroomStore, type ClassroomState } from './policy-store.ts';

/** localStorage, or nothing where it cannot be reached (a sandboxed frame). */
function localStorageOrNone(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export const classroomStore = createClassroomStore(localStorageOrNone());

setEditGuard((before, after) => policyViolations(classroomStore.getState().active, before, after));

/** Hook over `classroomStore`; also has `getState`, `setState` and `subscribe`. */
export const useClassroomStore = Object.assign(
  <T>(selector: (state: ClassroomState) => T): T => useStore(classroomStore, selector),
  classroomStore,
);

export interface PolicyView {
  isHidden: (id: string) => boolean;
  isLocked: (id: string) => boolean;
  rangeOf: (path: string) => ParamRange | null;
}

/** What the active policy says about a control or parameter, for components. */
export function usePolicy(): PolicyView {
  const policy = useClassroomStore((s) => s.active);
  return {
    isHidden: (id) => isHidden(policy, id),
    isLocked: (id) => isLocked(policy, id),
    rangeOf: (path) => rangeOf(policy, path),
  };
}

export { CLASSROOM_STORAGE_KEY, type ClassroomState, type LessonRef } from './policy-store.ts';
