/**
 * Test doubles for the host's board run: a `BridgeLike` over the software bridge (the
 * frame-after-next rule, tags and CRCs as on the wire), and a scripted core behind it that
 * answers the memory map's words as plain memory, with a capacity region, a run state, and
 * spike lists written from a script instead of a network's step (so the host's chunking, slots
 * and batching are checked independently of the virtual core).
 */
import { BridgeModel, type BridgeBackend } from '../../../src/hdl/bridge-model.ts';
import { decodeReply } from '../../../src/hdl/bridge-protocol.ts';
import { matchReplies, planFrames } from '../../../src/hdl/bridge-session.ts';
import type { CoreCapacity } from '../../../src/hdl/core-capacity.ts';
import { coreAddress } from '../../../src/hdl/core-memory-map.ts';
import type { SpikeEvent } from '../../../src/hdl/spike-equivalence.ts';
import type { BridgeLike } from '../../../src/usb/board/core-run.ts';
import {
  CAPACITY_REGION,
  RUN_STATE,
  RUN_STATE_REGION,
  regionWord,
} from '../../../src/usb/board/core-run-regions.ts';

/** The software bridge as a `BridgeLike`: every command through its 88-bit frame and reply. */
export function modelBridge(model: BridgeModel): BridgeLike & { commands: number } {
  let tag = 0;
  return {
    commands: 0,
    execute(commands) {
      this.commands += commands.length;
      const frames = planFrames(commands, tag);
      tag = (tag + frames.length) & 0xff;
      return Promise.resolve(
        matchReplies(
          frames,
          frames.map((f) => decodeReply(model.scan(f.bits))),
        ),
      );
    },
  };
}

export interface ScriptedCore extends BridgeBackend {
  memory: Map<number, number>;
  /** Steps run, chunk by chunk. */
  runs: number[];
}

/**
 * A core whose step t writes `script(t)` (events of step t, population and index) into the
 * spike lists of slot t mod DMAX, with `bases` the populations' first neurons. `overflowAt`
 * sets the sticky overflow flag when that step runs; `lose` makes it run one step less.
 */
export function scriptedCore(
  capacity: CoreCapacity,
  bases: readonly number[],
  script: (t: number) => SpikeEvent[],
  faults: { overflowAt?: number; lose?: boolean; id?: number } = {},
): ScriptedCore {
  const memory = new Map<number, number>();
  const words = [
    capacity.NMAX,
    capacity.POPMAX,
    capacity.PRJMAX,
    capacity.CHMAX,
    capacity.DMAX,
    capacity.SYNMAX,
    capacity.ROWMAX,
    capacity.GPTRMAX,
    capacity.GIDXMAX,
    capacity.EXTMAX,
    capacity.LOIHI ?? 0,
  ];
  words.forEach((w, k) => memory.set(regionWord(CAPACITY_REGION, k), w));
  const tAddress = regionWord(RUN_STATE_REGION, RUN_STATE.t);
  const core: ScriptedCore = {
    memory,
    runs: [],
    read: (a) => memory.get(a) ?? 0,
    write: (a, d) => void memory.set(a, d),
    run(steps) {
      core.runs.push(steps);
      const t0 = memory.get(tAddress) ?? 0;
      const n = faults.lose === true ? steps - 1 : steps;
      for (let t = t0; t < t0 + n; t++) {
        const slot = t % capacity.DMAX;
        const counts = new Map<number, number>();
        for (const e of script(t)) {
          const k = counts.get(e.population) ?? 0;
          counts.set(e.population, k + 1);
          const at = slot * capacity.NMAX + (bases[e.population] ?? 0) + k;
          memory.set(coreAddress('spike_list', at, capacity), e.index);
        }
        bases.forEach((_, p) => {
          const at = slot * capacity.POPMAX + p;
          memory.set(coreAddress('spike_count', at, capacity), counts.get(p) ?? 0);
        });
        if (t === faults.overflowAt)
          memory.set(regionWord(RUN_STATE_REGION, RUN_STATE.overflow), 1);
      }
      memory.set(tAddress, t0 + n);
    },
  };
  return core;
}

/** The bridge and its scripted core, ready to use. */
export function scriptedBoard(...args: Parameters<typeof scriptedCore>) {
  const core = scriptedCore(...args);
  const bridge = modelBridge(new BridgeModel(core));
  return { core, bridge };
}
