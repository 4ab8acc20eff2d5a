/**
 * The control policy a teacher (or a lesson step) puts on the page: which controls are hidden,
 * which are locked, and which parameters are limited to a range. Entries are parameter paths
 * (`src/model/param-path.ts`) or UI control ids `ui/<name>` (`ui-controls.ts`). Pure data and
 * pure helpers; the store (`src/store/classroom`) holds the active one.
 */
import type { ParamPath } from '../param-path.ts';

export interface ParamRange {
  min: number;
  max: number;
}

export interface ControlPolicy {
  hidden: string[];
  locked: string[];
  ranges: Record<ParamPath, ParamRange>;
}

/** No restriction: what a page without a teacher's link runs under. */
export const EMPTY_POLICY: ControlPolicy = Object.freeze({ hidden: [], locked: [], ranges: {} });

/** The prefix of UI control ids, which name parts of the page rather than numbers. */
export const UI_PREFIX = 'ui/';

/** Whether `id` names a part of the page (`ui/palette`) rather than a parameter path. */
export function isUiControl(id: string): boolean {
  return id.startsWith(UI_PREFIX);
}

/** Whether the policy restricts nothing (a share link then carries no `policy=`). */
export function isEmptyPolicy(policy: ControlPolicy): boolean {
  return (
    policy.hidden.length === 0 &&
    policy.locked.length === 0 &&
    Object.keys(policy.ranges).length === 0
  );
}

/** Whether the control or parameter `id` is hidden from students. */
export function isHidden(policy: ControlPolicy, id: string): boolean {
  return policy.hidden.includes(id);
}

/** A hidden control is locked too: hiding must not leave a way to change it (keys, paste). */
export function isLocked(policy: ControlPolicy, id: string): boolean {
  return policy.locked.includes(id) || policy.hidden.includes(id);
}

/**
 * The teacher's range of a parameter, or `null` when it has none.
 *
 * @example rangeOf({ hidden: [], locked: [], ranges: { 'run/duration': { min: 10, max: 100 } } }, 'run/duration') // { min: 10, max: 100 }
 */
export function rangeOf(policy: ControlPolicy, path: ParamPath): ParamRange | null {
  return Object.hasOwn(policy.ranges, path) ? (policy.ranges[path] ?? null) : null;
}

/**
 * `value` moved into `range` (unchanged when there is none).
 *
 * @example clampToRange(5, { min: 0, max: 2 }) // 2
 */
export function clampToRange(value: number, range: ParamRange | null): number {
  if (range === null) return value;
  return Math.min(range.max, Math.max(range.min, value));
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Both policies at once (a teacher's and a lesson step's): every hidden and locked entry of
 * either, and for a path ranged by both the intersection (an empty intersection keeps
 * `b`'s range, the later and more specific one).
 */
export function mergePolicies(a: ControlPolicy, b: ControlPolicy): ControlPolicy {
  const ranges: Record<ParamPath, ParamRange> = { ...a.ranges };
  for (const [path, range] of Object.entries(b.ranges)) {
    const other = ranges[path];
    if (other === undefined) ranges[path] = range;
    else {
      const min = Math.max(other.min, range.min);
      const max = Math.min(other.max, range.max);
      ranges[path] = min <= max ? { min, max } : range;
    }
  }
  return { hidden: union(a.hidden, b.hidden), locked: union(a.locked, b.locked), ranges };
}

/** `list` with `id` added or removed. */
export function toggled(list: readonly string[], id: string, on: boolean): string[] {
  const without = list.filter((x) => x !== id);
  return on ? [...without, id] : without;
}

/** A lesson step's policy (ranges as a list of `{ path, min, max }`) as a ControlPolicy. */
export function policyFromList(step: {
  hidden: readonly string[];
  locked: readonly string[];
  ranges: readonly { path: string; min: number; max: number }[];
}): ControlPolicy {
  const ranges: Record<ParamPath, ParamRange> = {};
  for (const r of step.ranges) ranges[r.path] = { min: r.min, max: r.max };
  return { hidden: [...step.hidden], locked: [...step.locked], ranges };
}
