/**
 * The build the end-to-end tests run against: the app plus the test harness pages
 * (tests/e2e/{harness,sc-ops,train}) as extra entries, so `vite preview` serves them all as a
 * few bundles. A dev-server page load is ~580 module requests (15-25 s each test on a busy
 * 2-core machine); a built one is a handful.
 */
import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.ts';

const root = import.meta.dirname;
// One build per server port, so two test runs on different ports never overwrite each other.
const port = process.env.E2E_PORT ?? '5173';

export default mergeConfig(
  base,
  defineConfig({
    build: {
      outDir: `dist-e2e/${port}`,
      emptyOutDir: true,
      // Test failures should point at readable code.
      sourcemap: true,
      rollupOptions: {
        input: {
          main: resolve(root, 'index.html'),
          harness: resolve(root, 'tests/e2e/harness/index.html'),
          scOps: resolve(root, 'tests/e2e/sc-ops/index.html'),
          train: resolve(root, 'tests/e2e/train/index.html'),
        },
      },
    },
    preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  }),
);
