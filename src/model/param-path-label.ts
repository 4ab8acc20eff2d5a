/**
 * Human labels for parameter paths ("exc · Membrane time constant (ms)"), from the model's
 * param-info where it knows the field and from a small table of the other common fields, so a
 * teacher's panel, a lesson step or a sweep axis names a number the way the inspector does.
 */
import type { NetworkDocument } from './document.ts';
import { PARAM_INFO } from './param-info.ts';
import { LOIHI_SYNAPSE_INFO } from './param-info-loihi.ts';

/** Labels and units of fields outside a population's params (as the inspector shows them). */
const FIELD_LABELS: Readonly<Record<string, readonly [label: string, unit: string]>> = {
  dt: ['Time step dt', 'ms'],
  duration: ['Duration', 'ms'],
  seed: ['Seed', ''],
  start: ['Start', 'ms'],
  stop: ['Stop', 'ms'],
  amplitude: ['Amplitude', ''],
  size: ['Size', 'neurons'],
  tau: ['Synaptic time constant', 'ms'],
  steps: ['Delay', 'steps'],
  p: ['Connection probability', ''],
  k: ['Fan-in', 'synapses'],
  bin: ['Rate bin', 'ms'],
};

function withUnit(label: string, unit: string): string {
  return unit === '' || unit === 'model units' ? label : `${label} (${unit})`;
}

function fieldLabel(key: string): string {
  const known = FIELD_LABELS[key];
  return known === undefined ? key : withUnit(known[0], known[1]);
}

/** Collections whose items are named by their id (or label, for populations and projections). */
function itemName(doc: NetworkDocument, collection: string, id: string): string | null {
  const list: readonly { id: string; label?: string }[] | undefined =
    collection === 'populations'
      ? doc.populations
      : collection === 'projections'
        ? doc.projections
        : collection === 'stimuli'
          ? doc.stimuli
          : collection === 'probes'
            ? doc.probes
            : undefined;
  const item = list?.find((i) => i.id === id);
  if (item === undefined) return null;
  return item.label !== undefined && item.label !== '' ? item.label : item.id;
}

/** The label of a population's own parameter (`params/<key>[/...]`), from PARAM_INFO. */
function populationParamLabel(doc: NetworkDocument, id: string, rest: string[]): string | null {
  const population = doc.populations.find((p) => p.id === id);
  if (population === undefined || rest[0] !== 'params' || rest.length < 2) return null;
  const infos: readonly { key: string; label: string; unit: string }[] =
    PARAM_INFO[population.model];
  const info = infos.find((i) => i.key === rest[1]);
  if (info === undefined) return null;
  // v_init/value, v_init/low: the parameter's label, then the part, then the unit.
  const parts = rest.length > 2 ? `${info.label} · ${rest.slice(2).join(' · ')}` : info.label;
  return withUnit(parts, info.unit);
}

/** `synapse/w_exp` of a Loihi projection, labelled as its synapse editor labels it. */
function synapseLabel(rest: string[]): string | null {
  if (rest[0] !== 'synapse' || rest.length !== 2) return null;
  const info = LOIHI_SYNAPSE_INFO.find((i) => i.key === rest[1]);
  return info === undefined ? null : withUnit(info.label, info.unit);
}

/** A label for the path's segments, or `null` when the path is not one a label exists for. */
export function paramLabelOf(doc: NetworkDocument, segments: string[]): string | null {
  const [head = '', id, ...rest] = segments;
  if (head === 'run' && id !== undefined && rest.length === 0) return `run · ${fieldLabel(id)}`;
  if (id === undefined || rest.length === 0) return null;
  const name = itemName(doc, head, id);
  if (name === null) return null;
  const specific =
    head === 'populations'
      ? populationParamLabel(doc, id, rest)
      : head === 'projections'
        ? synapseLabel(rest)
        : null;
  if (specific !== null) return `${name} · ${specific}`;
  // Generic: the containers joined, the last field labelled from the table when known.
  const containers = rest.slice(0, -1).filter((s) => s !== 'params');
  return [name, ...containers, fieldLabel(rest.at(-1) ?? '')].join(' · ');
}
