/** Words for a projection at a glance: its connectivity, synapse and the sign of its weight. */
import type {
  Connectivity,
  Distribution,
  PlasticityRuleName,
  PopulationModel,
  Projection,
} from '../../model/index.ts';

/** `p=0.02`, `all`, `1:1`, `k=80`, `conv 3×3/2`, `avg 2×2/2`, `120 pairs`. */
export function connectivityLabel(c: Connectivity): string {
  switch (c.rule) {
    case 'all_to_all':
      return 'all';
    case 'one_to_one':
      return '1:1';
    case 'fixed_probability':
      return `p=${formatNumber(c.p)}`;
    case 'fixed_fan_in':
      return `k=${c.k}`;
    case 'conv2d':
    case 'conv1d':
      // The kernel's spatial size and the stride: `conv 3×3`, `conv 5/2`.
      return `conv ${c.kernel.shape.slice(2).join('×')}${strideText(c.stride)}`;
    case 'sum_pool2d':
    case 'avg_pool2d':
      return `${c.rule === 'sum_pool2d' ? 'sum' : 'avg'} ${c.kernel_size.join('×')}${strideText(c.stride)}`;
    case 'explicit':
      return `${c.pairs.sources.length} pairs`;
  }
}

/** `/2` for a stride other than 1 (`/2×1` when the axes differ), '' otherwise. */
function strideText(stride: number | readonly number[]): string {
  const s = typeof stride === 'number' ? [stride] : stride;
  if (s.every((n) => n === 1)) return '';
  return `/${s.every((n) => n === s[0]) ? String(s[0]) : s.join('×')}`;
}

export type WeightSign = 'excitatory' | 'inhibitory' | 'mixed';

/**
 * The sign of a projection's weights: a chip synapse's own list (Loihi `mantissas`, DPI
 * `weights`) replaces the distribution when present, so it decides; else `weightSign`.
 */
export function projectionSign(p: Projection): WeightSign {
  const list =
    p.synapse.kind === 'loihi'
      ? p.synapse.mantissas
      : p.synapse.kind === 'dpi'
        ? p.synapse.weights
        : undefined;
  if (list === undefined) return weightSign(p.weight);
  if (list.every((w) => w >= 0)) return 'excitatory';
  return list.every((w) => w <= 0) ? 'inhibitory' : 'mixed';
}

/** Excitatory when every weight the distribution can draw is >= 0, inhibitory when <= 0. */
export function weightSign(w: Distribution): WeightSign {
  switch (w.kind) {
    case 'constant':
      return w.value >= 0 ? 'excitatory' : 'inhibitory';
    case 'uniform':
      return w.low >= 0 ? 'excitatory' : w.high <= 0 ? 'inhibitory' : 'mixed';
    case 'normal':
      // A normal draw can have either sign; classify by the mean unless the mean is zero.
      return w.mean > 0 ? 'excitatory' : w.mean < 0 ? 'inhibitory' : 'mixed';
    case 'explicit':
      return w.values.every((v) => v >= 0)
        ? 'excitatory'
        : w.values.every((v) => v <= 0)
          ? 'inhibitory'
          : 'mixed';
  }
}

/** `w=0.5`, `w~U(0,1)`, `w~N(1,0.2)`, `w[4]∈[0,0.8]`. */
export function weightLabel(w: Distribution): string {
  switch (w.kind) {
    case 'constant':
      return `w=${formatNumber(w.value)}`;
    case 'uniform':
      return `w~U(${formatNumber(w.low)},${formatNumber(w.high)})`;
    case 'normal':
      return `w~N(${formatNumber(w.mean)},${formatNumber(w.std)})`;
    case 'explicit': {
      // Learned or trained weights: their count and range (a list of thousands does not fit).
      const lo = w.values.reduce((a, b) => Math.min(a, b), Infinity);
      const hi = w.values.reduce((a, b) => Math.max(a, b), -Infinity);
      return w.values.length === 0
        ? 'w=[]'
        : `w[${w.values.length}]∈[${formatNumber(lo)},${formatNumber(hi)}]`;
    }
  }
}

/**
 * `δ` for delta synapses, `τ5` for exponential currents, `2^6 Δw` for a learning Loihi one;
 * a classic projection's plasticity follows (`τ5 STDP`, `δ STP struct`).
 */
export function synapseLabel(p: Projection): string {
  if (p.synapse.kind === 'loihi') {
    const learns = p.synapse.dw !== undefined && p.synapse.dw !== '';
    return `2^${6 + p.synapse.w_exp}${learns ? ' Δw' : ''}`;
  }
  if (p.synapse.kind === 'dpi') return 'DPI';
  const kind = p.synapse.kind === 'delta' ? 'δ' : `τ${formatNumber(p.synapse.tau)}`;
  const plastic = plasticityLabel(p);
  return plastic === '' ? kind : `${kind} ${plastic}`;
}

const RULE_LABELS: Readonly<Record<PlasticityRuleName, string>> = {
  stdp: 'STDP',
  rstdp: 'R-STDP',
  online_o1: 'OnlineO1',
  homeostatic: 'homeo',
};

/** The plasticity of a classic projection in words: `STDP`, `R-STDP STP`, `struct`; '' if none. */
export function plasticityLabel(p: Projection): string {
  const parts: string[] = [];
  if (p.plasticity !== undefined) parts.push(RULE_LABELS[p.plasticity.rule]);
  if (p.stp !== undefined) parts.push('STP');
  if (p.structural !== undefined) parts.push('struct');
  return parts.join(' ');
}

/**
 * The units of a classic projection's weight: a delta synapse jumps the membrane (mV); an
 * exponential one adds current in the target model's units (AdEx pA, Izhikevich mV/ms, the
 * LIF's model units).
 */
export function weightUnit(p: Projection, targetModel: PopulationModel | undefined): string {
  if (p.synapse.kind === 'delta') return 'mV';
  if (targetModel === 'adex') return 'pA';
  if (targetModel === 'izhikevich') return 'mV/ms';
  return 'model units';
}

/** Up to 4 significant digits, no trailing zeros: 0.0200 -> 0.02. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(4)));
}
