/**
 * `#/lesson/<id>/<step>`: the lab with the lesson's progress strip above and its drawer beside
 * it, and the step's highlight over the page. The lesson file is fetched and validated first; a
 * file that fails shows its issues instead.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { formatIssue } from '../../model/validation-issue.ts';
import type { Lesson } from '../../model/lesson/index.ts';
import { Highlight } from './Highlight.tsx';
import { fetchLesson } from './lesson-files.ts';
import { LessonDrawer } from './LessonDrawer.tsx';
import { ProgressStrip } from './ProgressStrip.tsx';
import { useProgress } from './progress-store.ts';
import { useRunFeeds } from './useRunFeeds.ts';
import { useStepEntry } from './useStepEntry.ts';
import './lesson.css';

type Loaded =
  { state: 'loading' } | { state: 'failed'; issues: string[] } | { state: 'ready'; lesson: Lesson };

const NO_STEPS: readonly number[] = [];

/**
 * `ready`: the startup network (autosave, link or default example) is in; a step's network is
 * loaded only after it, so the startup load cannot replace it.
 */
export function LessonRunner({
  id,
  step,
  ready,
  lab,
}: {
  id: string;
  step: number;
  ready: boolean;
  lab: ReactNode;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    setLoaded({ state: 'loading' });
    void fetchLesson(id).then((result) => {
      if (!alive) return;
      setLoaded(
        result.ok
          ? { state: 'ready', lesson: result.lesson }
          : { state: 'failed', issues: result.issues.map(formatIssue) },
      );
    });
    return () => {
      alive = false;
    };
  }, [id]);
  useRunFeeds();
  const lesson = loaded.state === 'ready' ? loaded.lesson : null;
  const current = lesson === null ? 1 : Math.min(lesson.steps.length, Math.max(1, step));
  const entry = useStepEntry(ready ? lesson : null, current);
  const done = useProgress((s) => s.progress[id]?.done ?? NO_STEPS);
  const highlight = lesson?.steps[current - 1]?.highlight;

  return (
    <div className="lsr-layout" data-testid="lesson-runner">
      {lesson !== null ? (
        <ProgressStrip lesson={lesson} step={current} done={[...done]} />
      ) : (
        <div className="lsr-strip" />
      )}
      <div className="lsr-body">
        {lab}
        {loaded.state === 'ready' && (
          <LessonDrawer lesson={loaded.lesson} step={current} entry={entry} />
        )}
        {loaded.state === 'loading' && (
          <aside className="lsr-drawer" aria-label="Lesson">
            <p className="lsr-hint">Loading the lesson…</p>
          </aside>
        )}
        {loaded.state === 'failed' && (
          <aside className="lsr-drawer" aria-label="Lesson" data-testid="lesson-drawer">
            <h2>The lesson {id} could not be opened</h2>
            <ul className="lsr-error" role="alert">
              {loaded.issues.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </aside>
        )}
      </div>
      {highlight !== undefined && entry.settled && <Highlight target={highlight} />}
    </div>
  );
}
