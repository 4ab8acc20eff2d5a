/**
 * One step of the virtual core, in the phases of `hdl/spikelab_core.v` (hdl/README.md, "Phases
 * of one step"): stimulus events of step t, the neuron pass, the delivery walk, the Loihi pass
 * (a LOIHI = 1 core), then t + 1. Returns why the RTL would never finish the step (its
 * population, projection or stimulus counters cannot reach what `net.hex` asks), or null.
 */
import { deliver } from './virtual-core-deliver.ts';
import { learningPass } from './virtual-core-learn.ts';
import type { CoreMemory } from './virtual-core-memory.ts';
import { populationPass } from './virtual-core-pass.ts';

/**
 * Runs step `m.t`; null when it finished, else the reason the core would stay busy forever.
 *
 * @throws VirtualCoreError (from the passes) for bounds the engine's functions do not define.
 */
export function coreStep(m: CoreMemory): string | null {
  const c = m.capacity;
  // The RTL's counters are one bit wider than their tables: a larger count is never reached.
  if (m.net[0] !== undefined && m.net[0] >= 2 * c.POPMAX) {
    return `net word 0 asks for ${m.net[0]} populations; the core counts to ${2 * c.POPMAX - 1}`;
  }
  if (m.net[1] !== undefined && m.net[1] >= 2 * c.PRJMAX) {
    return `net word 1 asks for ${m.net[1]} projections; the core counts to ${2 * c.PRJMAX - 1}`;
  }
  if (!stimulusEvents(m)) {
    return `the stimulus events of step ${m.t} never end (net word 2 = ${m.net[2]})`;
  }
  populationPass(m, false);
  deliver(m);
  if (m.loihi) populationPass(m, true);
  learningPass(m);
  m.t = (m.t + 1) >>> 0;
  return null;
}

/** `S_EXT`: the events of step t (sorted by step) set their population's ext register. */
function stimulusEvents(m: CoreMemory): boolean {
  const c = m.capacity;
  const events = m.net[2] ?? 0;
  // The pointer has log2(EXTMAX) + 1 bits: past 2 * EXTMAX events it has wrapped for good.
  for (let n = 0; n <= 2 * c.EXTMAX; n++) {
    const e = (m.extPtr & (c.EXTMAX - 1)) * 4;
    if (m.extPtr >= events || m.ext[e] !== m.t) return true;
    m.extReg[(m.ext[e + 1] ?? 0) & (c.POPMAX - 1)] = m.ext[e + 2] ?? 0;
    m.extPtr = (m.extPtr + 1) & (2 * c.EXTMAX - 1);
  }
  return false;
}
