/**
 * The population passes of the virtual core's step, as `hdl/spikelab_core.v` runs them
 * (hdl/README.md, "Phases of one step" 2 and 4): populations in document order, neurons
 * ascending; the neuron pass does fixed-point LIF (`neuron_lane`: steps 1, 2f, 4, 6), Poisson
 * and generator neurons, the Loihi pass (after every delivery) the Loihi compartments (5c).
 * Every spike goes to its population's spike list of slot t mod DMAX and its history bit. The
 * arithmetic is the engine's own functions; only the registers' widths are added here.
 */
import {
  fixedDecay,
  fixedLifStep,
  saturate,
  type FixedLifConstants,
} from '../../engine/fixed-point/fixed-lif-step.ts';
import { stepLoihiCompartment } from '../../engine/loihi/loihi-compartment.ts';
import { draw24, stepKey } from '../../engine/random.ts';
import { CORE_LOIHI_VW } from '../../hdl/core-capacity.ts';
import { CORE_WMAX, POP_FIELDS, POP_KIND } from '../../hdl/core-images.ts';
import { rangeWidth, signExtend } from './virtual-core-bits.ts';
import type { CoreMemory } from './virtual-core-memory.ts';
import { scCount, scExt, scOn } from './virtual-core-sc.ts';

/** A step the twin cannot compute as the engine's functions define it. */
export class VirtualCoreError extends Error {
  override name = 'VirtualCoreError';
}

/** Population `pp`'s fields as the core's registers take them (`S_POP`). */
function fields(m: CoreMemory, pp: number) {
  const f = m.pop.subarray(pp * POP_FIELDS, (pp + 1) * POP_FIELDS);
  const at = (i: number): number => f[i] ?? 0;
  const s24 = (i: number): number => signExtend(at(i), CORE_WMAX);
  return {
    kind: at(0) & 3,
    base: at(1) & (m.capacity.NMAX - 1),
    size: at(2) & (2 * m.capacity.NMAX - 1),
    nch: Math.min(at(3) & 31, m.capacity.CHMAX),
    scale: at(4) & 31,
    min: s24(5),
    max: s24(6),
    vRest: s24(7),
    vReset: s24(8),
    vThreshold: s24(9),
    leak: at(10) & 0x1ffff,
    gain: at(11) & 0x1ffffff,
    refractory: at(12) & 0xffff,
    keyOrPtr: at(13),
    thrOrLen: at(14),
    period: at(15),
    decay: (k: number): number => at(16 + k) & 0x1ffff,
    /** Loihi: the compartment's 24-bit threshold and 13-bit decays. */
    loihiThreshold: at(9) & 0xffffff,
  };
}

type Fields = ReturnType<typeof fields>;

/**
 * Runs the neuron pass (`loihiPass` false) or the Loihi pass (true) of step `m.t`.
 *
 * @throws VirtualCoreError for a fixed-point population whose bounds are not a W-bit range.
 */
export function populationPass(m: CoreMemory, loihiPass: boolean): void {
  const c = m.capacity;
  const slot = m.t & (c.DMAX - 1);
  for (let p = 0; p !== m.net[0]; p = (p + 1) & (2 * c.POPMAX - 1)) {
    const pp = p & (c.POPMAX - 1);
    const f = fields(m, pp);
    if (m.loihi && (f.kind === POP_KIND.loihi) !== loihiPass) continue;
    scCount(m, pp); // an SC layer's count before its pass (virtual-core-sc.ts)
    const spike = neuronRule(m, f, pp, loihiPass);
    let count = 0;
    for (let j = 0; j < f.size; j++) {
      const jj = j & (c.NMAX - 1);
      const g = (f.base + jj) & (c.NMAX - 1);
      const spiked = spike(jj, g);
      const word = g * m.histWords + (slot >>> 5);
      const bit = 1 << (slot & 31);
      m.hist[word] = spiked ? (m.hist[word] ?? 0) | bit : (m.hist[word] ?? 0) & ~bit;
      if (spiked) {
        m.list[slot * c.NMAX + ((f.base + count) & (c.NMAX - 1))] = jj;
        count = (count + 1) & (2 * c.NMAX - 1);
      }
    }
    m.cnt[slot * c.POPMAX + pp] = count;
    if ((f.kind === POP_KIND.generator || scOn(m, pp)) && f.period !== 0) {
      const next = ((m.genPhase[pp] ?? 0) + 1) >>> 0;
      m.genPhase[pp] = next === f.period ? 0 : next;
    }
  }
}

/** The population's step for neuron jj (global g): updates its state, returns the spike. */
function neuronRule(
  m: CoreMemory,
  f: Fields,
  pp: number,
  loihiPass: boolean,
): (jj: number, g: number) => boolean {
  if (loihiPass) return loihiNeuron(m, f);
  if (f.kind === POP_KIND.fixed) return fixedNeuron(m, f, pp);
  if (f.kind === POP_KIND.poisson) {
    const key = stepKey(f.keyOrPtr, m.t);
    return (jj) => draw24(key, jj) < f.thrOrLen;
  }
  return generatorNeuron(m, f, pp);
}

/** `neuron_lane`: I = sat(ext + sum I_k), each used channel decays, `fixedLifStep`. */
function fixedNeuron(m: CoreMemory, f: Fields, pp: number): (jj: number, g: number) => boolean {
  if (f.size === 0) return () => false;
  // The RTL clamps to [min, max]; the engine's `saturate` to a W-bit range, which layoutCore's
  // bounds always are (`fixedRange`). Other bounds have no engine definition to follow.
  const totalBits = rangeWidth(f.min, f.max);
  if (totalBits === null) {
    throw new VirtualCoreError(
      `population ${pp}: bounds [${f.min}, ${f.max}] are not a W-bit range (pop.hex words 5, 6)`,
    );
  }
  const constants: FixedLifConstants = {
    totalBits,
    fractionBits: 0,
    scaleBits: f.scale,
    vRest: f.vRest,
    vReset: f.vReset,
    vThreshold: f.vThreshold,
    leak: f.leak,
    gain: f.gain,
    refractorySteps: f.refractory,
  };
  const ext = ((m.extReg[pp] ?? 0) + scExt(m, pp)) | 0; // the RTL's 32-bit ext + SC current
  const decays = Array.from({ length: f.nch }, (_, k) => f.decay(k));
  return (_jj, g) => {
    let input = ext;
    for (let k = 0; k < f.nch; k++) {
      const bank = m.banks[k] as Int32Array;
      const current = bank[g] ?? 0;
      input += current;
      // decay <= 2^S keeps it within W bits; a larger one wraps at the bank's 24 bits.
      bank[g] = signExtend(fixedDecay(current, decays[k] ?? 0, f.scale), CORE_WMAX);
    }
    const next = fixedLifStep(
      constants,
      { v: m.v[g] ?? 0, refr: m.refr[g] ?? 0 },
      saturate(input, totalBits),
    );
    m.v[g] = next.state.v;
    m.refr[g] = next.state.refr;
    return next.spiked;
  };
}

/** The step's scheduled entries (`S_GEN_A..C`); a neuron spikes when it is the next one. */
function generatorNeuron(m: CoreMemory, f: Fields, pp: number): (jj: number) => boolean {
  const c = m.capacity;
  const s = f.period !== 0 ? (m.genPhase[pp] ?? 0) : m.t;
  let cur = 0;
  let to = 0;
  if (f.kind === POP_KIND.generator && (s + 1) >>> 0 < f.thrOrLen) {
    const at = (f.keyOrPtr + s) & (c.GPTRMAX - 1);
    cur = m.genPtr[at] ?? 0;
    to = m.genPtr[(at + 1) & (c.GPTRMAX - 1)] ?? 0;
  }
  return (jj) => {
    const spiked = cur < to && m.genIdx[cur & (c.GIDXMAX - 1)] === jj;
    if (spiked) cur = (cur + 1) & (2 * c.GIDXMAX - 1);
    return spiked;
  };
}

/** `loihi_compartment` (`stepLoihiCompartment`); v kept in 25 bits, I in 32. */
function loihiNeuron(m: CoreMemory, f: Fields): (jj: number, g: number) => boolean {
  const constants = {
    decayV: f.leak & 0x1fff,
    decayI: f.gain & 0x1fff,
    threshold: f.loihiThreshold,
    refractory: f.refractory,
  };
  return (_jj, g) => {
    const r = stepLoihiCompartment(constants, {
      v: m.loihiV[g] ?? 0,
      i: m.loihiI[g] ?? 0,
      refr: m.refr[g] ?? 0,
    });
    if (r.overflow !== null) m.overflow = 1;
    m.loihiV[g] = signExtend(r.state.v, CORE_LOIHI_VW);
    m.loihiI[g] = r.state.i | 0;
    m.refr[g] = r.state.refr; // 16 bits: refractory 0 wraps to 65535, as the RTL's counter
    return r.spiked;
  };
}
