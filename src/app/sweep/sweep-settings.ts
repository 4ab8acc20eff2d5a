/**
 * The Sweep panel's settings: what was last swept, remembered in localStorage (one entry for
 * the page, not per document: a path that the current document lacks falls back to a default
 * of that document).
 */
import type { BackendChoice, NetworkDocument } from '../../model/document.ts';
import { numericParams, readParam } from '../../model/param-path.ts';

export interface SweepSettings {
  path: string;
  from: number;
  to: number;
  count: number;
  population: string;
  backend: BackendChoice;
}

export const SWEEP_SETTINGS_KEY = 'spikelab.sweep';

const BACKENDS: readonly BackendChoice[] = [
  'auto',
  'gpu',
  'webgpu',
  'webgl2',
  'webasm',
  'cpu',
  'wasm',
  'reference',
];

/** Backends offered, the batch's gpu modes first (the reason for a batch). */
export const SWEEP_BACKENDS: readonly { value: BackendChoice; label: string }[] = [
  { value: 'gpu', label: 'gpu (best mode)' },
  { value: 'webgpu', label: 'gpu: webgpu' },
  { value: 'webgl2', label: 'gpu: webgl2' },
  { value: 'webasm', label: 'gpu: webasm' },
  { value: 'cpu', label: 'gpu: cpu' },
  { value: 'wasm', label: 'wasm (SIMD)' },
  { value: 'reference', label: 'reference (JS)' },
  { value: 'auto', label: 'auto' },
];

/** Paths a sweep is most often about: input currents, rates, weights. */
function preferredPath(paths: readonly string[]): string | undefined {
  return (
    paths.find((p) => /^stimuli\/[^/]+\/amplitude$/.test(p)) ??
    paths.find((p) => /\/params\/rate$/.test(p)) ??
    paths.find((p) => /^projections\/[^/]+\/weight\/(value|mean)$/.test(p)) ??
    paths.find((p) => p.startsWith('populations/'))
  );
}

/** The population whose rate a sweep measures by default: the last that is not a source. */
function defaultPopulation(doc: NetworkDocument): string {
  const sources = new Set(['poisson', 'spike_generator']);
  const neurons = doc.populations.filter((p) => !sources.has(p.model));
  return (neurons.at(-1) ?? doc.populations.at(-1))?.id ?? '';
}

/** A range around a path's current value: half to twice it (0..1 for a zero). */
export function defaultRange(doc: NetworkDocument, path: string): { from: number; to: number } {
  const value = readParam(doc, path) ?? 0;
  if (value === 0) return { from: 0, to: 1 };
  return value > 0 ? { from: value / 2, to: value * 2 } : { from: value * 2, to: value / 2 };
}

export function defaultSettings(doc: NetworkDocument): SweepSettings {
  const path = preferredPath(numericParams(doc)) ?? '';
  return {
    path,
    ...defaultRange(doc, path),
    count: 8,
    population: defaultPopulation(doc),
    backend: 'gpu',
  };
}

/**
 * Saved settings fitted to `doc`: a saved path or population the document lacks is replaced
 * by the document's default (and a new path gets its default range).
 */
export function fitSettings(
  saved: Partial<SweepSettings> | null,
  doc: NetworkDocument,
): SweepSettings {
  const base = defaultSettings(doc);
  if (!saved) return base;
  const pathOk = typeof saved.path === 'string' && readParam(doc, saved.path) !== null;
  const num = (v: unknown, fallback: number): number =>
    typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  return {
    path: pathOk ? (saved.path ?? base.path) : base.path,
    from: pathOk ? num(saved.from, base.from) : base.from,
    to: pathOk ? num(saved.to, base.to) : base.to,
    count: Math.max(1, Math.round(num(saved.count, base.count))),
    population: doc.populations.some((p) => p.id === saved.population)
      ? (saved.population ?? base.population)
      : base.population,
    backend: BACKENDS.includes(saved.backend as BackendChoice)
      ? (saved.backend as BackendChoice)
      : base.backend,
  };
}

export function loadSettings(storage: Pick<Storage, 'getItem'>): Partial<SweepSettings> | null {
  try {
    const text = storage.getItem(SWEEP_SETTINGS_KEY);
    const parsed: unknown = text === null ? null : JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    // A damaged entry is forgotten: the defaults of the document take its place.
    return null;
  }
}

export function saveSettings(storage: Pick<Storage, 'setItem'>, settings: SweepSettings): void {
  try {
    storage.setItem(SWEEP_SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or denied: the settings last for this page only.
  }
}
