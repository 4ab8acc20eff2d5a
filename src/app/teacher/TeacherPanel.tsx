/**
 * Teacher mode's panel, beside the page: which page parts and parameters students may not
 * see or change, the ranges they may use, the lesson, and the links to hand out. While it is
 * open the teacher works unrestricted; students who open the link get the policy enforced.
 */
import { EMPTY_POLICY } from '../../model/classroom/policy.ts';
import { useClassroomStore } from '../../store/classroom/index.ts';
import { LessonSection } from './LessonSection.tsx';
import { ParamsSection } from './ParamsSection.tsx';
import { ShareSection } from './ShareSection.tsx';
import { UiControlsSection } from './UiControlsSection.tsx';

export function TeacherPanel() {
  const { setTeacherMode, setTeacherPolicy } = useClassroomStore.getState();
  return (
    <aside
      id="teacher-panel"
      className="teacher-panel"
      role="dialog"
      aria-label="Teacher panel"
      data-testid="teacher-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setTeacherMode(false);
      }}
    >
      <header className="teacher-panel-header">
        <h2>Teacher mode</h2>
        <button
          type="button"
          className="btn btn-ghost"
          data-testid="teacher-clear"
          onClick={() => setTeacherPolicy(EMPTY_POLICY)}
        >
          Clear all
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          aria-label="Close the teacher panel"
          data-testid="teacher-close"
          onClick={() => setTeacherMode(false)}
        >
          ✕
        </button>
      </header>
      <p className="muted">
        Students who open your link cannot change locked parameters, do not see hidden ones, and can
        set ranged ones only inside the range. Close this panel to try the page as they will see it.
      </p>
      <ShareSection />
      <LessonSection />
      <UiControlsSection />
      <ParamsSection />
    </aside>
  );
}
