/**
 * Undo/redo history of user edits, as pure functions over an immutable value.
 *
 * Entries hold the document before and after an edit; documents are immutable and edits share
 * structure, so a snapshot costs little. Interactions that emit many edits (dragging a node
 * emits one move per frame) open a transaction: edits inside it change the document but only
 * `commitTransaction` records one entry, and `cancelTransaction` bails out to where it began.
 * Consecutive entries with the same `mergeKey` also fold into one (e.g. nudging with arrows).
 */
import type { NetworkDocument } from '../../model/document.ts';

export interface HistoryEntry {
  label: string;
  before: NetworkDocument;
  after: NetworkDocument;
  mergeKey?: string;
}

export interface OpenTransaction {
  label: string;
  before: NetworkDocument;
}

export interface History {
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
  transaction: OpenTransaction | null;
}

/** How many undo steps are kept; older ones are dropped so memory stays bounded. */
export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { past: [], future: [], transaction: null };

function push(history: History, entry: HistoryEntry): History {
  const top = history.past[history.past.length - 1];
  if (top !== undefined && entry.mergeKey !== undefined && top.mergeKey === entry.mergeKey) {
    const merged: HistoryEntry = { ...entry, before: top.before };
    return { ...history, past: [...history.past.slice(0, -1), merged], future: [] };
  }
  const past = [...history.past, entry];
  return { ...history, past: past.slice(Math.max(0, past.length - HISTORY_LIMIT)), future: [] };
}

/**
 * Records a user edit. Inside a transaction nothing is recorded now: the transaction records
 * one entry for all its edits when it commits.
 */
export function record(
  history: History,
  label: string,
  before: NetworkDocument,
  after: NetworkDocument,
  mergeKey?: string,
): History {
  if (before === after || history.transaction !== null) return history;
  const entry: HistoryEntry =
    mergeKey === undefined ? { label, before, after } : { label, before, after, mergeKey };
  return push(history, entry);
}

/** Opens a transaction starting at `current`. An already open one is committed first. */
export function beginTransaction(
  history: History,
  label: string,
  current: NetworkDocument,
): History {
  const committed = commitTransaction(history, current);
  return { ...committed, transaction: { label, before: current } };
}

/** Closes the open transaction, recording one entry if the document changed since it began. */
export function commitTransaction(history: History, current: NetworkDocument): History {
  const open = history.transaction;
  if (open === null) return history;
  const closed: History = { ...history, transaction: null };
  if (open.before === current) return closed;
  return push(closed, { label: open.label, before: open.before, after: current });
}

/** Closes the open transaction without recording; returns the document to go back to. */
export function cancelTransaction(history: History): {
  history: History;
  restore: NetworkDocument | null;
} {
  const open = history.transaction;
  return { history: { ...history, transaction: null }, restore: open?.before ?? null };
}

/** Steps back one entry; `null` when there is nothing to undo. */
export function undo(
  history: History,
  current: NetworkDocument,
): { history: History; document: NetworkDocument } | null {
  const h = commitTransaction(history, current);
  const entry = h.past[h.past.length - 1];
  if (entry === undefined) return null;
  return {
    history: { past: h.past.slice(0, -1), future: [entry, ...h.future], transaction: null },
    document: entry.before,
  };
}

/** Steps forward one entry; `null` when there is nothing to redo. */
export function redo(
  history: History,
  current: NetworkDocument,
): { history: History; document: NetworkDocument } | null {
  const h = commitTransaction(history, current);
  const entry = h.future[0];
  if (entry === undefined) return null;
  return {
    history: { past: [...h.past, entry], future: h.future.slice(1), transaction: null },
    document: entry.after,
  };
}
