/**
 * Training callbacks (sc-neurocore's `TrainingCallback` family): each receives a trainer's
 * metrics once per logged step. The file writers take an injected `write(text)` instead of a
 * path, so the engine stays free of `fs` and the DOM: in Node pass
 * `(text) => fs.writeFileSync(path, text)`, in the page a function that starts a download.
 */
import type { TrainingCallback } from './train/types.ts';

/** One logged row: the step first, then the metrics in the order they were given. */
export type MetricRow = Readonly<Record<string, number>> & { readonly step: number };

/** Where a finished log goes (a file in Node, a download in the page). */
export type TextWriter = (text: string) => void;

function toRow(metrics: Readonly<Record<string, number>>, step: number): MetricRow {
  if ('step' in metrics) {
    throw new Error(`callback: a metric may not be named "step" (the row's own step column)`);
  }
  return { step, ...metrics };
}

/**
 * The seed's `CSVCallback`: rows buffered in memory, the header taken from the first row's
 * keys, written once on `close()`. Unlike the seed (a `KeyError` at close, or a silently
 * dropped column) a row whose metrics differ from the header's is refused when it is logged,
 * naming the step and the keys; cells that need it are quoted (RFC 4180).
 *
 * @example
 * const csv = new CsvCallback((text) => fs.writeFileSync('metrics.csv', text));
 * csv.log({ loss: 0.5 }, 1); csv.close(); // "step,loss\n1,0.5\n"
 */
export class CsvCallback implements TrainingCallback {
  private readonly rows: MetricRow[] = [];

  constructor(private readonly write: TextWriter) {}

  log(metrics: Readonly<Record<string, number>>, step: number): void {
    const row = toRow(metrics, step);
    const first = this.rows[0];
    if (first !== undefined) {
      const header = Object.keys(first);
      const keys = Object.keys(row);
      if (keys.length !== header.length || keys.some((k, i) => k !== header[i])) {
        throw new Error(
          `CsvCallback: step ${step} has columns ${keys.join(', ')}; the header is ${header.join(', ')}`,
        );
      }
    }
    this.rows.push(row);
  }

  /** The CSV text so far ('' before the first row, as the seed writes nothing then). */
  toCsv(): string {
    const first = this.rows[0];
    if (first === undefined) return '';
    const keys = Object.keys(first);
    const lines = [keys.map(csvCell).join(',')];
    for (const row of this.rows) lines.push(keys.map((k) => csvCell(String(row[k]))).join(','));
    return `${lines.join('\n')}\n`;
  }

  /** Hands the CSV to the writer; nothing is written when no row was logged (as the seed). */
  close(): void {
    if (this.rows.length > 0) this.write(this.toCsv());
  }
}

/** Quotes a cell holding a comma, a quote or a line break (RFC 4180). */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as a JSON array (`[{ "step": 1, "loss": 0.5 }, ...]`), handed to the writer on `close()`.
 * Non-finite metrics (NaN, Infinity), which JSON cannot hold, are written as `null`.
 *
 * @example new JsonCallback((text) => download('metrics.json', text))
 */
export class JsonCallback implements TrainingCallback {
  private readonly logged: MetricRow[] = [];

  constructor(private readonly write: TextWriter) {}

  log(metrics: Readonly<Record<string, number>>, step: number): void {
    this.logged.push(toRow(metrics, step));
  }

  /** The rows logged so far (copies). */
  rows(): MetricRow[] {
    return this.logged.map((r) => ({ ...r }));
  }

  toJson(): string {
    return JSON.stringify(this.logged);
  }

  close(): void {
    this.write(this.toJson());
  }
}

/**
 * Calls `onRow` with every row as it is logged: what the page's live loss/accuracy chart
 * subscribes to. `onClose` (optional) marks the end of the training.
 *
 * @example new LiveCallback((row) => chart.append(row.step, row.loss))
 */
export class LiveCallback implements TrainingCallback {
  constructor(
    private readonly onRow: (row: MetricRow) => void,
    private readonly onClose?: () => void,
  ) {}

  log(metrics: Readonly<Record<string, number>>, step: number): void {
    this.onRow(toRow(metrics, step));
  }

  close(): void {
    this.onClose?.();
  }
}
