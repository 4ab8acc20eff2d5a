/**
 * The rows of a small numeric CSV file: `#` comments and blank lines skipped, fields split on
 * commas (or semicolons or tabs, as spreadsheets export them), an optional header on the first
 * row (a row whose fields are not all numbers), and each row's 1-based line number kept for
 * messages.
 */

export interface CsvRow {
  /** 1-based line number in the file. */
  line: number;
  fields: string[];
}

export interface CsvRows {
  /** The header's field names, when the first row is one. */
  header: string[] | undefined;
  rows: CsvRow[];
}

const SEPARATOR = /[,;\t]/;

/**
 * Splits a file into rows.
 *
 * @example csvRows('time,index\n# spikes\n1.5,0\n').rows // [{ line: 3, fields: ['1.5', '0'] }]
 * @param isHeader whether the first row is a header (called once, on the first row)
 */
export function csvRows(text: string, isHeader: (fields: string[]) => boolean): CsvRows {
  const lines = text.split(/\r\n|\n|\r/);
  const rows: CsvRow[] = [];
  let header: string[] | undefined;
  lines.forEach((raw, i) => {
    const content = raw.replace(/#.*$/, '').trim();
    if (content === '') return;
    // A file written with a BOM (Excel) carries it before the first field.
    const fields = content
      .replace(/^\uFEFF/, '')
      .split(SEPARATOR)
      .map((f) => f.trim());
    if (rows.length === 0 && header === undefined && isHeader(fields)) {
      header = fields;
      return;
    }
    rows.push({ line: i + 1, fields });
  });
  return { header, rows };
}
