/**
 * WebGPU for Node through Dawn (the `webgpu` package gpu.js depends on), so the CLI and the
 * benchmark can run the gpu backend's WebGPU kernels on a real GPU without a browser.
 *
 * Dawn's prebuilt binary needs glibc 2.38 or newer and a Vulkan driver; where either is missing
 * the install fails and the caller reports why, rather than falling back silently.
 */

/** Minimal shape of the `webgpu` package's exports. */
interface DawnModule {
  create: (flags: string[]) => unknown;
  globals: Record<string, unknown>;
}

let installing: Promise<void> | undefined;

interface EventTargetLike {
  addEventListener?: (type: string, listener: (event: unknown) => void) => void;
}
interface AdapterLike {
  requestDevice: (descriptor?: unknown) => Promise<EventTargetLike>;
}
interface GpuLike {
  requestAdapter: (options?: unknown) => Promise<AdapterLike | null>;
}

/**
 * gpu.js assigns `device.onuncapturederror`, which Dawn's Node binding rejects ("invalid value
 * to onuncapturederror"). Shadow that one property on each device with a setter that registers
 * the handler as an event listener instead; every other call reaches Dawn untouched (a Proxy
 * would not do: native methods refuse a Proxy as `this`).
 */
function patchErrorHandler(gpu: unknown): void {
  const target = gpu as GpuLike;
  const requestAdapter = target.requestAdapter.bind(target);
  target.requestAdapter = async (options?: unknown) => {
    const adapter = await requestAdapter(options);
    if (!adapter) return adapter;
    const requestDevice = adapter.requestDevice.bind(adapter);
    adapter.requestDevice = async (descriptor?: unknown) => {
      const device = await requestDevice(descriptor);
      Object.defineProperty(device, 'onuncapturederror', {
        configurable: true,
        get: () => null,
        set: (listener: (event: unknown) => void) => {
          // Dawn's binding accepts neither assignment nor every listener form: errors then
          // surface through the failing call itself, which the backend reports.
          try {
            device.addEventListener?.('uncapturederror', listener);
          } catch {
            /* keep Dawn's default reporting */
          }
        },
      });
      return device;
    };
    return adapter;
  };
}

function isDawnModule(value: unknown): value is DawnModule {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<DawnModule>;
  return typeof candidate.create === 'function' && typeof candidate.globals === 'object';
}

/**
 * Gives Node a `navigator.gpu` backed by Dawn, once per process. Resolves immediately where a
 * `navigator.gpu` already exists (a browser or a worker). Rejects with the loader's message when
 * Dawn cannot load here.
 *
 * @example await installNodeWebGpu(); // then createSimulation(doc, { backend: 'webgpu' })
 */
export function installNodeWebGpu(): Promise<void> {
  const g = globalThis as { navigator?: { gpu?: unknown } };
  if (g.navigator?.gpu) return Promise.resolve();
  installing ??= (async () => {
    // A computed specifier keeps bundlers from pulling this Node-only package into the page.
    const specifier = 'webgpu';
    const loaded: unknown = await import(/* @vite-ignore */ specifier);
    if (!isDawnModule(loaded)) throw new Error("the 'webgpu' package has an unexpected shape");
    Object.assign(globalThis, loaded.globals);
    const gpu = loaded.create([]);
    patchErrorHandler(gpu);
    if (g.navigator) {
      Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
    } else {
      Object.defineProperty(globalThis, 'navigator', {
        value: { gpu },
        configurable: true,
        writable: true,
      });
    }
  })();
  return installing;
}
