/**
 * Spikelab's service worker: once the app has loaded, it works without a network (a classroom
 * with poor Wi-Fi). Same-origin GETs go network first, and every good answer is kept, so an
 * online page always gets the newest files (Vite's dev server included) and an offline one the
 * last it saw. The page posts what it loaded before the worker controlled it (`warm`); the
 * worker then caches those and everything they reference (imports, workers, lazily loaded
 * chunks, the examples and lessons), so even parts not yet opened work offline.
 *
 * Plain JavaScript in public/: served as is by the dev server and copied as is by the build,
 * so both register the same file. tests/unit/app/offline-sw.test.ts runs this very file in Node
 * with a fake cache and network.
 */

const CACHE = 'spikelab-offline-v1';

/** String literals that look like same-origin paths: '/x', './x', '../x'. */
const PATH_LITERAL = /(["'`])((?:\.{1,2}\/|\/(?![/*]))[^"'`\s<>()\\]*)\1/g;
/** Paths worth caching: a file with one of these extensions, or Vite's /@ modules. */
const CACHEABLE = /^\/@|\.(?:js|mjs|cjs|ts|tsx|jsx|css|json|wasm|svg|png|woff2?)$/;
/** Lists of files to keep beside the app: each a JSON list of names in its folder. */
const LISTS = ['/examples/index.json', '/lessons/index.json'];
/**
 * Left out of the crawl: the in-page Yosys package (tens of MB for the hardware panel's resource
 * estimate; a lesson offline does not need it). Used online, it is cached like anything else.
 */
const SKIP = /yowasp/i;
/** Most files one warm-up fetches (a runaway guard; the dev server's whole app is ~1,000). */
const MAX_FILES = 4000;

self.addEventListener('install', () => {
  // A new version takes over at once: the app's files are versioned by the network anyway.
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Vite's dev server asks whether it is back with this header; it must see the real network.
  if ((request.headers.get('accept') ?? '').includes('text/x-vite-ping')) return;
  event.respondWith(networkFirst(request));
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'warm' || !Array.isArray(data.urls)) return;
  const port = event.ports[0];
  event.waitUntil(
    warm(data.urls).then(
      (count) => port?.postMessage({ type: 'warm-done', count }),
      (error) => port?.postMessage({ type: 'warm-failed', message: String(error) }),
    ),
  );
});

/** The network's answer (kept when good), else the cache's; a page navigation falls back to the app. */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.status === 200 && response.type === 'basic') {
      void cache.put(request, response.clone()).catch(() => undefined);
    }
    return response;
  } catch (error) {
    // ignoreVary: the dev server answers `Vary: Origin`, and a module script's request carries
    // an Origin header that the warm-up's fetch did not.
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    if (request.mode === 'navigate') {
      const shell = await cache.match('/', { ignoreVary: true });
      if (shell) return shell;
    }
    throw error;
  }
}

/**
 * Caches `urls`, the lists' files and everything reachable from them by path literals; files
 * already cached are read from the cache (the page keeps those it uses fresh). Returns how many
 * files the cache holds for the app.
 */
async function warm(urls) {
  const cache = await caches.open(CACHE);
  const seen = new Set();
  const queue = [];
  const add = (href) => {
    const url = new URL(href, self.location.origin);
    if (url.origin !== self.location.origin || SKIP.test(url.pathname)) return;
    url.hash = '';
    if (seen.has(url.href) || seen.size >= MAX_FILES) return;
    seen.add(url.href);
    queue.push(url.href);
  };
  add('/');
  for (const href of urls) add(href);
  for (const list of LISTS) {
    const names = await listed(cache, list);
    if (names === null) continue;
    add(list);
    for (const name of names) add(new URL(name, new URL(list, self.location.origin)).href);
  }
  // A few fetches at a time: the dev server transforms each module on request.
  const workers = Array.from({ length: 6 }, async () => {
    while (queue.length > 0) {
      const href = queue.shift();
      if (href === undefined) break;
      const text = await fetchText(cache, href);
      if (text !== null) for (const ref of references(text, href)) add(ref);
    }
  });
  await Promise.all(workers);
  return seen.size;
}

/** The file names a list names (`["a.json", ...]` or `[{ "file": "a.json" }, ...]`), or null. */
async function listed(cache, path) {
  try {
    const response = await fetch(path);
    if (response.status !== 200) return null;
    await cache.put(path, response.clone());
    const data = await response.json();
    const items = Array.isArray(data) ? data : Array.isArray(data?.examples) ? data.examples : [];
    return items
      .map((item) => (typeof item === 'string' ? item : (item?.file ?? item?.path ?? null)))
      .filter((name) => typeof name === 'string');
  } catch {
    return null;
  }
}

/** The text of a cached or freshly fetched (and cached) file; null for a binary or a failure. */
async function fetchText(cache, href) {
  let response = await cache.match(href, { ignoreVary: true });
  if (!response) {
    try {
      // The page has just loaded most of these: take them from the browser's HTTP cache.
      response = await fetch(href, { cache: 'force-cache' });
    } catch {
      return null;
    }
    if (response.status !== 200) return null;
    await cache.put(href, response.clone());
  }
  const type = response.headers.get('content-type') ?? '';
  if (!/javascript|html|css|json|typescript/.test(type)) return null;
  return response.text();
}

/** Same-origin paths a file's text names, resolved against the file's address. */
function references(text, base) {
  const out = [];
  for (const match of text.matchAll(PATH_LITERAL)) {
    const path = match[2];
    if (!CACHEABLE.test(path.split('?')[0])) continue;
    out.push(new URL(path, base).href);
  }
  return out;
}
