/**
 * What a data file becomes, decided outside React so it can be tested: the file parsed as a
 * spike train and (CSV only) as a time series, the kind the dialog starts with, and the one
 * document edit an import makes (or the problems that stop it, with line numbers).
 */
import type { NetworkDocument, Population } from '../../model/index.ts';
import { documentIds, uniqueId } from '../../model/index.ts';
import {
  currentSeriesStimulus,
  formatDataIssues,
  parseSeriesCsv,
  parseSpikeCsv,
  parseSpikeJson,
  rateSeriesPopulation,
  spikeTrainPopulation,
  summariseSpikeTrain,
  type ParseResult,
  type SpikeTrain,
  type TimeSeries,
} from '../../model/interchange/user-data/index.ts';
import type { DocumentEdit } from '../../store/document/index.ts';

/** What the user's file is taken for. */
export type DataKind = 'spikes' | 'current' | 'rate';

/** A data file waiting in the dialog. */
export interface PendingData {
  fileName: string;
  text: string;
  format: 'csv' | 'json';
  /** Where it was dropped, in flow coordinates (the open-file control has none). */
  at: { x: number; y: number } | null;
}

export interface DataChoice {
  kind: DataKind;
  /**
   * Neurons of a new population (spike train, rate series); null until the user types one:
   * a spike train then has its largest index + 1 (no range check against a guess), a rate
   * series one neuron.
   */
  size: number | null;
  /** The population a current series drives. */
  target: string;
  /** Which value column of a series (0-based). */
  column: number;
}

export interface Parsed {
  spikes: ParseResult<SpikeTrain>;
  /** Null for JSON: only spike trains come as JSON. */
  series: ParseResult<TimeSeries> | null;
}

/** Models whose neurons integrate a current (a `current_series` may drive them). */
const CURRENT_TARGETS: ReadonlySet<Population['model']> = new Set([
  'stochastic_lif',
  'sc_dense',
  'izhikevich',
  'adex',
  'fixed_point_lif',
]);

/** Populations a current series may drive, in document order. */
export function currentTargets(doc: NetworkDocument): Population[] {
  return doc.populations.filter((p) => CURRENT_TARGETS.has(p.model));
}

/** Parses the file every way it can be read. */
export function parseData(pending: PendingData, targetSize?: number): Parsed {
  const options = targetSize === undefined ? {} : { targetSize };
  if (pending.format === 'json')
    return { spikes: parseSpikeJson(pending.text, options), series: null };
  return { spikes: parseSpikeCsv(pending.text, options), series: parseSeriesCsv(pending.text) };
}

/**
 * The kind the dialog starts with: a spike train when it reads as one and a series does not
 * (repeated times) or its header says `index`; otherwise a current series when it reads as a
 * series; else a spike train (whose errors the dialog then lists).
 */
export function defaultKind(pending: PendingData, parsed: Parsed): DataKind {
  if (parsed.series === null) return 'spikes';
  const header = parsed.series.ok ? parsed.series.value.names : undefined;
  const indexHeader = header?.length === 1 && /^(i|index|neuron|id)$/i.test(header[0] ?? '');
  if (parsed.spikes.ok && (indexHeader || !parsed.series.ok)) return 'spikes';
  return parsed.series.ok ? 'current' : 'spikes';
}

/** A canvas position for the new population: the drop point, else right of every node. */
function placeFor(doc: NetworkDocument, at: PendingData['at']): { x: number; y: number } {
  if (at !== null) return { x: Math.round(at.x), y: Math.round(at.y) };
  const right = Math.max(0, ...doc.populations.map((p) => p.position.x + 260));
  return { x: right, y: 0 };
}

/** A name for ids, from the file's name: `spikes_2024.csv` -> `spikes_2024`. */
function stem(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_]+/g, '_');
  return base.replace(/^_+|_+$/g, '') || 'data';
}

export type ImportPlan =
  | { ok: true; edit: DocumentEdit; /** What it adds, for the toast. */ summary: string }
  | { ok: false; problems: string[] };

/**
 * The one edit that imports the file as `choice` (a population with a spikes probe, or a
 * stimulus), or the problems (line by line) that stop it.
 *
 * @example planImport(doc, { fileName: 'a.csv', text: '0,1\n2,0\n', format: 'csv', at: null }, { kind: 'spikes', size: 2, target: '', column: 0 })
 * // { ok: true, edit: { type: 'addPopulation', ... }, summary: "spike generator 'a' (2 neurons, 2 spikes)" }
 */
export function planImport(
  doc: NetworkDocument,
  pending: PendingData,
  choice: DataChoice,
): ImportPlan {
  const taken = documentIds(doc);
  const name = stem(pending.fileName);
  if (choice.kind === 'spikes') {
    const parsed = parseData(pending, choice.size ?? undefined).spikes;
    if (!parsed.ok) return { ok: false, problems: formatDataIssues(parsed) };
    const size = choice.size ?? Math.max(1, summariseSpikeTrain(parsed.value).neurons);
    const id = uniqueId(name, taken);
    const population = spikeTrainPopulation(parsed.value, {
      id,
      size,
      position: placeFor(doc, pending.at),
      label: pending.fileName,
    });
    return withSpikesProbe(
      population,
      taken,
      `spike generator '${id}' (${size} neurons, ${parsed.value.times.length} spikes)`,
    );
  }
  const series = parseData(pending).series;
  if (series === null)
    return { ok: false, problems: ['(file): a JSON file holds a spike train, not a series'] };
  if (!series.ok) return { ok: false, problems: formatDataIssues(series) };
  const { times, columns } = series.value;
  const values = columns[choice.column];
  if (values === undefined)
    return { ok: false, problems: [`(file): there is no value column ${choice.column + 1}`] };
  if (choice.kind === 'current') {
    const target = doc.populations.find((p) => p.id === choice.target);
    if (target === undefined || !CURRENT_TARGETS.has(target.model)) {
      return {
        ok: false,
        problems: [
          'target: choose a population that integrates a current (LIF, Izhikevich, AdEx, SC layer)',
        ],
      };
    }
    const id = uniqueId(`${name}_current`, taken);
    return {
      ok: true,
      edit: {
        type: 'addStimulus',
        stimulus: currentSeriesStimulus(times, values, { id, target: target.id }),
      },
      summary: `current series '${id}' into '${target.id}' (${times.length} samples)`,
    };
  }
  const negative = values.findIndex((v) => v < 0);
  if (negative >= 0)
    return {
      ok: false,
      problems: [`value ${negative + 1}: a rate must be >= 0 Hz, got ${values[negative]}`],
    };
  const id = uniqueId(name, taken);
  const size = choice.size ?? 1;
  const population = rateSeriesPopulation(times, values, {
    id,
    size,
    position: placeFor(doc, pending.at),
    label: pending.fileName,
  });
  return withSpikesProbe(
    population,
    taken,
    `Poisson '${id}' (${size} neurons) following ${times.length} rate samples`,
  );
}

/** The edit that adds a new source population with a spikes probe, so the import shows in the raster. */
function withSpikesProbe(population: Population, taken: Set<string>, summary: string): ImportPlan {
  taken.add(population.id);
  const probe = {
    id: uniqueId(`${population.id}_spikes`, taken),
    kind: 'spikes' as const,
    population: population.id,
  };
  return { ok: true, edit: { type: 'addPopulation', population, probes: [probe] }, summary };
}
