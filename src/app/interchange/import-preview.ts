/**
 * One run of the mapping for the dialog: the NIR graph under the current options becomes a
 * document and a report, and the document is checked as any opened file is, so the dialog can
 * say before the import whether it would be accepted.
 */
import type { NirGraph } from '../../model/interchange/nir/graph.ts';
import type { NirImportOptions } from '../../model/interchange/nir/import.ts';
import type { NirReport } from '../../model/interchange/nir/report.ts';
import { formatIssue, validateDocument, type NetworkDocument } from '../../model/index.ts';
import type { NirImportModule } from './nir-module.ts';

export type ImportPreview =
  | { ok: true; document: NetworkDocument; report: NirReport }
  | { ok: false; report: NirReport | null; problems: string[] };

/** Maps `graph` with `options`; never throws (a mapping error becomes a problem). */
export function previewImport(
  nir: Pick<NirImportModule, 'importNir'>,
  graph: NirGraph,
  options: NirImportOptions,
): ImportPreview {
  let result;
  try {
    result = nir.importNir(graph, options);
  } catch (error) {
    return {
      ok: false,
      report: null,
      problems: [error instanceof Error ? error.message : String(error)],
    };
  }
  const checked = validateDocument(result.document);
  if (!checked.ok) {
    return { ok: false, report: result.report, problems: checked.issues.map(formatIssue) };
  }
  return { ok: true, document: checked.document, report: result.report };
}
