/**
 * The Learn view: the list of lessons with the open lesson's steps on the left, the lesson on
 * the right. More lessons are added to `lessons.ts` and to `LessonView` below.
 */
import { clampStep, findLesson, LESSONS, type LessonInfo } from './lessons.ts';
import { routeHash } from './route.ts';
import { LabLessons } from '../lesson/LabLessons.tsx';
import { ScLesson } from './sc/ScLesson.tsx';
import './learn.css';

function LessonView({ lesson, step }: { lesson: LessonInfo; step: number }) {
  switch (lesson.id) {
    case 'sc':
      return <ScLesson step={step} />;
    default:
      return <p className="lsn-hint">This lesson has no content yet.</p>;
  }
}

export function LearnArea({ lesson: lessonId, step }: { lesson: string | null; step: number }) {
  const lesson = findLesson(lessonId);
  const current = clampStep(lesson, step);
  return (
    <main className="learn" data-testid="learn-area">
      <nav className="learn-nav" aria-label="Lessons">
        <h2>Lessons</h2>
        <ol className="lesson-list">
          {LESSONS.map((l) => (
            <li key={l.id}>
              <a
                className="lesson-link"
                href={routeHash({ view: 'learn', lesson: l.id, step: 1 })}
                aria-current={l.id === lesson.id ? 'true' : undefined}
              >
                <span className="lesson-link-title">{l.title}</span>
                <span className="lesson-link-summary">{l.summary}</span>
              </a>
              {l.id === lesson.id && (
                <ol className="step-list" aria-label={`${l.title} steps`}>
                  {l.steps.map((s, k) => (
                    <li key={s.title}>
                      <a
                        href={routeHash({ view: 'learn', lesson: l.id, step: k + 1 })}
                        aria-current={k + 1 === current ? 'step' : undefined}
                      >
                        <span className="step-number">{k + 1}</span>
                        <span className="step-title">{s.title}</span>
                      </a>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
        <LabLessons />
      </nav>
      <LessonView lesson={lesson} step={current} />
    </main>
  );
}
