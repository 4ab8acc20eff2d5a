import { ExamplesMenu } from '../persistence/ExamplesMenu.tsx';
import { FileMenu } from '../persistence/FileMenu.tsx';
import { NetworkName } from './NetworkName.tsx';
import { UndoRedo } from './UndoRedo.tsx';

/** The top bar: product name, the network's name, file and example menus, undo and redo. */
export function AppHeader() {
  return (
    <header className="app-header">
      <div className="brand" aria-label="Spikelab">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M2 16 H7 L9 4 L12 20 L14 10 H22"
            fill="none"
            stroke="url(#brand)"
            strokeWidth="2.4"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
          <defs>
            <linearGradient id="brand" x1="0" x2="1">
              <stop offset="0" stopColor="#5eb1ff" />
              <stop offset="1" stopColor="#ff8a5c" />
            </linearGradient>
          </defs>
        </svg>
        <span>Spikelab</span>
      </div>
      <NetworkName />
      <FileMenu />
      <ExamplesMenu />
      <div className="header-spacer" />
      <UndoRedo />
    </header>
  );
}
