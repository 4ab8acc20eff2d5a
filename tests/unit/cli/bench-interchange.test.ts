/**
 * The bench's interchange section: its network has about a million synapses (the count worked
 * out from the layer shapes, checked against what import + compile build on a scaled-down copy
 * of the same graph), and the section's report and table carry every field, Brian2's row
 * included. No timing is asserted: the bench is not a test.
 */
import { describe, expect, it } from 'vitest';
import { benchInterchange } from '../../../src/cli/bench/interchange.ts';
import {
  INTERCHANGE_NETWORK,
  QUICK_INTERCHANGE_NETWORK,
  interchangeGraph,
  interchangeShapes,
} from '../../../src/cli/bench/interchange-network.ts';
import { renderInterchangeSection } from '../../../src/cli/bench/interchange-table.ts';
import type { InterchangeReport } from '../../../src/cli/bench/interchange.ts';
import { runCli, tempDir } from './helpers.ts';

const SMALL = { ...INTERCHANGE_NETWORK, inputSide: 10, conv1Channels: 3, conv2Channels: 2 };

describe('bench interchange section', () => {
  it('has about one million synapses in the NIR conv network the issue asks for', () => {
    const shapes = interchangeShapes(INTERCHANGE_NETWORK);
    expect(shapes.conv1).toEqual([16, 32, 32]);
    expect(shapes.conv2).toEqual([6, 14, 14]);
    expect(shapes.synapses).toBe(984_048);
    expect(interchangeShapes(QUICK_INTERCHANGE_NETWORK).synapses).toBe(79_776);
    const graph = interchangeGraph();
    expect(Object.values(graph.nodes).map((n) => n.type)).toEqual([
      'Input',
      'Conv2d',
      'CubaLIF',
      'SumPool2d',
      'Conv2d',
      'CubaLIF',
      'Flatten',
      'Affine',
      'LIF',
      'Output',
    ]);
  });

  it('reports import phases, memory, plan bytes, simulations and Brian2 on a scaled-down copy', async () => {
    const report = await benchInterchange({
      spec: SMALL,
      durationMs: 20,
      repeats: 1,
      backends: [{ label: 'reference', choice: 'reference' }],
      maxRunMs: 30_000,
      brian2: ['numpy'],
      brian2TimeoutMs: 120_000,
    });
    // Import + compile build exactly the synapses the shapes predict (pool x conv composed).
    expect(report.synapses).toBe(interchangeShapes(SMALL).synapses);
    expect(report.neurons).toBe(2 * 10 * 10 + 3 * 8 * 8 + 2 * 2 * 2 + 10);
    expect(report.phases.map((p) => p.name)).toEqual([
      'readNirFile',
      'importNir',
      'validate+compile',
    ]);
    for (const p of report.phases) {
      expect(p.runsMs).toHaveLength(1);
      expect(p.after.rss).toBeGreaterThan(0);
    }
    expect(report.fileBytes).toBeGreaterThan(1000);
    expect(report.h5pyReads).toBe(true);
    expect(report.planEstimatedBytes).toBeGreaterThan(report.synapses * 4);
    expect(report.peakRss).toBeGreaterThanOrEqual(report.memoryBefore.rss);
    expect(report.inputSpikes).toBeGreaterThan(0);
    const ours = report.simulation[0]?.measurement;
    expect(ours?.status).toBe('ok');
    const brian2 = report.brian2[0];
    expect(brian2?.status).toBe('ok');
    // A deterministic network: Brian2 (float64) spikes as Spikelab (float32) up to rounding.
    if (ours?.status === 'ok' && brian2?.status === 'ok') {
      expect(ours.spikes).toBeGreaterThan(report.inputSpikes);
      expect(Math.abs(brian2.spikes - ours.spikes)).toBeLessThanOrEqual(ours.spikes * 0.01);
      expect(brian2.loopMs).toBeGreaterThan(0);
    }
    const text = renderInterchangeSection(report).join('\n');
    expect(text).toContain('readNirFile');
    expect(text).toContain('spikelab reference');
    expect(text).toContain('brian2 numpy');
    expect(text).toContain('plan estimate');
  }, 120_000);

  it('is `spikelab bench --only interchange` (--quick: the scaled-down network), and names a bad section', async () => {
    const argv = ['bench', '--only', 'interchange', '--quick', '--no-baseline', '--json'];
    const result = await runCli([...argv, '--backends', 'wasm'], tempDir());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { interchange } = JSON.parse(result.stdout) as { interchange: InterchangeReport };
    expect(interchange.synapses).toBe(interchangeShapes(QUICK_INTERCHANGE_NETWORK).synapses);
    expect(interchange.durationMs).toBe(50);
    expect(interchange.simulation.map((s) => [s.backend, s.measurement.status])).toEqual([
      ['wasm', 'ok'],
    ]);
    expect(interchange.brian2).toEqual([]);
    const bad = await runCli(['bench', '--only', 'cuba'], tempDir());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--only: 'cuba' is not a section that runs alone (interchange)");
  }, 60_000);
});
