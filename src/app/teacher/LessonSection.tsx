/** The teacher panel's lesson choice: the link then opens that lesson at that step. */
import { useClassroomStore } from '../../store/classroom/index.ts';
import { useLessonChoices } from './useLessonChoices.ts';

export function LessonSection() {
  const lesson = useClassroomStore((s) => s.lesson);
  const { setLesson } = useClassroomStore.getState();
  const choices = useLessonChoices();
  const current = lesson === null ? undefined : choices.find((l) => l.id === lesson.id);
  const steps = current?.steps ?? null;
  return (
    <section className="teacher-section" aria-labelledby="teacher-lesson-heading">
      <h3 id="teacher-lesson-heading">Lesson</h3>
      <div className="teacher-row">
        <select
          className="input"
          aria-label="Lesson the link opens"
          data-testid="teacher-lesson"
          value={lesson?.id ?? ''}
          onChange={(e) =>
            setLesson(e.target.value === '' ? null : { id: e.target.value, step: 1 })
          }
        >
          <option value="">No lesson (the lab)</option>
          {lesson !== null && current === undefined && (
            <option value={lesson.id}>{lesson.id}</option>
          )}
          {choices.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
        {lesson !== null && (
          <label>
            Step{' '}
            <input
              className="input teacher-range-input"
              type="number"
              min={1}
              max={steps ?? undefined}
              step={1}
              aria-label="Lesson step"
              data-testid="teacher-lesson-step"
              value={lesson.step}
              onChange={(e) => {
                const step = Math.round(Number(e.target.value));
                if (Number.isFinite(step) && step >= 1 && (steps === null || step <= steps)) {
                  setLesson({ id: lesson.id, step });
                }
              }}
            />
          </label>
        )}
      </div>
    </section>
  );
}
