/**
 * Registers the offline service worker (public/sw.js) and, once it controls the page, hands it
 * the files the page loaded before that (they did not pass through it) so it can cache them and
 * everything they reference. When it is done, `<html data-offline="ready">` says the app now
 * works without a network.
 */

/** Same-origin files this page has loaded, the page itself first. */
function loadedFiles(): string[] {
  const page = window.location.href.split('#')[0] ?? window.location.href;
  const files = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(window.location.origin));
  return [page, ...files];
}

/** The worker controlling the page, once there is one. */
function controller(): Promise<ServiceWorker> {
  const now = navigator.serviceWorker.controller;
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', function onChange() {
      const next = navigator.serviceWorker.controller;
      if (!next) return;
      navigator.serviceWorker.removeEventListener('controllerchange', onChange);
      resolve(next);
    });
  });
}

async function start(): Promise<void> {
  // Some contexts refuse service workers (a private window, a test browser that blocks them).
  const registration = (await navigator.serviceWorker.register('/sw.js', { scope: '/' })) as
    ServiceWorkerRegistration | undefined;
  if (!registration) return;
  const worker = await controller();
  const channel = new MessageChannel();
  const done = new Promise<{ type: string; count?: number; message?: string }>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<{ type: string }>) => resolve(event.data);
  });
  worker.postMessage({ type: 'warm', urls: loadedFiles() }, [channel.port2]);
  const answer = await done;
  if (answer.type !== 'warm-done') {
    throw new Error(`the offline cache could not be filled: ${answer.message ?? answer.type}`);
  }
  document.documentElement.dataset.offline = 'ready';
}

/** Starts offline support after the page has loaded; a failure is logged, never shown. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const go = () => {
    start().catch((error: unknown) => {
      console.warn('Spikelab works online only in this browser:', error);
    });
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
