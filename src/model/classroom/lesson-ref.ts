/** A lesson and a 1-based step, as `&lesson=<id>/<step>` in a share link. */
export interface LessonRef {
  id: string;
  step: number;
}

/** `<id>/<step>`; step 1 is written too, so the form is always the same. */
export function formatLessonRef(ref: LessonRef): string {
  return `${ref.id}/${ref.step}`;
}

/** The lesson reference in `text`, or `null` when it is not `<id>/<positive integer>`. */
export function parseLessonRef(text: string): LessonRef | null {
  const match = /^([A-Za-z0-9_-]+)\/([1-9]\d{0,3})$/.exec(text);
  if (match === null) return null;
  return { id: match[1] ?? '', step: Number(match[2]) };
}
