/**
 * Local autosave: the document goes to localStorage a moment after the last change (debounced,
 * so a drag writes once, not per frame) and is read back when the page opens.
 */
import type { NetworkDocument } from '../../model/document.ts';
import { parseDocumentJson } from '../../model/index.ts';
import type { LoadResult } from './load-result.ts';

/** localStorage key; the document's own version field handles format changes. */
export const AUTOSAVE_KEY = 'spikelab.autosave';

/** Milliseconds of quiet before a change is written. */
export const AUTOSAVE_DELAY_MS = 400;

/** The part of `Storage` autosave needs, so tests can pass a Map-backed fake. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The autosaved document, `null` when there is none. A damaged one is reported, not thrown. */
export function readAutosave(storage: KeyValueStorage): LoadResult | null {
  const text = storage.getItem(AUTOSAVE_KEY);
  if (text === null) return null;
  return parseDocumentJson(text);
}

/** Writes the document now; `false` when storage refuses (quota, private mode). */
export function writeAutosave(storage: KeyValueStorage, doc: NetworkDocument): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(doc));
    return true;
  } catch {
    return false;
  }
}

export interface Autosaver {
  /** Schedules a write of `doc` after the quiet period, replacing any pending one. */
  schedule: (doc: NetworkDocument) => void;
  /** Writes the pending document now (page hide, before unload). */
  flush: () => void;
  /** Drops any pending write without writing it. */
  cancel: () => void;
}

/** A debounced writer. `onError` hears when storage refuses a write. */
export function createAutosaver(
  storage: KeyValueStorage,
  delayMs: number = AUTOSAVE_DELAY_MS,
  onError: () => void = () => {},
): Autosaver {
  let pending: NetworkDocument | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    const doc = pending;
    pending = null;
    if (!writeAutosave(storage, doc)) onError();
  };
  return {
    schedule: (doc) => {
      pending = doc;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
