/** `spikelab bench`'s learning section on sizes small enough for a unit test (a few seconds). */
import { beforeAll, describe, expect, it } from 'vitest';
import { onlineO1Network, stdpNetwork } from '../../../src/cli/bench/learning.ts';
import type { BenchReport } from '../../../src/cli/bench/report.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import { runCli, tempDir } from './helpers.ts';

const ARGS = [
  'bench',
  '--quick',
  '--no-baseline',
  '--no-sc',
  // The hardware and board sections have their own tests; here they would only cost time.
  '--no-hardware',
  '--no-board',
  '--no-sweep',
  '--no-interchange',
  '--neurons',
  '200',
  '--duration',
  '10',
  '--repeats',
  '1',
  '--backends',
  'reference,gpu:cpu',
];

describe('spikelab bench: learning section', () => {
  let report: BenchReport;
  beforeAll(async () => {
    const result = await runCli([...ARGS, '--json'], tempDir());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    report = JSON.parse(result.stdout) as BenchReport;
  });

  it('reports OnlineO1 per form, STDP per backend and BPTT per device, refusals with reasons', () => {
    const learning = report.learning;
    if (learning === null) throw new Error('no learning section');

    const o1 = learning.online_o1;
    expect(o1).toMatchObject({ synapses: 10_000, state_bits_per_synapse: 16 + 3 * 12 });
    expect(o1.rows.map((r) => r.label)).toEqual([
      'js',
      'wasm',
      'packed',
      'gpu:cpu',
      'gpu:webasm',
      'gpu:webgpu',
    ]);
    // Bytes from each form's own arrays: four 32-bit fields, or 52 bits packed (10,000 * 52
    // bits is a whole number of words).
    const bytes = [16, 16, 52 / 8, 16, 16];
    o1.rows.slice(0, 5).forEach((row, k) => {
      expect(row, row.label).toMatchObject({ status: 'ok', bytes_per_synapse: bytes[k] });
      expect(row.updates_per_s).toBeGreaterThan(0);
      expect(row.steps).toBeGreaterThanOrEqual(2);
    });
    const webgpu = o1.rows[5];
    if (webgpu?.status !== 'ok') expect(webgpu?.reason).toMatch(/webgpu/);

    const stdp = learning.stdp;
    const doc = stdpNetwork(1000, 50);
    expect(stdp).toMatchObject({ neurons: 1000, steps: 500, name: doc.name });
    const reference = stdp.rows[0];
    expect(reference).toMatchObject({ label: 'reference', status: 'ok', backend: 'reference' });
    expect(reference?.updates_per_s).toBeCloseTo(
      (stdp.plastic_synapses * 500) / ((reference?.wall_ms ?? NaN) / 1000),
      3,
    );
    // gpu:cpu steps STDP now: slow in plain JavaScript, so its estimate may skip it; when it
    // runs it is bit-identical to the reference, spikes included.
    const gpu = stdp.rows[1];
    expect(gpu?.label).toBe('gpu:cpu');
    if (gpu?.status === 'ok') expect(gpu.spikes).toBe(reference?.spikes);
    else {
      expect(gpu?.status).toBe('skipped');
      expect(gpu?.reason).toMatch(/estimate|extrapolated/);
    }

    // OnlineO1 as a projection's rule: the same rows on the same network (plus its reward).
    const o1Projection = learning.online_o1_projection;
    expect(o1Projection).toMatchObject({
      neurons: 1001,
      steps: 500,
      name: onlineO1Network(1000, 50).name,
      plastic_synapses: stdp.plastic_synapses,
    });
    const o1Reference = o1Projection.rows[0];
    expect(o1Reference).toMatchObject({ label: 'reference', status: 'ok', backend: 'reference' });
    expect(o1Reference?.updates_per_s).toBeGreaterThan(0);
    const o1Gpu = o1Projection.rows[1];
    expect(o1Gpu?.label).toBe('gpu:cpu');
    if (o1Gpu?.status === 'ok') expect(o1Gpu.spikes).toBe(o1Reference?.spikes);
    else {
      expect(o1Gpu?.status).toBe('skipped');
      expect(o1Gpu?.reason).toMatch(/estimate|extrapolated/);
    }

    const bptt = learning.bptt;
    expect(bptt).toMatchObject({ network: '40-64-4', steps: 50, batch_size: 32 });
    expect(bptt.rows.map((r) => r.label)).toEqual(['js', 'gpu:cpu', 'gpu:webasm', 'gpu:webgpu']);
    for (const row of bptt.rows.slice(0, 3)) {
      expect(row.status, row.label).toBe('ok');
      expect(row.samples_per_s).toBeGreaterThan(0);
    }
  });

  it('the STDP network learns: its plastic synapses are those of the excitatory projections and their weights move', async () => {
    const doc = stdpNetwork(1000, 50);
    const sim = await createSimulation(doc, { backend: 'reference' });
    try {
      await sim.step(sim.totalSteps);
      const learned = await sim.learnedWeights();
      expect(Object.keys(learned).sort()).toEqual(['exc_exc', 'exc_inh']);
      // The engine's own count of plastic synapses: one learned weight each.
      const count = (learned.exc_exc?.length ?? 0) + (learned.exc_inh?.length ?? 0);
      expect(report.learning?.stdp.plastic_synapses).toBe(count);
      // From the constant 1.62 mV, some weights moved (and none left [w_min, w_max]).
      const moved = [...(learned.exc_exc ?? [])].filter((w) => Math.abs(w - 1.62) > 1e-6).length;
      expect(moved).toBeGreaterThan(0);
      expect([...(learned.exc_exc ?? [])].every((w) => w >= 0 && w <= 3.24)).toBe(true);
    } finally {
      sim.dispose();
    }
  });

  it('the OnlineO1 network learns: rewarded pairings move integer weights off 162', async () => {
    const sim = await createSimulation(onlineO1Network(1000, 50), { backend: 'wasm' });
    try {
      await sim.step(sim.totalSteps);
      const learned = await sim.learnedWeights();
      expect(Object.keys(learned).sort()).toEqual(['exc_exc', 'exc_inh']);
      const levels = [...(learned.exc_exc ?? [])].map((w) => Math.round(w / Math.fround(0.01)));
      expect(levels.filter((w) => w !== 162).length).toBeGreaterThan(100);
      expect(levels.every((w) => w >= 0 && w < 2 ** 16)).toBe(true);
    } finally {
      sim.dispose();
    }
  });

  it('prints the section in the table, and --no-learning leaves it out', async () => {
    const table = await runCli(ARGS, tempDir());
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /Learning: OnlineO1 \(weight 16, trace 12, reward 8 bits; 52 state bits/,
    );
    expect(table.stdout).toMatch(/\n {4}packed\s+\d\.\d\de\+\d+\s+6\.50\n/);
    expect(table.stdout).toMatch(/\n {4}reference\s+\d+\.\d\s+\d\.\d\de\+\d+\s+[\d,]+\n/);
    expect(table.stdout).toMatch(/\n {2}OnlineO1 in a projection: CUBA/);
    expect(table.stdout).toMatch(/BPTT training \(forward, backward, Adam\): 40-64-4 LIF network/);
    const skipped = await runCli([...ARGS, '--json', '--no-learning'], tempDir());
    expect((JSON.parse(skipped.stdout) as BenchReport).learning).toBeNull();
  });
});
