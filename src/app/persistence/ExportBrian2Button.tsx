/**
 * "Export Brian2", beside Save and Export NIR: downloads the editor's network as a Brian2 Python
 * script (`src/model/interchange/brian2`, the same text as `spikelab export-brian2`). A network
 * Brian2 cannot run as Spikelab does gets an error toast naming each part.
 */
import { documentStore } from '../../store/document/index.ts';
import { IconButton } from '../common/IconButton.tsx';
import { useNotices } from '../common/notices-store.ts';
import { downloadText } from './download.ts';

async function exportScript(toast: (text: string, tone?: 'info' | 'success' | 'error') => void) {
  const doc = documentStore.getState().document;
  // Loaded on demand: the exporter and the compile are not needed until the first export.
  const [{ exportBrian2, brian2FileName, Brian2ExportError }, { compile }, { version }] =
    await Promise.all([
      import('../../model/interchange/brian2/index.ts'),
      import('../../engine/compile/index.ts'),
      import('../../../package.json'),
    ]);
  try {
    const script = exportBrian2(doc, compile(doc), { version });
    const name = brian2FileName(doc);
    downloadText(name, script, 'text/x-python');
    toast(`Downloaded ${name}: run it with python3 ${name} out.json`, 'success');
  } catch (error) {
    const text =
      error instanceof Brian2ExportError
        ? `Brian2 export: ${error.refusals.map((r) => `${r.path}: ${r.message}`).join('; ')}`
        : `Brian2 export failed: ${error instanceof Error ? error.message : String(error)}`;
    toast(text, 'error');
  }
}

export function ExportBrian2Button() {
  const toast = useNotices((s) => s.toast);
  return (
    <IconButton
      label="Export Brian2 script (a Python script that runs this network in Brian2)"
      onClick={() => void exportScript(toast)}
      testId="file-export-brian2"
    >
      Export Brian2
    </IconButton>
  );
}
