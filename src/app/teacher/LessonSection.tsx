/** The teacher panel's lesson choice: the link then opens that lesson at that step. */
import { LESSONS } from '../learn/lessons.ts';
import { useClassroomStore } from '../../store/classroom/index.ts';

export function LessonSection() {
  const lesson = useClassroomStore((s) => s.lesson);
  const { setLesson } = useClassroomStore.getState();
  const current = lesson === null ? undefined : LESSONS.find((l) => l.id === lesson.id);
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
          {LESSONS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
        {current !== undefined && lesson !== null && (
          <label>
            Step{' '}
            <select
              className="input"
              aria-label="Lesson step"
              data-testid="teacher-lesson-step"
              value={lesson.step}
              onChange={(e) => setLesson({ id: lesson.id, step: Number(e.target.value) })}
            >
              {current.steps.map((_, k) => (
                <option key={k} value={k + 1}>
                  {k + 1}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}
