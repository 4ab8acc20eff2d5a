/**
 * The offline service worker (public/sw.js), run as it is in Node with a fake cache and
 * network: the warm-up caches what the page names and what those files reference, and fetches
 * fall back to the cache when the network is gone.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const ORIGIN = 'http://app.test';
const SOURCE = readFileSync(new URL('../../../public/sw.js', import.meta.url), 'utf8');

type Route = { body: string; type: string; status?: number };

interface Worker {
  warm: (urls: string[]) => Promise<number>;
  networkFirst: (request: Request) => Promise<Response>;
  cached: Map<string, Response>;
  fetched: string[];
  setOffline: (offline: boolean) => void;
}

function keyOf(input: RequestInfo | URL): string {
  if (input instanceof Request) return input.url;
  return new URL(String(input), ORIGIN).href;
}

/** Loads sw.js against `routes` (path -> answer); everything else is a 404. */
function loadWorker(routes: Record<string, Route>): Worker {
  const cached = new Map<string, Response>();
  const fetched: string[] = [];
  let offline = false;
  const cache = {
    match: (input: RequestInfo | URL) => Promise.resolve(cached.get(keyOf(input))?.clone()),
    put: (input: RequestInfo | URL, response: Response) => {
      cached.set(keyOf(input), response);
      return Promise.resolve();
    },
  };
  const caches = { open: () => Promise.resolve(cache) };
  const fetchFake = (input: RequestInfo | URL) => {
    if (offline) return Promise.reject(new TypeError('Failed to fetch'));
    const url = new URL(keyOf(input));
    fetched.push(url.pathname + url.search);
    const route = routes[url.pathname + url.search];
    const response = route
      ? new Response(route.body, {
          status: route.status ?? 200,
          headers: { 'content-type': route.type },
        })
      : new Response('not found', { status: 404 });
    // A same-origin answer is 'basic' in a browser; Node's constructed ones say 'default'.
    Object.defineProperty(response, 'type', { value: 'basic' });
    return Promise.resolve(response);
  };
  const self = { location: { origin: ORIGIN }, addEventListener: () => undefined };
  // The worker's script in a context of its own, given the globals a service worker has.
  const api = runInNewContext(`${SOURCE}\n;({ warm, networkFirst })`, {
    self,
    caches,
    fetch: fetchFake,
    URL,
    Request,
    Response,
    console,
  }) as Pick<Worker, 'warm' | 'networkFirst'>;
  return { ...api, cached, fetched, setOffline: (o) => (offline = o) };
}

const JS = 'text/javascript';

describe('offline service worker', () => {
  const routes: Record<string, Route> = {
    '/': { body: '<script type="module" src="/src/main.tsx"></script>', type: 'text/html' },
    '/src/main.tsx': {
      body: [
        'import { a } from "/src/a.ts";',
        'const w = new URL("/workers/w.ts?worker_file&type=module", import.meta.url);',
        'const lazy = () => import("./lazy.ts");',
        'const y = "/node_modules/@yowasp/yosys/bundle.js";',
        'fetch("/api/state"); const re = "/";',
      ].join('\n'),
      type: JS,
    },
    '/src/a.ts': { body: 'import "../node_modules/.vite/deps/react.js?v=1";', type: JS },
    '/node_modules/.vite/deps/react.js?v=1': { body: 'import "./chunk-1.js";', type: JS },
    '/node_modules/.vite/deps/chunk-1.js': { body: 'export {};', type: JS },
    '/workers/w.ts?worker_file&type=module': { body: 'import "/src/engine.ts";', type: JS },
    '/src/engine.ts': { body: 'export {};', type: JS },
    '/src/lazy.ts': { body: 'export {};', type: JS },
    '/examples/index.json': {
      body: '[{ "file": "one.json" }, { "file": "two.json" }]',
      type: 'application/json',
    },
    '/examples/one.json': { body: '{}', type: 'application/json' },
    '/examples/two.json': { body: '{}', type: 'application/json' },
  };

  it('warms the cache with the page, its imports, workers, lazy chunks and the examples', async () => {
    const sw = loadWorker(routes);
    await sw.warm([`${ORIGIN}/src/main.tsx`]);
    const paths = [...sw.cached.keys()].map((k) => k.slice(ORIGIN.length)).sort();
    expect(paths).toEqual(
      [
        '/',
        '/examples/index.json',
        '/examples/one.json',
        '/examples/two.json',
        '/node_modules/.vite/deps/chunk-1.js',
        '/node_modules/.vite/deps/react.js?v=1',
        '/src/a.ts',
        '/src/engine.ts',
        '/src/lazy.ts',
        '/src/main.tsx',
        '/workers/w.ts?worker_file&type=module',
      ].sort(),
    );
    // Not the skipped Yosys package, not paths without a file extension, not a missing lessons list.
    expect(sw.fetched.some((p) => p.includes('yowasp'))).toBe(false);
    expect(sw.fetched).not.toContain('/api/state');
    expect(sw.cached.has(`${ORIGIN}/lessons/index.json`)).toBe(false);
  });

  it('reads files already cached from the cache on a second warm-up', async () => {
    const sw = loadWorker(routes);
    await sw.warm([]);
    const first = sw.fetched.length;
    await sw.warm([]);
    // Only the lists are asked again (they may have grown); nothing else.
    expect(sw.fetched.slice(first)).toEqual(['/examples/index.json', '/lessons/index.json']);
  });

  it('goes network first, keeps good answers, and falls back to them offline', async () => {
    const sw = loadWorker({
      ...routes,
      '/src/b.ts': { body: 'export const b = 1;', type: JS },
    });
    const online = await sw.networkFirst(new Request(`${ORIGIN}/src/b.ts`));
    expect(await online.text()).toBe('export const b = 1;');
    const missing = await sw.networkFirst(new Request(`${ORIGIN}/nothing.js`));
    expect(missing.status).toBe(404);
    expect(sw.cached.has(`${ORIGIN}/nothing.js`)).toBe(false);
    await sw.networkFirst(new Request(`${ORIGIN}/`));

    sw.setOffline(true);
    expect(await (await sw.networkFirst(new Request(`${ORIGIN}/src/b.ts`))).text()).toBe(
      'export const b = 1;',
    );
    // A page address never visited opens the app (the route is in the hash or handled by it).
    // Node's Request refuses mode 'navigate' (only a browser makes those): set it afterwards.
    const navigation = new Request(`${ORIGIN}/?lesson=x`);
    Object.defineProperty(navigation, 'mode', { value: 'navigate' });
    const page = await sw.networkFirst(navigation);
    expect(await page.text()).toContain('/src/main.tsx');
    await expect(sw.networkFirst(new Request(`${ORIGIN}/src/never.ts`))).rejects.toThrow(
      'Failed to fetch',
    );
  });
});
