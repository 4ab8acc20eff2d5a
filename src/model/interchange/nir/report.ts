/**
 * The NIR mapping report (contract section 3): per node, what it became and how each parameter
 * was mapped (NIR value, Spikelab value, formula); what was not imported (or exported) and why;
 * notes answering the known confusions. The import page shows it as a table, the CLI prints
 * `formatNirReport`.
 */

export interface NirMappingRow {
  param: string;
  nir: string;
  spikelab: string;
  formula: string;
}

export interface NirReportRow {
  node: string;
  type: string;
  /** Population/projection id(s) it became, or 'absorbed'. */
  became: string;
  mapping: NirMappingRow[];
}

export interface NirNotImported {
  node: string;
  type: string;
  reason: string;
}

export interface NirReport {
  rows: NirReportRow[];
  notImported: NirNotImported[];
  notes: string[];
}

/** An empty report to fill. */
export function emptyReport(): NirReport {
  return { rows: [], notImported: [], notes: [] };
}

/** Adds a note once (several nodes may raise the same one). */
export function addNote(report: NirReport, note: string): void {
  if (!report.notes.includes(note)) report.notes.push(note);
}

/**
 * The report as plain text: one block per node, then what was left out, then the notes.
 *
 * @example formatNirReport(importNir(graph, options).report)
 * // "lif1 (LIF) -> population lif1\n  tau_mem: nir 0.02 | spikelab 20 | tau_mem = tau * 1000 ..."
 */
export function formatNirReport(report: NirReport, title = 'NIR mapping'): string {
  const lines: string[] = [`${title}:`];
  for (const row of report.rows) {
    lines.push(`  ${row.node} (${row.type}) -> ${row.became}`);
    for (const m of row.mapping) {
      const values = [
        m.nir === '' ? '' : `NIR ${m.nir}`,
        m.spikelab === '' ? '' : `Spikelab ${m.spikelab}`,
      ]
        .filter((x) => x !== '')
        .join(', ');
      lines.push(`    ${m.param}: ${values}${m.formula === '' ? '' : `   [${m.formula}]`}`);
    }
  }
  lines.push(report.notImported.length === 0 ? 'Everything was mapped.' : 'Not mapped:');
  for (const n of report.notImported) lines.push(`  ${n.node} (${n.type}): ${n.reason}`);
  if (report.notes.length > 0) lines.push('Notes:');
  for (const note of report.notes) lines.push(`  - ${note}`);
  return `${lines.join('\n')}\n`;
}
