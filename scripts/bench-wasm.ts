// Micro benchmark of the wasm backend against the reference on Brian2's CUBA network (1 s of
// simulated time): loop time as reported by each runner's chunk (recording excluded), median of
// several runs after a warm-up, and the process CPU time of each run beside it (on a machine
// shared with other jobs, wall time includes waiting for a core; CPU time does not).
// Usage: npx tsx scripts/bench-wasm.ts [wasmRuns] [referenceRuns]
import { readFileSync } from 'node:fs';
import type { BackendFactory } from '../src/engine/backends/backend.ts';
import { createReferenceBackend } from '../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../src/engine/backends/wasm/index.ts';
import { connectivityFootprint } from '../src/engine/backends/wasm/footprint.ts';
import { compile } from '../src/engine/compile/index.ts';
import type { NetworkDocument } from '../src/model/document.ts';

const cuba = JSON.parse(readFileSync('public/examples/cuba.json', 'utf8')) as NetworkDocument;
const plan = compile(cuba);

interface Times {
  wall: number[];
  cpu: number[];
}

async function loopTimes(factory: BackendFactory, runs: number): Promise<Times> {
  const runner = await factory(plan);
  const times: Times = { wall: [], cpu: [] };
  for (let r = 0; r <= runs; r++) {
    await runner.reset();
    const before = process.cpuUsage();
    const chunk = await runner.run(plan.totalSteps);
    const cpu = process.cpuUsage(before);
    if (r === 0) continue; // run 0 warms the JIT up
    times.wall.push(chunk.wallMs / 1000);
    times.cpu.push((cpu.user + cpu.system) / 1e6);
  }
  runner.dispose();
  return times;
}

function report(name: string, t: Times): void {
  const list = t.wall.map((x) => x.toFixed(4)).join(' ');
  console.log(
    `${name.padEnd(9)} loop median ${median(t.wall).toFixed(4)} s (min ${Math.min(...t.wall).toFixed(4)}), ` +
      `CPU median ${median(t.cpu).toFixed(4)} s; runs ${list}`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

const wasmRuns = Number(process.argv[2] ?? 9);
const referenceRuns = Number(process.argv[3] ?? 3);
const footprint = connectivityFootprint(plan);
console.log(`CUBA: ${plan.totalSteps} steps, ${footprint.synapses} synapses`);
report('wasm', await loopTimes(createWasmBackend, wasmRuns));
if (referenceRuns > 0) report('reference', await loopTimes(createReferenceBackend, referenceRuns));
console.log(`wasm connectivity: ${footprint.bytesPerSynapse.toFixed(2)} bytes/synapse`);
