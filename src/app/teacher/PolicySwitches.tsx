/** Hide and Lock checkboxes for one control or parameter of the teacher's policy. */
import { useClassroomStore } from '../../store/classroom/index.ts';

/** Test ids and element ids must not contain '/'. */
export function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

export function PolicySwitches({ id, label }: { id: string; label: string }) {
  const { hidden, locked } = useTeacherFlags(id);
  const { setHidden, setLocked } = useClassroomStore.getState();
  return (
    <span className="teacher-switches">
      <label>
        <input
          type="checkbox"
          checked={hidden}
          aria-label={`Hide ${label}`}
          data-testid={`teacher-hide-${slug(id)}`}
          onChange={(e) => setHidden(id, e.target.checked)}
        />
        Hide
      </label>
      <label>
        <input
          type="checkbox"
          checked={locked}
          aria-label={`Lock ${label}`}
          data-testid={`teacher-lock-${slug(id)}`}
          onChange={(e) => setLocked(id, e.target.checked)}
        />
        Lock
      </label>
    </span>
  );
}

/** Hidden/locked state of `id` in the teacher's own policy (not the lesson's). */
function useTeacherFlags(id: string): { hidden: boolean; locked: boolean } {
  const hidden = useClassroomStore((s) => s.teacherPolicy.hidden.includes(id));
  const locked = useClassroomStore((s) => s.teacherPolicy.locked.includes(id));
  return { hidden, locked };
}
