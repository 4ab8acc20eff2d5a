/**
 * Files dropped on the canvas, dispatched by extension: the one shared table; each opener
 * lives with its feature (NIR in src/app/interchange).
 */
import { useNotices } from '../common/notices-store.ts';
import { openNirFile } from '../interchange/open-nir-file.ts';
import { openDataFile } from '../user-data/open-data-file.ts';

/** Something that opens a dropped file; `at` is where it was dropped, in flow coordinates. */
export type DroppedFileOpener = (file: File, at: { x: number; y: number }) => void;

const OPENERS: Record<string, DroppedFileOpener> = {
  '.nir': (file) => void openNirFile(file),
  // The user's own data (or a network saved as JSON): src/app/user-data.
  '.csv': (file, at) => void openDataFile(file, at),
  '.json': (file, at) => void openDataFile(file, at),
};

/** Whether a drag carries files (the OS's drag, not the palette's). */
export function carriesFiles(dataTransfer: DataTransfer): boolean {
  return dataTransfer.types.includes('Files');
}

/** The opener for a file name's extension (lower-cased), if any. */
export function openerFor(fileName: string): DroppedFileOpener | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : OPENERS[fileName.slice(dot).toLowerCase()];
}

/** Opens each dropped file with its opener; a file of another kind is a toast naming it. */
export function openDroppedFiles(files: FileList, at: { x: number; y: number }): void {
  for (const file of files) {
    const open = openerFor(file.name);
    if (open !== undefined) open(file, at);
    else {
      const kinds = Object.keys(OPENERS).join(', ');
      useNotices.getState().toast(`${file.name}: the canvas opens ${kinds} files`, 'error');
    }
  }
}
