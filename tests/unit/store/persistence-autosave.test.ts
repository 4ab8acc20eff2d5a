import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTOSAVE_KEY,
  createAutosaver,
  readAutosave,
  writeAutosave,
} from '../../../src/store/persistence/index.ts';
import type { KeyValueStorage } from '../../../src/store/persistence/index.ts';
import { fixtureDocument } from './document-fixture.ts';

function memoryStorage(): KeyValueStorage & { writes: number; map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    writes: 0,
    getItem(key) {
      return map.get(key) ?? null;
    },
    setItem(key, value) {
      this.writes++;
      map.set(key, value);
    },
  };
}

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes once after a burst of changes, and reads the document back', () => {
    const storage = memoryStorage();
    const saver = createAutosaver(storage, 400);
    for (let i = 0; i < 20; i++) {
      saver.schedule({ ...fixtureDocument(), name: `n${i}` });
      vi.advanceTimersByTime(100);
    }
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(400);
    expect(storage.writes).toBe(1);
    const read = readAutosave(storage);
    expect(read).toEqual({ ok: true, document: { ...fixtureDocument(), name: 'n19' } });
  });

  it('flush writes the pending document at once; cancel drops it', () => {
    const storage = memoryStorage();
    const saver = createAutosaver(storage, 400);
    saver.schedule(fixtureDocument());
    saver.flush();
    expect(storage.writes).toBe(1);
    saver.schedule({ ...fixtureDocument(), name: 'dropped' });
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(1);
  });

  it('reports a storage that refuses the write', () => {
    const onError = vi.fn();
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeAutosave(full, fixtureDocument())).toBe(false);
    const saver = createAutosaver(full, 10, onError);
    saver.schedule(fixtureDocument());
    vi.advanceTimersByTime(10);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('returns null without an autosave and issues for a damaged one', () => {
    const storage = memoryStorage();
    expect(readAutosave(storage)).toBeNull();
    storage.map.set(AUTOSAVE_KEY, '{"format": "spikelab-network", "version": 1');
    const read = readAutosave(storage);
    expect(read?.ok).toBe(false);
  });
});
