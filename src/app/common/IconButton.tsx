import type { ReactNode } from 'react';

interface IconButtonProps {
  /** Accessible name, also the first line of the tooltip. */
  label: string;
  /** Keyboard shortcut shown in the tooltip, e.g. `Ctrl+Z`. */
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
  testId?: string;
  className?: string;
}

/** A compact button whose tooltip names what it does and its shortcut. */
export function IconButton(props: IconButtonProps) {
  const title = props.shortcut === undefined ? props.label : `${props.label} (${props.shortcut})`;
  return (
    <button
      type="button"
      className={`btn ${props.className ?? 'btn-ghost'}`}
      aria-label={props.label}
      aria-keyshortcuts={props.shortcut?.replace(/Ctrl/g, 'Control')}
      title={title}
      onClick={props.onClick}
      disabled={props.disabled}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}
