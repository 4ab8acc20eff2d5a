/**
 * The Learn view's list of the JSON lessons, played in the lab (`#/lesson/<id>/<step>`), each
 * linking to the first step not yet done and saying how far the student got.
 */
import { useEffect, useState } from 'react';
import { routeHash } from '../learn/route.ts';
import { fetchLessonIndex, type LessonEntry } from './lesson-files.ts';
import { resumeStep, useProgress } from './progress-store.ts';

function Entry({ entry }: { entry: LessonEntry }) {
  const done = useProgress((s) => s.progress[entry.id]?.done.length ?? 0);
  const doneSteps = useProgress((s) => s.progress[entry.id]?.done);
  // The list does not know the step count; progress past the last done step is where to go.
  const step = resumeStep(doneSteps ?? [], Number.MAX_SAFE_INTEGER);
  return (
    <li>
      <a
        className="lesson-link"
        href={routeHash({ view: 'lesson', lesson: entry.id, step })}
        data-testid={`lab-lesson-${entry.id}`}
      >
        <span className="lesson-link-title">{entry.title}</span>
        <span className="lesson-link-summary">{entry.summary}</span>
        {done > 0 && <span className="lesson-link-summary">{done} steps done</span>}
      </a>
    </li>
  );
}

export function LabLessons() {
  const [entries, setEntries] = useState<LessonEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    fetchLessonIndex()
      .then((list) => alive && setEntries(list))
      .catch((e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      alive = false;
    };
  }, []);
  return (
    <>
      <h2>In the lab</h2>
      {error !== null && <p className="lsn-hint">{error}</p>}
      <ol className="lesson-list" data-testid="lab-lessons">
        {(entries ?? []).map((e) => (
          <Entry key={e.id} entry={e} />
        ))}
      </ol>
    </>
  );
}
