/**
 * Frame times of the 3D view (issue 10, "Speed"): a network of N neurons (half Poisson sources
 * at 5 Hz, half LIF neurons each driven over threshold by one source, so both halves flash)
 * runs at real time in the 3D view while the camera orbits (mouse drags); we record every
 * animation-frame interval and the time of each WebGL render call for `--seconds`, at each
 * size given. A measurement, not a test.
 *
 *   npx tsx scripts/bench-view3d.ts [--sizes 10000,100000] [--seconds 8] [--screenshot PREFIX]
 *
 * It serves the app with Vite's dev server and starts the system Chromium (/usr/bin/chromium,
 * or $CHROMIUM), headless: its WebGL is SwiftShader (rendering on the CPU) unless a GPU is
 * given to it, so these are CPU-rendered frame times.
 */
import { deflateRawSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';
import type { NetworkDocument } from '../src/model/document.ts';

function option(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? (process.argv[k + 1] ?? fallback) : fallback;
}

/** Half sources, half LIF neurons firing one-to-one after them. */
function benchDocument(size: number): NetworkDocument {
  const half = Math.floor(size / 2);
  return {
    format: 'spikelab-network',
    version: 1,
    name: `3D bench, ${size} neurons`,
    populations: [
      { id: 'input', model: 'poisson', size: half, position: { x: 0, y: 0 }, params: { rate: 5 } },
      {
        id: 'exc',
        model: 'stochastic_lif',
        size: size - half,
        position: { x: 400, y: 0 },
        params: {
          v_rest: 0,
          v_reset: 0,
          v_threshold: 1,
          tau_mem: 20,
          resistance: 1,
          noise_std: 0,
          refractory_period: 0,
          bias: 0,
          v_init: { kind: 'constant', value: 0 },
        },
      },
    ],
    projections: [
      {
        id: 'drive',
        source: 'input',
        target: 'exc',
        connectivity: { rule: 'one_to_one' },
        weight: { kind: 'constant', value: 1.5 },
        delay: { kind: 'constant', steps: 1 },
        synapse: { kind: 'delta' },
      },
    ],
    stimuli: [],
    probes: [
      { id: 'input_spikes', kind: 'spikes', population: 'input' },
      { id: 'exc_spikes', kind: 'spikes', population: 'exc' },
    ],
    run: { dt: 1, duration: 600_000, seed: 1, backend: 'wasm' },
  };
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

interface Frames {
  frames: number;
  intervalMedian: number;
  intervalP95: number;
  renderMedian: number;
  renderP95: number;
}

interface Result {
  size: number;
  lod: string;
  lit: number;
  renderer: string;
  still: Frames;
  spiking: Frames;
}

function summarize({ intervals, work }: { intervals: number[]; work: number[] }): Frames {
  return {
    frames: intervals.length,
    intervalMedian: percentile(intervals, 0.5),
    intervalP95: percentile(intervals, 0.95),
    renderMedian: percentile(work, 0.5),
    renderP95: percentile(work, 0.95),
  };
}

function describe(f: Frames): string {
  return (
    `frame interval median ${f.intervalMedian.toFixed(1)} ms, p95 ${f.intervalP95.toFixed(1)} ms ` +
    `over ${f.frames} frames (render call median ${f.renderMedian.toFixed(1)} ms, ` +
    `p95 ${f.renderP95.toFixed(1)} ms)`
  );
}

/** Orbits (mouse drags across the view's middle) while measuring frames for `seconds`. */
async function orbitAndMeasure(page: Page, seconds: number) {
  const box = await page.locator('.view3d canvas').boundingBox();
  const measured = page.evaluate((ms) => window.__spikelab3d!.measureFrames(ms), seconds * 1000);
  if (box) {
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const until = Date.now() + seconds * 1000 - 500;
    let dir = 1;
    while (Date.now() < until) {
      await page.mouse.move(cx - 80 * dir, cy);
      await page.mouse.down();
      for (let k = 1; k <= 10; k++) await page.mouse.move(cx - 80 * dir + 16 * k * dir, cy + 2 * k);
      await page.mouse.up();
      dir = -dir;
    }
  }
  return measured;
}

async function measure(
  page: Page,
  base: string,
  size: number,
  seconds: number,
  shot: string | null,
) {
  const hash = deflateRawSync(Buffer.from(JSON.stringify(benchDocument(size)))).toString(
    'base64url',
  );
  await page.goto(`${base}/examples/index.json`);
  await page.evaluate(() => {
    window.localStorage.clear();
    window.localStorage.setItem('spikelab.canvasView', '3d');
  });
  await page.goto(`${base}/?test=1#doc=${hash}`);
  await page.locator('.app[data-ready="true"]').waitFor({ timeout: 120_000 });
  await page.locator('.view3d canvas').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => (window.__spikelab3d?.info().neurons ?? 0) > 0, null, {
    timeout: 60_000,
  });
  // First the view alone (no run): the cost of drawing N neurons while orbiting.
  const still = await orbitAndMeasure(page, seconds);
  await page.getByTestId('speed-select').selectOption('1');
  await page.getByTestId('run-button').click();
  await page.waitForFunction(() => (window.__spikelab3d?.info().lit ?? 0) > 0, null, {
    timeout: 120_000,
  });
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    return ext && gl ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  });
  const spiking = await orbitAndMeasure(page, seconds);
  const info = await page.evaluate(() => window.__spikelab3d!.info());
  if (shot) await page.screenshot({ path: `${shot}-${size}.png` });
  await page.getByTestId('cancel-button').click();
  return {
    size,
    lod: [...new Set(Object.values(info.lod))].join('+'),
    lit: info.lit,
    renderer,
    still: summarize(still),
    spiking: summarize(spiking),
  } satisfies Result;
}

async function main(): Promise<void> {
  const sizes = option('sizes', '10000,100000').split(',').map(Number);
  const seconds = Number(option('seconds', '8'));
  const shot = option('screenshot', '') || null;
  const server = await createServer({
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const size of sizes) {
      const r = await measure(page, `http://127.0.0.1:${port}`, size, seconds, shot);
      console.log(
        `${r.size.toLocaleString('en-US')} neurons (${r.lod}; WebGL: ${r.renderer})\n` +
          `  orbiting, no run: ${describe(r.still)}\n` +
          `  orbiting, spiking at real time (${r.lit} lit at the end): ${describe(r.spiking)}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
