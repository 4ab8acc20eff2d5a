import { useCallback } from 'react';
import type { DocumentEdit } from '../../store/document/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { issueMessage } from './issue-message.ts';

/**
 * Returns `tryEdit(edit, field)`: applies the edit if the document stays valid and returns
 * `null`, else returns the message to show under the field. Edits of the same field fold into
 * one undo entry, so typing "12.5" is one step back, not four.
 */
export function useTryEdit(): (edit: DocumentEdit, field: string, itemId: string) => string | null {
  return useCallback((edit, field, itemId) => {
    const issues = documentStore
      .getState()
      .tryApply(edit, { mergeKey: `field:${itemId}:${field}` });
    return issueMessage(issues, field);
  }, []);
}
