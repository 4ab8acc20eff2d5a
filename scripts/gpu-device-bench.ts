/**
 * Times the gpu backend's WebGPU kernels on a real GPU (through Dawn in Node) beside the wasm
 * backend on the same machine, and checks that both produce the same spikes. Run where Dawn
 * loads (glibc >= 2.38 and a Vulkan driver), e.g. on a lent GPU machine:
 *   npx tsx scripts/gpu-device-bench.ts [neurons,...] [durationMs] [stepsPerCall,...] [unroll,...]
 * Each steps-per-call value K runs the gpu backend with device calls of K steps (remainders in
 * powers of 4), once per gather unroll (synapses per iteration of the delay-0 gather loop).
 */
import { cubaNetwork } from '../src/cli/bench/networks.ts';
import { createOnMode } from '../src/engine/backends/gpu/index.ts';
import { installNodeWebGpu } from '../src/engine/backends/gpu/node-webgpu.ts';
import { compile, createSimulation, mergeChunks, runToEnd } from '../src/engine/index.ts';
import type { BackendRunner, Chunk } from '../src/engine/index.ts';
import type { NetworkDocument } from '../src/model/document.ts';

const sizes = (process.argv[2] ?? '4000,16000,64000').split(',').map(Number);
const durationMs = Number(process.argv[3] ?? 1000);
const perCall = (process.argv[4] ?? '64').split(',').map(Number);
const unrolls = (process.argv[5] ?? '8').split(',').map(Number);

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

/** Runs a runner to the plan's end in chunks of 1000 steps, as `runToEnd` does. */
async function runAll(runner: BackendRunner, totalSteps: number): Promise<Chunk> {
  const chunks: Chunk[] = [];
  while (runner.currentStep < totalSteps) {
    chunks.push(await runner.run(Math.min(1000, totalSteps - runner.currentStep)));
  }
  return mergeChunks(chunks);
}

await installNodeWebGpu().catch((e: unknown) => console.log(`Dawn: ${(e as Error).message}`));
for (const n of sizes) {
  const doc: NetworkDocument = cubaNetwork(n, durationMs);
  doc.probes = doc.probes.filter((p) => p.kind === 'spikes');
  const sim = await createSimulation(doc, { backend: 'wasm', memoryBudgetBytes: 8 * 2 ** 30 });
  const wasm = await runToEnd(sim, 1000);
  const wasmSpikes = spikeKey(wasm);
  console.log(
    `N=${n} ${sim.backend}: loop ${(wasm.wallMs / 1000).toFixed(3)} s for ${durationMs} ms ` +
      `simulated; spikes ${wasmSpikes.length}`,
  );
  sim.dispose();
  const plan = compile(doc, { memoryBudgetBytes: 8 * 2 ** 30 });
  for (const [k, unroll] of perCall.flatMap((k) => unrolls.map((u) => [k, u] as const))) {
    try {
      const c0 = performance.now();
      const runner = await createOnMode(plan, 'webgpu', {
        callLengths: [k, 16, 4, 1],
        gatherUnroll: unroll,
      });
      const compileMs = performance.now() - c0;
      const t0 = performance.now();
      const chunk = await runAll(runner, plan.totalSteps);
      const total = performance.now() - t0;
      const spikes = spikeKey(chunk);
      const executors = runner
        .executors()
        .map((e) => `${e.steps}:${e.executor}`)
        .join(' ');
      console.log(
        `N=${n} ${runner.name} K=${k} unroll ${unroll}: loop ${(chunk.wallMs / 1000).toFixed(3)} s, total ` +
          `${(total / 1000).toFixed(3)} s (compile ${(compileMs / 1000).toFixed(2)} s); spikes ` +
          `${spikes.length}; ${executors}; vs wasm: ${firstDifference(spikes, wasmSpikes)}`,
      );
      runner.dispose();
    } catch (error) {
      console.log(`N=${n} webgpu K=${k} unroll ${unroll}: ${(error as Error).message}`);
    }
  }
}
process.exit(0);
