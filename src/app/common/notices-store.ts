/**
 * Messages the page shows the user: short toasts ("Link copied") and the issues panel that
 * lists every problem of a document that could not be opened. UI state only, so it lives
 * beside the components rather than in src/store.
 */
import { create } from 'zustand';
import type { ValidationIssue } from '../../model/index.ts';

export type ToastTone = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  text: string;
}

export interface IssueReport {
  /** What was being opened, e.g. `broken.json` or `the share link`. */
  title: string;
  issues: readonly ValidationIssue[];
}

interface NoticesState {
  toasts: readonly Toast[];
  report: IssueReport | null;
  toast: (text: string, tone?: ToastTone) => void;
  dismissToast: (id: number) => void;
  showIssues: (report: IssueReport) => void;
  dismissIssues: () => void;
}

/** How long a toast stays, ms; errors stay until dismissed. */
const TOAST_MS = 3500;

let nextId = 1;

export const useNotices = create<NoticesState>()((set, get) => ({
  toasts: [],
  report: null,
  toast: (text, tone = 'info') => {
    const id = nextId++;
    set({ toasts: [...get().toasts, { id, tone, text }] });
    if (tone !== 'error') setTimeout(() => get().dismissToast(id), TOAST_MS);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  showIssues: (report) => set({ report }),
  dismissIssues: () => set({ report: null }),
}));
