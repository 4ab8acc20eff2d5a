/**
 * Training-store test helpers: the gallery's classifier document, an in-memory storage, and
 * clients that run the real training service in this thread (what the worker does, minus
 * comlink) or that never answer.
 */
import { readFileSync } from 'node:fs';
import { syntheticDataset, train } from '../../../src/engine/learning/train/index.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import type { TrainingClientFactory } from '../../../src/store/training/types.ts';
import type { TrainOutcome, TrainRequest } from '../../../workers/training-protocol.ts';
import { createTrainingService } from '../../../workers/training-service.ts';

/** `public/examples/classifier.json`, parsed and validated. */
export function classifierDocument(): NetworkDocument {
  const url = new URL('../../../public/examples/classifier.json', import.meta.url);
  const parsed = parseDocumentJson(readFileSync(url, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return parsed.document;
}

/** A `Storage` over a Map. */
export function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

export interface ServiceClient {
  factory: TrainingClientFactory;
  requests: TrainRequest[];
  terminated: number;
  crash: (reason: string) => void;
}

/** Clients that run the real service (real trainers and dataset) in this thread. */
export function serviceClient(): ServiceClient {
  const out: ServiceClient = {
    requests: [],
    terminated: 0,
    crash: () => undefined,
    factory: (onCrash) => {
      out.crash = onCrash;
      const service = createTrainingService(train, syntheticDataset);
      return {
        train: (request, sink) => {
          out.requests.push(request);
          return service.train(structuredClone(request), sink);
        },
        cancel: () => Promise.resolve(service.cancel()),
        terminate: () => {
          out.terminated += 1;
        },
      };
    },
  };
  return out;
}

/** Clients whose training never ends and ignores Cancel (a batch stuck forever). */
export function stuckClient(): ServiceClient {
  const out: ServiceClient = {
    requests: [],
    terminated: 0,
    crash: () => undefined,
    factory: (onCrash) => {
      out.crash = onCrash;
      return {
        train: (request) => {
          out.requests.push(request);
          return new Promise<TrainOutcome>(() => undefined);
        },
        cancel: () => Promise.resolve(),
        terminate: () => {
          out.terminated += 1;
        },
      };
    },
  };
  return out;
}

/** Waits until `predicate` holds (polling), failing after `ms`. */
export async function until(predicate: () => boolean, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
