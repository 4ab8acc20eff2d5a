/**
 * Frame-time measurement of the live plots (issue 3, "Speed"): a 4,000-neuron network paced
 * to real time streams about 100,000 spikes per second into the raster while we record, in
 * headless Chromium, every animation-frame interval and every long task for 10 s. It reports
 * numbers; it is a measurement, not a pass/fail test.
 *
 *   npx tsx scripts/measure-frames.ts [--backend wasm] [--seconds 10] [--speed 1] [--json] [--dev]
 *
 * It builds the page for production (React's production mode, minified bundles: what a user
 * gets) into a temporary folder and serves it with `vite preview`, or with `--dev` measures
 * the dev server instead; it starts the system Chromium (/usr/bin/chromium, or $CHROMIUM) and
 * stops everything when done.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, createServer, preview } from 'vite';
import type { NetworkDocument } from '../src/model/document.ts';

interface Options {
  backend: string;
  seconds: number;
  json: boolean;
  dev: boolean;
  /** Speed limit, simulated ms per wall ms (Infinity: as fast as possible). */
  speed: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { backend: 'wasm', seconds: 10, json: false, dev: false, speed: 1 };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--backend') options.backend = argv[++k] ?? options.backend;
    else if (arg === '--seconds') options.seconds = Number(argv[++k] ?? options.seconds);
    else if (arg === '--json') options.json = true;
    else if (arg === '--dev') options.dev = true;
    else if (arg === '--speed') options.speed = Number(argv[++k] ?? 1);
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/**
 * 3,200 excitatory and 800 inhibitory LIF neurons (tutorial units), each with a bias current
 * that alone makes it fire every 40 ms (25 Hz), noise to desynchronise them, and sparse
 * balanced recurrent connections: about 4,000 x 25 = 100,000 spikes per second.
 */
function streamingNetwork(backend: string): NetworkDocument {
  const lif = (bias: number) => ({
    v_rest: 0,
    v_reset: 0,
    v_threshold: 1,
    tau_mem: 20,
    resistance: 1,
    noise_std: 0.01,
    refractory_period: 2,
    bias,
    v_init: { kind: 'uniform' as const, low: 0, high: 1 },
  });
  const projection = (id: string, source: string, target: string, weight: number) => ({
    id,
    source,
    target,
    connectivity: { rule: 'fixed_probability' as const, p: 0.02, allow_self: false },
    weight: { kind: 'constant' as const, value: weight },
    delay: { kind: 'constant' as const, steps: 10 },
    synapse: { kind: 'delta' as const },
  });
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'Frame-time stream (4000 LIF, ~100k spikes/s)',
    populations: [
      {
        id: 'exc',
        label: 'Excitatory',
        size: 3200,
        position: { x: 0, y: 0 },
        model: 'stochastic_lif',
        params: lif(0.0578),
      },
      {
        id: 'inh',
        label: 'Inhibitory',
        size: 800,
        position: { x: 0, y: 200 },
        model: 'stochastic_lif',
        params: lif(0.0578),
      },
    ],
    projections: [
      projection('ee', 'exc', 'exc', 0.002),
      projection('ei', 'exc', 'inh', 0.002),
      projection('ie', 'inh', 'exc', -0.008),
      projection('ii', 'inh', 'inh', -0.008),
    ],
    stimuli: [],
    probes: [
      { id: 'exc_spikes', kind: 'spikes', population: 'exc' },
      { id: 'inh_spikes', kind: 'spikes', population: 'inh' },
      { id: 'exc_v', kind: 'state', population: 'exc', variable: 'v', neurons: [0, 1, 2] },
      { id: 'exc_rate', kind: 'rate', population: 'exc', bin: 5 },
    ],
    run: {
      dt: 0.1,
      duration: 600_000,
      seed: 1,
      backend: backend as NetworkDocument['run']['backend'],
    },
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? NaN) + ((sorted[hi] ?? NaN) - (sorted[lo] ?? NaN)) * (pos - lo);
}

interface Served {
  port: number;
  close: () => Promise<void>;
}

function portOf(address: unknown): number {
  return typeof address === 'object' && address !== null && 'port' in address
    ? Number(address.port)
    : 0;
}

/** The dev server, as `npm start` runs it (React's development mode). */
async function serveDev(): Promise<Served> {
  const server = await createServer({
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    logLevel: 'error',
  });
  await server.listen();
  return { port: portOf(server.httpServer?.address()), close: () => server.close() };
}

/** A production build of the app and the harness page, served by `vite preview`. */
async function serveBuild(): Promise<Served> {
  const outDir = await mkdtemp(join(tmpdir(), 'spikelab-frames-'));
  await build({
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: { main: 'index.html', harness: 'tests/e2e/harness/index.html' },
      },
    },
  });
  const server = await preview({
    preview: { host: '127.0.0.1', port: 0 },
    build: { outDir },
    logLevel: 'error',
  });
  return {
    port: portOf(server.httpServer.address()),
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const served = options.dev ? await serveDev() : await serveBuild();
  const port = served.port;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    // Extra flags, e.g. to compare GPU compositing: CHROMIUM_ARGS='--use-angle=swiftshader'.
    args: ['--no-sandbox', ...(process.env['CHROMIUM_ARGS'] ?? '').split(' ').filter(Boolean)],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/tests/e2e/harness/index.html`);
    await page.waitForFunction(() => document.body.dataset['ready'] === 'true');
    await page.evaluate(
      ([doc, speed]) => {
        const api = window.__spikelab;
        if (!api) throw new Error('harness not loaded');
        api.load(doc);
        api.sessionStore.getState().setSpeed(speed);
      },
      [streamingNetwork(options.backend), options.speed] as const,
    );
    await page.getByTestId('run-button').click();
    await page.waitForFunction(
      () => window.__spikelab?.sessionStore.getState().status === 'running',
      undefined,
      { timeout: 120_000 },
    );
    // Let compilation, the first draws and the JIT settle before measuring.
    await page.waitForTimeout(3000);
    const result = await page.evaluate((seconds) => {
      const api = window.__spikelab;
      if (!api) throw new Error('harness not loaded');
      return api.measureFrames(seconds);
    }, options.seconds);
    const frames = [...result.frames].sort((a, b) => a - b);
    const report = {
      page: options.dev ? 'dev server' : 'production build',
      backend: result.backend,
      status: result.status,
      seconds: options.seconds,
      frames: frames.length,
      median_frame_ms: Number(quantile(frames, 0.5).toFixed(2)),
      p95_frame_ms: Number(quantile(frames, 0.95).toFixed(2)),
      max_frame_ms: Number((frames[frames.length - 1] ?? NaN).toFixed(1)),
      long_tasks: result.longTasks.length,
      longest_task_ms: Number(Math.max(0, ...result.longTasks).toFixed(1)),
      long_tasks_over_100ms: result.longTasks.filter((d) => d > 100).length,
      real_time_factor: Number((result.simulatedMs / (options.seconds * 1000)).toFixed(3)),
      // Engine stepping time per simulated second, in the worker: above 1000 ms the engine
      // alone cannot keep real time on this machine.
      engine_ms_per_simulated_s: Math.round(
        result.engineMs / Math.max(1e-9, result.simulatedMs / 1000),
      ),
      spikes_per_wall_second: Math.round(result.spikes / options.seconds),
      spikes_per_simulated_second: Math.round(
        result.spikes / Math.max(1e-9, result.simulatedMs / 1000),
      ),
    };
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else
      for (const [key, value] of Object.entries(report)) console.log(`${key.padEnd(28)} ${value}`);
    await page.getByTestId('cancel-button').click();
  } finally {
    await browser.close();
    await served.close();
  }
}

await main();
