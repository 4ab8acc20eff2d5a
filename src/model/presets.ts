/**
 * Published parameter sets of the classroom models, as data: the palette and the gallery
 * examples offer them, the tests check that each reproduces its published firing pattern.
 *
 * Each preset carries the step current under which its pattern was published (`current`, in the
 * model's current unit); the preset's `bias` is 0 so the pattern starts when a stimulus does.
 */
import type { AdexParams, IzhikevichParams } from './document.ts';

export interface ModelPreset<P> {
  /** Stable key, e.g. `rs`. */
  id: string;
  /** Name as the source paper gives it. */
  name: string;
  /** The firing pattern the preset shows under `current`. */
  pattern: string;
  params: P;
  /** Step current of the published figure (Izhikevich: mV/ms; AdEx: pA). */
  current: number;
  /** Where the numbers come from. */
  source: string;
}

const IZHIKEVICH_2003 = 'Izhikevich (2003), IEEE Trans. Neural Netw. 14:1569, Fig. 2';

/** Izhikevich's cortical cell classes; every cell starts at v = -65 mV, u = b * v. */
function izhikevich(a: number, b: number, c: number, d: number): IzhikevichParams {
  return { a, b, c, d, bias: 0, noise_std: 0, v_init: { kind: 'constant', value: -65 } };
}

/** Izhikevich (2003): regular spiking, intrinsically bursting, chattering, fast spiking, LTS. */
export const IZHIKEVICH_PRESETS: readonly ModelPreset<IzhikevichParams>[] = [
  {
    id: 'rs',
    name: 'Regular spiking (RS)',
    pattern: 'tonic spikes whose intervals lengthen (spike-frequency adaptation)',
    params: izhikevich(0.02, 0.2, -65, 8),
    current: 10,
    source: IZHIKEVICH_2003,
  },
  {
    id: 'ib',
    name: 'Intrinsically bursting (IB)',
    pattern: 'an initial burst, then tonic single spikes',
    params: izhikevich(0.02, 0.2, -55, 4),
    current: 10,
    source: IZHIKEVICH_2003,
  },
  {
    id: 'ch',
    name: 'Chattering (CH)',
    pattern: 'repeated bursts of closely spaced spikes',
    params: izhikevich(0.02, 0.2, -50, 2),
    current: 10,
    source: IZHIKEVICH_2003,
  },
  {
    id: 'fs',
    name: 'Fast spiking (FS)',
    pattern: 'high-rate tonic spikes without adaptation',
    params: izhikevich(0.1, 0.2, -65, 2),
    current: 10,
    source: IZHIKEVICH_2003,
  },
  {
    id: 'lts',
    name: 'Low-threshold spiking (LTS)',
    pattern: 'high-rate spikes with adaptation, rebound from a lower threshold',
    params: izhikevich(0.02, 0.25, -65, 2),
    current: 10,
    source: IZHIKEVICH_2003,
  },
];

const NAUD_2008 = 'Naud, Marcille, Clopath & Gerstner (2008), Biol. Cybern. 99:335, Table 1';

/** One row of Naud et al.'s table; the spike is cut at 0 mV, no refractory period, w starts at 0. */
function adex(
  row: Pick<AdexParams, 'c' | 'g_l' | 'e_l' | 'v_t' | 'delta_t' | 'a' | 'tau_w' | 'b' | 'v_reset'>,
): AdexParams {
  return {
    ...row,
    v_peak: 0,
    refractory_period: 0,
    bias: 0,
    noise_std: 0,
    v_init: { kind: 'constant', value: row.e_l },
  };
}

/** Naud et al. (2008): tonic, adapting, initial bursting and regular bursting AdEx cells. */
export const ADEX_PRESETS: readonly ModelPreset<AdexParams>[] = [
  {
    id: 'tonic',
    name: 'Tonic spiking',
    pattern: 'regular spikes at a constant rate',
    params: adex({
      c: 200,
      g_l: 10,
      e_l: -70,
      v_t: -50,
      delta_t: 2,
      a: 2,
      tau_w: 30,
      b: 0,
      v_reset: -58,
    }),
    current: 500,
    source: NAUD_2008,
  },
  {
    id: 'adapting',
    name: 'Adapting',
    pattern: 'spikes whose intervals lengthen to a steady rate',
    params: adex({
      c: 200,
      g_l: 12,
      e_l: -70,
      v_t: -50,
      delta_t: 2,
      a: 2,
      tau_w: 300,
      b: 60,
      v_reset: -58,
    }),
    current: 500,
    source: NAUD_2008,
  },
  {
    id: 'initial_burst',
    name: 'Initial burst',
    pattern: 'a burst at the onset, then tonic spikes',
    params: adex({
      c: 130,
      g_l: 18,
      e_l: -58,
      v_t: -50,
      delta_t: 2,
      a: 4,
      tau_w: 150,
      b: 120,
      v_reset: -50,
    }),
    current: 400,
    source: NAUD_2008,
  },
  {
    id: 'regular_bursting',
    name: 'Regular bursting',
    pattern: 'repeated bursts separated by long pauses',
    params: adex({
      c: 200,
      g_l: 10,
      e_l: -58,
      v_t: -50,
      delta_t: 2,
      a: 2,
      tau_w: 120,
      b: 100,
      v_reset: -46,
    }),
    current: 210,
    source: NAUD_2008,
  },
];
