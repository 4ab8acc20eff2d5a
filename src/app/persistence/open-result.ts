/**
 * The one way a whole document enters the editor from outside (file, example, link): a valid
 * one replaces the network as an undoable edit; an invalid one is reported issue by issue and
 * the current network stays exactly as it was.
 */
import type { LoadResult } from '../../store/persistence/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { useNotices } from '../common/notices-store.ts';

export interface OpenOptions {
  /** Shown in the issues panel ("Could not open <title>") and the toast. */
  title: string;
  /** Whether the load is an undoable user edit (opening a file) or not (startup). */
  record?: boolean;
}

/** Loads `result` if it is valid; returns whether it was. */
export function openResult(result: LoadResult, { title, record = true }: OpenOptions): boolean {
  const notices = useNotices.getState();
  if (!result.ok) {
    notices.showIssues({ title, issues: result.issues });
    return false;
  }
  // A startup load must not hide the report of a damaged link it fell back from.
  if (record) notices.dismissIssues();
  documentStore.getState().loadDocument(result.document, { record, label: `open ${title}` });
  if (record) notices.toast(`Opened ${title}`, 'success');
  return true;
}
