import { useNotices } from './notices-store.ts';

/** Short messages in the bottom corner; `role=status` so screen readers announce them. */
export function Toasts() {
  const toasts = useNotices((s) => s.toasts);
  const dismiss = useNotices((s) => s.dismissToast);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} data-testid="toast">
          <span>{t.text}</span>
          <button
            type="button"
            className="toast-close"
            aria-label="Dismiss"
            onClick={() => dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
