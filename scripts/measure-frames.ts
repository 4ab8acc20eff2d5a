/**
 * Frame-time measurement of the live plots (issue 3, "Speed"): a 4,000-neuron network paced
 * to real time streams about 100,000 spikes per second into the raster while we record, in
 * headless Chromium, every animation-frame interval, long task and long animation frame for
 * 10 s; first the same page idle (no run) for as long, as the baseline. It reports numbers
 * side by side; it is a measurement, not a pass/fail test.
 *
 *   npx tsx scripts/measure-frames.ts [--backend wasm] [--seconds 10] [--speed 1] [--json] [--dev]
 *     [--profile] [--screenshot PATH_PREFIX]
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
import type { FrameMeasurement } from '../tests/e2e/harness/measure-frames.ts';

interface Options {
  backend: string;
  seconds: number;
  json: boolean;
  dev: boolean;
  /** Speed limit, simulated ms per wall ms (Infinity: as fast as possible). */
  speed: number;
  /** Print the main thread's busiest functions while streaming (a CPU profile). */
  profile: boolean;
  /** Save screenshots of the plots streaming and after Pause with this path prefix. */
  screenshot: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    backend: 'wasm',
    seconds: 10,
    json: false,
    dev: false,
    speed: 1,
    profile: false,
    screenshot: null,
  };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--backend') options.backend = argv[++k] ?? options.backend;
    else if (arg === '--seconds') options.seconds = Number(argv[++k] ?? options.seconds);
    else if (arg === '--json') options.json = true;
    else if (arg === '--dev') options.dev = true;
    else if (arg === '--speed') options.speed = Number(argv[++k] ?? 1);
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--screenshot') options.screenshot = argv[++k] ?? null;
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

type Summary = ReturnType<typeof summarise>;

/** The figures of one measurement window. */
function summarise(result: FrameMeasurement, seconds: number) {
  const frames = [...result.frames].sort((a, b) => a - b);
  const simulatedS = Math.max(1e-9, result.simulatedMs / 1000);
  return {
    status: result.status,
    backend: result.backend ?? '-',
    frames: frames.length,
    median_frame_ms: round(quantile(frames, 0.5), 2),
    p95_frame_ms: round(quantile(frames, 0.95), 2),
    max_frame_ms: round(frames[frames.length - 1] ?? NaN, 1),
    long_tasks: result.longTasks.length,
    longest_task_ms: round(Math.max(0, ...result.longTasks), 1),
    long_tasks_over_100ms: result.longTasks.filter((d) => d > 100).length,
    long_animation_frames: result.longFramesSupported ? result.longFrames.length : 'unsupported',
    longest_animation_frame_ms: round(Math.max(0, ...result.longFrames.map((f) => f.duration)), 1),
    total_blocking_ms: round(
      result.longFrames.reduce((sum, f) => sum + f.blocking, 0),
      0,
    ),
    // The live plots' own main-thread time per drawn frame (the rest is chunks, React, paint).
    live_frames_drawn: result.liveFrames,
    live_ms_per_frame: round(result.liveBusyMs / Math.max(1, result.liveFrames), 3),
    live_max_ms: round(result.liveMaxMs, 2),
    real_time_factor: round(result.simulatedMs / (seconds * 1000), 3),
    // Engine stepping time per simulated second, in the worker: above 1000 ms the engine
    // alone cannot keep real time on this machine.
    engine_ms_per_simulated_s: Math.round(result.engineMs / simulatedS),
    spikes_per_wall_second: Math.round(result.spikes / seconds),
    spikes_per_simulated_second:
      result.simulatedMs > 0 ? Math.round(result.spikes / simulatedS) : 0,
  };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function printSideBySide(page: string, idle: Summary, streaming: Summary): void {
  console.log(`${page}: idle page (baseline) vs streaming run`);
  console.log(`${''.padEnd(30)} ${'idle'.padStart(12)} ${'streaming'.padStart(12)}`);
  for (const key of Object.keys(idle) as (keyof Summary)[]) {
    console.log(
      `${key.padEnd(30)} ${String(idle[key]).padStart(12)} ${String(streaming[key]).padStart(12)}`,
    );
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time of the 25 busiest functions of a CPU profile, ms. */
function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let k = 0; k < samples.length; k++) {
    const frame = byId.get(samples[k] ?? -1)?.callFrame;
    const file = frame?.url.split('/').pop() ?? '';
    const key = `${frame?.functionName || '(anonymous)'} ${file}:${frame?.lineNumber ?? 0}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[k + 1] ?? 0) / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log('main-thread self time while streaming (ms):');
  for (const [name, ms] of top) console.log(`${ms.toFixed(0).padStart(8)}  ${name}`);
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
    // The baseline: the same page, loaded and idle (no run), for the same time. Headless
    // Chromium paces animation frames at the display rate (16.7 ms) however idle the page is,
    // so this is the best median a streaming page can reach.
    await page.waitForTimeout(1000);
    const idle = await page.evaluate((seconds) => {
      const api = window.__spikelab;
      if (!api) throw new Error('harness not loaded');
      return api.measureFrames(seconds);
    }, options.seconds);
    await page.getByTestId('run-button').click();
    await page.waitForFunction(
      () => window.__spikelab?.sessionStore.getState().status === 'running',
      undefined,
      { timeout: 120_000 },
    );
    // Let compilation, the first draws and the JIT settle before measuring.
    await page.waitForTimeout(3000);
    const cdp = options.profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const streaming = await page.evaluate((seconds) => {
      const api = window.__spikelab;
      if (!api) throw new Error('harness not loaded');
      return api.measureFrames(seconds);
    }, options.seconds);
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
    const report = {
      page: options.dev ? 'dev server' : 'production build',
      seconds: options.seconds,
      idle: summarise(idle, options.seconds),
      streaming: summarise(streaming, options.seconds),
    };
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else printSideBySide(report.page, report.idle, report.streaming);
    if (options.screenshot) {
      const panel = page.getByTestId('plots-panel');
      await panel.screenshot({ path: `${options.screenshot}-streaming.png` });
      await page.getByTestId('pause-button').click();
      await page.waitForTimeout(2000);
      await panel.screenshot({ path: `${options.screenshot}-paused.png` });
    }
    await page.getByTestId('cancel-button').click();
  } finally {
    await browser.close();
    await served.close();
  }
}

await main();
