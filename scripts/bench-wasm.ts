// Micro benchmark of the wasm backend against the reference on Brian2's CUBA network (1 s of
// simulated time): loop time as reported by each runner's chunk (recording excluded), median of
// several runs after a warm-up. Usage: npx tsx scripts/bench-wasm.ts [wasmRuns] [referenceRuns]
import { readFileSync } from 'node:fs';
import type { BackendFactory } from '../src/engine/backends/backend.ts';
import { createReferenceBackend } from '../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../src/engine/backends/wasm/index.ts';
import { connectivityFootprint } from '../src/engine/backends/wasm/footprint.ts';
import { compile } from '../src/engine/compile/index.ts';
import type { NetworkDocument } from '../src/model/document.ts';

const cuba = JSON.parse(readFileSync('public/examples/cuba.json', 'utf8')) as NetworkDocument;
const plan = compile(cuba);

async function loopTimes(factory: BackendFactory, runs: number): Promise<number[]> {
  const runner = await factory(plan);
  const times: number[] = [];
  for (let r = 0; r <= runs; r++) {
    await runner.reset();
    const chunk = await runner.run(plan.totalSteps);
    if (r > 0) times.push(chunk.wallMs / 1000); // run 0 warms the JIT up
  }
  runner.dispose();
  return times;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

const wasmRuns = Number(process.argv[2] ?? 9);
const referenceRuns = Number(process.argv[3] ?? 3);
const footprint = connectivityFootprint(plan);
console.log(`CUBA: ${plan.totalSteps} steps, ${footprint.synapses} synapses`);
const w = await loopTimes(createWasmBackend, wasmRuns);
console.log(
  `wasm      median ${median(w).toFixed(4)} s  runs ${w.map((t) => t.toFixed(4)).join(' ')}`,
);
if (referenceRuns > 0) {
  const r = await loopTimes(createReferenceBackend, referenceRuns);
  console.log(
    `reference median ${median(r).toFixed(4)} s  runs ${r.map((t) => t.toFixed(3)).join(' ')}`,
  );
}
console.log(`wasm connectivity: ${footprint.bytesPerSynapse.toFixed(2)} bytes/synapse`);
