/** Saving to and opening from a JSON file. */
import type { NetworkDocument } from '../../model/document.ts';
import { parseDocumentJson } from '../../model/index.ts';
import type { LoadResult } from './load-result.ts';
import { loadFailure } from './load-result.ts';

/** The file's text: indented, so a saved network diffs well under version control. */
export function serializeDocument(doc: NetworkDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `My network` -> `my-network.spikelab.json`. */
export function documentFileName(doc: NetworkDocument): string {
  const stem = doc.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem === '' ? 'network' : stem}.spikelab.json`;
}

/** Largest file the page tries to read; a network document is kilobytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Parses an opened file's text; issues name every problem, nothing is thrown. */
export function readDocumentText(text: string, fileName: string): LoadResult {
  if (text.length > MAX_FILE_BYTES) {
    return loadFailure(`${fileName} is too large to be a network document`);
  }
  if (text.trim() === '') return loadFailure(`${fileName} is empty`);
  return parseDocumentJson(text);
}
