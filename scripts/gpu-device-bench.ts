/**
 * Times the gpu backend's WebGPU kernels on a real GPU (through Dawn in Node) beside the wasm
 * backend on the same machine, and checks that both produce the same spikes. Run where Dawn
 * loads (glibc >= 2.38 and a Vulkan driver), e.g. on a lent GPU machine:
 *   npx tsx scripts/gpu-device-bench.ts [neurons,...] [durationMs]
 */
import { cubaNetwork } from '../src/cli/bench/networks.ts';
import { createSimulation, runToEnd } from '../src/engine/index.ts';
import type { Chunk } from '../src/engine/index.ts';
import type { NetworkDocument } from '../src/model/document.ts';

const sizes = (process.argv[2] ?? '4000,16000,64000').split(',').map(Number);
const durationMs = Number(process.argv[3] ?? 1000);

function spikeKey(chunk: Chunk): string[] {
  const out: string[] = [];
  for (const [pop, block] of Object.entries(chunk.spikes)) {
    for (let k = 0; k < block.steps.length; k++)
      out.push(`${block.steps[k]}:${pop}:${block.indices[k]}`);
  }
  return out;
}

function firstDifference(a: string[], b: string[]): string {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++)
    if (a[k] !== b[k]) return `first difference at spike ${k}: ${a[k]} vs ${b[k]}`;
  return a.length === b.length ? 'identical' : `lengths ${a.length} vs ${b.length}`;
}

for (const n of sizes) {
  const doc: NetworkDocument = cubaNetwork(n, durationMs);
  doc.probes = doc.probes.filter((p) => p.kind === 'spikes');
  const results: Record<string, { wallMs: number; spikes: string[] }> = {};
  for (const backend of ['wasm', 'webgpu'] as const) {
    try {
      const sim = await createSimulation(doc, { backend, memoryBudgetBytes: 8 * 2 ** 30 });
      await sim.step(10); // warm-up: kernel compilation and first upload
      await sim.reset();
      const t0 = performance.now();
      const chunk = await runToEnd(sim, 1000);
      const total = performance.now() - t0;
      results[backend] = { wallMs: chunk.wallMs, spikes: spikeKey(chunk) };
      console.log(
        `N=${n} ${sim.backend}: loop ${(chunk.wallMs / 1000).toFixed(3)} s, total ${(total / 1000).toFixed(3)} s ` +
          `for ${durationMs} ms simulated; spikes ${results[backend].spikes.length}`,
      );
      sim.dispose();
    } catch (error) {
      console.log(`N=${n} ${backend}: ${(error as Error).message}`);
    }
  }
  const w = results['wasm'];
  const g = results['webgpu'];
  if (w && g) console.log(`N=${n} webgpu vs wasm: ${firstDifference(g.spikes, w.spikes)}`);
}
process.exit(0);
