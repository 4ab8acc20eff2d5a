/**
 * The parts of the page a teacher may hide or lock, as `ui/<name>` ids with the label the
 * teacher panel shows. Each id is checked by one `PolicyGate` (`src/app/teacher`) around the
 * part it names.
 */
export interface UiControl {
  id: `ui/${string}`;
  label: string;
}

export const UI_CONTROLS: readonly UiControl[] = [
  { id: 'ui/palette', label: 'Population palette' },
  { id: 'ui/inspector', label: 'Inspector (all fields)' },
  { id: 'ui/run-duration', label: 'Run duration' },
  { id: 'ui/run-speed', label: 'Run speed' },
  { id: 'ui/run-backend', label: 'Backend choice' },
  { id: 'ui/live', label: 'Live parameter sliders' },
  { id: 'ui/tab-train', label: 'Train tab' },
  { id: 'ui/tab-sweep', label: 'Sweep tab' },
  { id: 'ui/tab-hardware', label: 'Hardware tab' },
  { id: 'ui/file-menu', label: 'File menu (New, Open, Save, Share)' },
  { id: 'ui/examples-menu', label: 'Examples menu' },
  { id: 'ui/undo-redo', label: 'Undo and redo' },
  { id: 'ui/learn-switch', label: 'Lab / Learn switch' },
  // Hidden from students, the teacher brings it back with Ctrl+Alt+T (useTeacherShortcut).
  { id: 'ui/teacher-switch', label: 'Teacher switch (Ctrl+Alt+T brings it back)' },
];
