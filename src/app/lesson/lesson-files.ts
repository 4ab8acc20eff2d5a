/**
 * The built-in lessons: `public/lessons/index.json` lists them, `<id>.json` holds each. Fetched
 * like the examples (so the offline cache keeps them) and validated on arrival; a lesson that
 * fails validation is shown as its issues, never half-run.
 */
import { parseDocumentJson } from '../../model/index.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { parseLessonJson, type LessonResult, type StepNetwork } from '../../model/lesson/index.ts';
import { formatIssue } from '../../model/validation-issue.ts';

const LESSONS_URL = `${import.meta.env.BASE_URL}lessons/`;
const EXAMPLES_URL = `${import.meta.env.BASE_URL}examples/`;

export interface LessonEntry {
  id: string;
  title: string;
  summary: string;
}

function isEntry(value: unknown): value is { file: string; title: string; summary: string } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.file === 'string' && typeof v.title === 'string' && typeof v.summary === 'string';
}

/** The built-in lessons in list order. */
export async function fetchLessonIndex(): Promise<LessonEntry[]> {
  const response = await fetch(`${LESSONS_URL}index.json`);
  if (!response.ok) throw new Error(`lessons index: HTTP ${response.status}`);
  const value: unknown = await response.json();
  return (Array.isArray(value) ? (value as unknown[]) : [])
    .filter(isEntry)
    .map((e) => ({ id: e.file.replace(/\.json$/, ''), title: e.title, summary: e.summary }));
}

/** One lesson, validated. */
export async function fetchLesson(id: string): Promise<LessonResult> {
  const file = `${id}.json`;
  try {
    const response = await fetch(`${LESSONS_URL}${encodeURIComponent(file)}`);
    if (!response.ok) {
      return {
        ok: false,
        issues: [{ path: '(file)', message: `could not fetch ${file}: HTTP ${response.status}` }],
      };
    }
    return parseLessonJson(await response.text());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [{ path: '(file)', message: `could not fetch ${file}: ${reason}` }],
    };
  }
}

/** The network a step opens with (an inline one is already validated); throws naming the file. */
export async function fetchStepNetwork(network: StepNetwork): Promise<NetworkDocument> {
  if (network.document !== undefined) return network.document;
  const file = network.example ?? '';
  const response = await fetch(`${EXAMPLES_URL}${encodeURIComponent(file)}`);
  if (!response.ok) throw new Error(`could not fetch example ${file}: HTTP ${response.status}`);
  const result = parseDocumentJson(await response.text());
  if (!result.ok) throw new Error(`example ${file}: ${result.issues.map(formatIssue).join('; ')}`);
  return result.document;
}
