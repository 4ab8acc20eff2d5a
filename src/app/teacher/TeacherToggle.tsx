/**
 * The header's "Teacher" switch: turns teacher mode on (the policy is not enforced on the
 * teacher, who must be able to change what students cannot) and opens the teacher panel.
 */
import { useClassroomStore } from '../../store/classroom/index.ts';
import { TeacherPanel } from './TeacherPanel.tsx';
import './teacher.css';

export function TeacherToggle() {
  const on = useClassroomStore((s) => s.teacherMode);
  return (
    <>
      <button
        type="button"
        className={`btn ${on ? 'btn-secondary' : 'btn-ghost'}`}
        aria-pressed={on}
        aria-controls={on ? 'teacher-panel' : undefined}
        title="Teacher mode: hide, lock or limit controls and share the result"
        data-testid="teacher-toggle"
        onClick={() => useClassroomStore.getState().setTeacherMode(!on)}
      >
        Teacher
      </button>
      {on && <TeacherPanel />}
    </>
  );
}
