import type { AppView } from '../learn/route.ts';
import { ViewSwitch } from '../learn/ViewSwitch.tsx';
import { ExamplesMenu } from '../persistence/ExamplesMenu.tsx';
import { FileMenu } from '../persistence/FileMenu.tsx';
import { PolicyGate } from '../teacher/PolicyGate.tsx';
import { TeacherToggle } from '../teacher/TeacherToggle.tsx';
import { NetworkName } from './NetworkName.tsx';
import { UndoRedo } from './UndoRedo.tsx';

/**
 * The top bar: product name, the Lab / Learn switch, and in the lab the network's name, file
 * and example menus, undo and redo.
 */
export function AppHeader({ view = 'lab' }: { view?: AppView }) {
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
        <h1 className="brand-name">Spikelab</h1>
      </div>
      <PolicyGate id="ui/learn-switch">
        <ViewSwitch />
      </PolicyGate>
      {view === 'lab' && (
        <>
          <NetworkName />
          <PolicyGate id="ui/file-menu">
            <FileMenu />
          </PolicyGate>
          <PolicyGate id="ui/examples-menu">
            <ExamplesMenu />
          </PolicyGate>
          <div className="header-spacer" />
          <PolicyGate id="ui/undo-redo">
            <UndoRedo />
          </PolicyGate>
        </>
      )}
      <PolicyGate id="ui/teacher-switch">
        <TeacherToggle />
      </PolicyGate>
    </header>
  );
}
