/**
 * The sweep speed-up in headless Chromium (issue 10, "Speed"): the bench's sweep network
 * (`src/cli/bench/sweep.ts`) swept over its input weight at 8 and 64 variants, run through
 * the page's sweep worker (`src/app/sweep/sweep-client.ts`) once as one batch and once as
 * single-variant sweeps one after another (a one-variant batch is the variant's own plan), on
 * each backend given. Loop time is the backend's stepping time; wall time adds validation,
 * compile and backend start (gpu.js compiles its kernels per plan). A measurement, not a test.
 *
 *   npx tsx scripts/bench-sweep-browser.ts [--backends webgl2,webgpu,wasm] [--duration 20]
 *     [--variants 8,64]
 *
 * It serves the app with Vite's dev server and starts the system Chromium (/usr/bin/chromium,
 * or $CHROMIUM); headless, its WebGL2 and WebGPU are SwiftShader (the CPU) unless a GPU is
 * given to it, so a speed-up there says little about a real GPU.
 */
import { chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';
import { sweepBenchDocument } from '../src/cli/bench/sweep.ts';
import type { NetworkDocument } from '../src/model/document.ts';
import type * as SweepClientModule from '../src/app/sweep/sweep-client.ts';

interface Side {
  loopMs: number;
  wallMs: number;
  spikes: number;
  backend: string;
}

function option(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? (process.argv[k + 1] ?? fallback) : fallback;
}

const PATH = 'projections/in_out/weight/value';

function weights(count: number): number[] {
  return Array.from({ length: count }, (_, k) => 1 + (5 * k) / Math.max(1, count - 1));
}

/** Runs sweeps of `lists` (one sweep per list) in the page's sweep worker, one after another. */
function runInPage(page: Page, doc: NetworkDocument, backend: string, lists: number[][]) {
  return page.evaluate(
    async ([d, b, ls, path]) => {
      const url = '/src/app/sweep/sweep-client.ts';
      const { createSweepClient } = (await import(
        /* @vite-ignore */ url
      )) as typeof SweepClientModule;
      const client = createSweepClient();
      const t0 = performance.now();
      let loopMs = 0;
      let spikes = 0;
      let ran = '';
      try {
        for (const values of ls) {
          const outcome = await client.run(
            {
              document: d,
              spec: { path, range: { kind: 'list', values }, population: 'out' },
              backend: b as NetworkDocument['run']['backend'],
            },
            () => undefined,
          );
          if (!outcome.ok) throw new Error(outcome.cancelled ? 'cancelled' : outcome.message);
          loopMs += outcome.result.loopMs;
          spikes += outcome.result.points.reduce((n, p) => n + p.spikeCount, 0);
          ran = outcome.result.backend;
        }
      } finally {
        client.terminate();
      }
      return { loopMs, wallMs: performance.now() - t0, spikes, backend: ran };
    },
    [doc, backend, lists, PATH] as const,
  ) as Promise<Side>;
}

async function main(): Promise<void> {
  const backends = option('backends', 'webgl2,webgpu,wasm').split(',');
  const duration = Number(option('duration', '20'));
  const counts = option('variants', '8,64').split(',').map(Number);
  const server = await createServer({
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-webgpu'],
  });
  const doc = sweepBenchDocument(duration);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/examples/index.json`);
    console.log(`sweep network, ${duration} ms at dt 0.1, ${PATH} swept; headless Chromium`);
    console.log(
      'backend       variants  batch loop ms  seq loop ms  speed-up  batch wall ms  seq wall ms  speed-up  spikes',
    );
    for (const backend of backends) {
      for (const count of counts) {
        const values = weights(count);
        try {
          // Warm-up: the worker's module load and the first compile are paid by neither side.
          await runInPage(page, doc, backend, [[1]]);
          const batch = await runInPage(page, doc, backend, [values]);
          const seq = await runInPage(
            page,
            doc,
            backend,
            values.map((v) => [v]),
          );
          const same = batch.spikes === seq.spikes ? '' : ' (spike counts differ!)';
          console.log(
            `${batch.backend.padEnd(13)} ${String(count).padStart(8)} ${batch.loopMs.toFixed(0).padStart(14)} ${seq.loopMs.toFixed(0).padStart(12)} ${(seq.loopMs / batch.loopMs).toFixed(2).padStart(9)} ${batch.wallMs.toFixed(0).padStart(14)} ${seq.wallMs.toFixed(0).padStart(12)} ${(seq.wallMs / batch.wallMs).toFixed(2).padStart(9)} ${String(batch.spikes).padStart(7)}${same}`,
          );
        } catch (error) {
          console.log(
            `${backend.padEnd(13)} ${String(count).padStart(8)}  unavailable: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
