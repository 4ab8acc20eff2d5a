/** The examples gallery: `public/examples/index.json` lists the example networks. */
import { parseDocumentJson } from '../../model/index.ts';
import type { LoadResult } from '../../store/persistence/index.ts';
import { loadFailure } from '../../store/persistence/index.ts';

export interface ExampleEntry {
  file: string;
  title: string;
  description: string;
}

const EXAMPLES_URL = `${import.meta.env.BASE_URL}examples/`;

/** The first entry is the network a fresh page opens with. */
export const DEFAULT_EXAMPLE = 'default.json';

function isEntry(value: unknown): value is ExampleEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.file === 'string' && typeof v.title === 'string' && typeof v.description === 'string'
  );
}

/** The gallery's entries; an empty list when the index cannot be read. */
export async function fetchExampleIndex(): Promise<ExampleEntry[]> {
  const response = await fetch(`${EXAMPLES_URL}index.json`);
  if (!response.ok) throw new Error(`examples index: HTTP ${response.status}`);
  const value: unknown = await response.json();
  const list = Array.isArray(value)
    ? (value as unknown[])
    : typeof value === 'object' &&
        value !== null &&
        Array.isArray((value as { examples?: unknown }).examples)
      ? (value as { examples: unknown[] }).examples
      : [];
  return list.filter(isEntry);
}

/** Fetches and validates one example network. */
export async function fetchExample(file: string): Promise<LoadResult> {
  try {
    const response = await fetch(`${EXAMPLES_URL}${encodeURIComponent(file)}`);
    if (!response.ok) return loadFailure(`could not fetch ${file}: HTTP ${response.status}`);
    return parseDocumentJson(await response.text());
  } catch (error) {
    return loadFailure(
      `could not fetch ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
