/**
 * A `.csv` or `.json` file dropped on the canvas or picked with Open: a network document (JSON
 * with `"format": "spikelab-network"`) opens as a network, anything else goes to the data
 * import dialog.
 */
import { readDocumentText } from '../../store/persistence/index.ts';
import { useNotices } from '../common/notices-store.ts';
import { openResult } from '../persistence/open-result.ts';
import { useDataDialog } from './data-dialog-store.ts';

/** Whether a file name is one the data import reads (`.csv`, or `.json` that is not a network). */
export function isDataFileName(name: string): boolean {
  return /\.(csv|json)$/i.test(name);
}

/**
 * Whether JSON text opens as a network rather than as data: it has a `format` or
 * `populations` field, or it is not JSON at all (the network loader names the line and column,
 * as Open always did).
 */
export function opensAsNetwork(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return (
      typeof value === 'object' && value !== null && ('format' in value || 'populations' in value)
    );
  } catch {
    return true;
  }
}

/**
 * Reads the file and opens it as a network or shows the data dialog for it.
 *
 * @param at where it was dropped, in flow coordinates (null from the Open control)
 */
export async function openDataFile(file: File, at: { x: number; y: number } | null): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    useNotices.getState().toast(`${file.name}: cannot be read (${reason})`, 'error');
    return;
  }
  const json = /\.json$/i.test(file.name);
  if (json && opensAsNetwork(text)) {
    openResult(readDocumentText(text, file.name), { title: file.name });
    return;
  }
  useDataDialog.getState().show({ fileName: file.name, text, format: json ? 'json' : 'csv', at });
}
