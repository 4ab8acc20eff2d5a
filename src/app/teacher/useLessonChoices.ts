/**
 * The lessons a teacher can put in a link: the built-in lesson files
 * (`public/lessons/index.json`, entries `{ file, title, summary }`) when the page has them,
 * else the Learn view's lessons. Step counts are known only for the latter (`null` otherwise).
 */
import { useEffect, useState } from 'react';
import { LESSONS } from '../learn/lessons.ts';

export interface LessonChoice {
  id: string;
  title: string;
  steps: number | null;
}

const LEARN_CHOICES: LessonChoice[] = LESSONS.map((l) => ({
  id: l.id,
  title: l.title,
  steps: l.steps.length,
}));

function isEntry(value: unknown): value is { file: string; title: string } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.file === 'string' && typeof v.title === 'string';
}

async function fetchChoices(): Promise<LessonChoice[] | null> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}lessons/index.json`);
    if (!response.ok) return null;
    const value: unknown = await response.json();
    if (!Array.isArray(value)) return null;
    const entries = (value as unknown[]).filter(isEntry);
    if (entries.length === 0) return null;
    return entries.map((e) => ({ id: e.file.replace(/\.json$/, ''), title: e.title, steps: null }));
  } catch {
    // Offline without a cached index, or a dev server without the files: the Learn list.
    return null;
  }
}

export function useLessonChoices(): LessonChoice[] {
  const [choices, setChoices] = useState<LessonChoice[]>(LEARN_CHOICES);
  useEffect(() => {
    let live = true;
    void fetchChoices().then((found) => {
      if (live && found !== null) setChoices(found);
    });
    return () => {
      live = false;
    };
  }, []);
  return choices;
}
