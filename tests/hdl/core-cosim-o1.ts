/**
 * The learning half of the core's co-simulation (ONLINE_O1 = 1): the engine's synapse probes
 * (`w`, `pre_trace`, `post_trace`, `eligibility`) of every online_o1 projection after every
 * step, the simulator's `+synapses=` file (the core's o1_dump_* registers, one line per learning
 * synapse per step), and the first difference by step, projection, synapse and field.
 */
import { compile } from '../../src/engine/compile/index.ts';
import { createSimulation } from '../../src/engine/simulation.ts';
import { layoutCore } from '../../src/hdl/core-images.ts';
import { PRJ_FIELDS } from '../../src/hdl/core-images.ts';
import type { NetworkDocument, Probe } from '../../src/model/document.ts';

/** Per step, one `projection,synapse,w,pre,post,elig` line per learning synapse (sorted). */
export type SynapseRecord = string[][];

const VARIABLES = ['w', 'pre_trace', 'post_trace', 'eligibility'] as const;

/** The online_o1 projections of `doc` (document index) with their synapse counts. */
function learning(doc: NetworkDocument): { index: number; id: string; synapses: number }[] {
  const plan = compile(doc);
  return plan.projections.flatMap((pr, index) =>
    pr.plasticity?.rule?.rule === 'online_o1'
      ? [{ index, id: pr.id, synapses: pr.csr.targets.length }]
      : [],
  );
}

/** The engine's record: its synapse probes are float32, as the simulator's values are compared. */
export async function engineSynapses(doc: NetworkDocument): Promise<SynapseRecord> {
  const projections = learning(doc);
  const probes: Probe[] = projections.flatMap((p) =>
    VARIABLES.map((variable): Probe => ({
      id: `o1_${p.id}_${variable}`,
      kind: 'synapse',
      projection: p.id,
      variable,
      synapses: Array.from({ length: p.synapses }, (_, e) => e),
    })),
  );
  const sim = await createSimulation({ ...doc, probes }, { backend: 'reference' });
  try {
    const chunk = await sim.step(sim.totalSteps);
    const steps: SynapseRecord = Array.from({ length: sim.totalSteps }, () => []);
    for (let t = 0; t < sim.totalSteps; t++) {
      for (const p of projections) {
        const values = VARIABLES.map((v) => chunk.traces[`o1_${p.id}_${v}`]?.values);
        for (let e = 0; e < p.synapses; e++) {
          const at = t * p.synapses + e;
          steps[t]?.push(`${p.index},${e},${values.map((v) => v?.[at] ?? 'none').join(',')}`);
        }
      }
      steps[t]?.sort();
    }
    return steps;
  } finally {
    sim.dispose();
  }
}

/**
 * The simulator's `+synapses=` file (`step,k,e,w,pre,post,elig`, with the core's delivered
 * projection k and global synapse e, a header line allowed) as the engine records it: the
 * projection by document index, the synapse within it, `w` the delivered float32
 * `fround(w * weightScale)` and the integers as float32.
 */
export function simulatorSynapses(
  doc: NetworkDocument,
  text: string,
  totalSteps: number,
): SynapseRecord {
  const plan = compile(doc);
  const layout = layoutCore(plan);
  const steps: SynapseRecord = Array.from({ length: totalSteps }, () => []);
  const f = Math.fround;
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('step,')) continue;
    const [t, k, e, w, pre, post, elig] = line.split(',').map(Number);
    const index = layout.delivered[k ?? -1];
    const pr = index === undefined ? undefined : plan.projections[index];
    const rule = pr?.plasticity?.rule;
    if (pr === undefined || rule?.rule !== 'online_o1') {
      throw new Error(`synapse line '${line}': the core's projection ${k} does not learn`);
    }
    const row = layout.images.prj[(k ?? 0) * PRJ_FIELDS + 6] ?? 0;
    const first = layout.images.rowStart[row] ?? 0;
    const record = steps[t ?? -1];
    if (!record)
      throw new Error(`synapse line at step ${t}, outside the run's ${totalSteps} steps`);
    const delivered = f((w ?? 0) * rule.weightScale);
    record.push(
      `${index},${(e ?? 0) - first},${delivered},${f(pre ?? 0)},${f(post ?? 0)},${f(elig ?? 0)}`,
    );
  }
  for (const record of steps) record.sort();
  return steps;
}

/** The first difference, as "step t, projection 'id', synapse e, field X: expected A, got B". */
export function firstSynapseMismatch(
  doc: NetworkDocument,
  expected: SynapseRecord,
  got: SynapseRecord,
): string | null {
  const fields = ['w', 'pre', 'post', 'elig'];
  for (let t = 0; t < expected.length; t++) {
    const want = expected[t] ?? [];
    const have = got[t] ?? [];
    if (want.length !== have.length) {
      return `step ${t}: expected ${want.length} learning synapses, got ${have.length}`;
    }
    for (let n = 0; n < want.length; n++) {
      const a = (want[n] ?? '').split(',');
      const b = (have[n] ?? '').split(',');
      const name = `'${doc.projections[Number(a[0])]?.id ?? a[0]}'`;
      if (a[0] !== b[0] || a[1] !== b[1]) {
        return `step ${t}: synapse record ${n} is projection ${b[0]} synapse ${b[1]}, expected ${a[0]} ${a[1]}`;
      }
      for (let i = 0; i < fields.length; i++) {
        if (a[i + 2] !== b[i + 2]) {
          return (
            `step ${t}, projection ${name}, synapse ${a[1]}, field ${fields[i]}: ` +
            `expected ${a[i + 2]}, got ${b[i + 2]}`
          );
        }
      }
    }
  }
  return null;
}

/** Learning synapses whose field `field` (2: w, 3: pre, ...) changed during the run. */
function changes(record: SynapseRecord, field: number): number {
  const first = new Map<string, string>();
  const changed = new Set<string>();
  for (const step of record) {
    for (const line of step) {
      const parts = line.split(',');
      const key = `${parts[0]},${parts[1]}`;
      const v0 = first.get(key);
      if (v0 === undefined) first.set(key, parts[field] ?? '');
      else if (v0 !== parts[field]) changed.add(key);
    }
  }
  return changed.size;
}

/** Synapses whose weight changed: a rewarded network that never learns proves little. */
export const weightChanges = (record: SynapseRecord): number => changes(record, 2);
/** Synapses whose pre trace changed (their source spiked). */
export const traceChanges = (record: SynapseRecord): number => changes(record, 3);
