/**
 * The lab/embed switch on a hash change (src/app/embed/page-switch.ts): which hashes rebuild
 * the page, and that the mounted app is unmounted (the lab's autosave flushed in its cleanup)
 * before the reload, once.
 */
import { describe, expect, it } from 'vitest';
import {
  hashChangeAction,
  installPageSwitch,
  pageForHash,
  type PageSwitchHost,
} from '../../../src/app/embed/page-switch.ts';

describe('hashChangeAction', () => {
  it('names the page of a hash', () => {
    expect(pageForHash('#/embed?doc=abc')).toBe('embed');
    expect(pageForHash('#/embed')).toBe('embed');
    expect(pageForHash('')).toBe('lab');
    expect(pageForHash('#doc=abc')).toBe('lab');
    // Only the route itself: a lab route that merely starts with the letters is the lab.
    expect(pageForHash('#/embedded')).toBe('lab');
  });

  it.each([
    ['lab', '#/embed?doc=abc', 'reload'],
    ['lab', '#doc=abc', 'stay'],
    ['lab', '#/lesson/first-neuron/2', 'stay'],
    ['lab', '', 'stay'],
    ['embed', '#doc=abc', 'reload'],
    ['embed', '', 'reload'],
    ['embed', '#/embed?doc=other', 'reload'],
  ] as const)('%s page, hash %j: %s', (mounted, hash, action) => {
    expect(hashChangeAction(mounted, hash)).toBe(action);
  });
});

/**
 * A window stand-in: listeners called in order (one removed meanwhile is skipped, as the DOM
 * does; a listener's error reaches the caller), reloads recorded in `log`.
 */
function fakeHost(hash: string, log: string[]) {
  const listeners = new Set<() => void>();
  const host: PageSwitchHost & { go: (next: string) => void } = {
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    location: {
      get hash() {
        return hash;
      },
      reload: () => log.push(`reload ${hash}`),
    },
    go: (next) => {
      hash = next;
      for (const listener of [...listeners]) if (listeners.has(listener)) listener();
    },
  };
  return host;
}

describe('installPageSwitch', () => {
  it('unmounts the lab, then reloads, when an embed link arrives; once', () => {
    const log: string[] = [];
    const host = fakeHost('', log);
    installPageSwitch('lab', host, () => log.push('unmount'));
    host.go('#/lesson/first-neuron/1');
    host.go('#doc=abc');
    expect(log).toEqual([]);
    host.go('#/embed?doc=abc');
    expect(log).toEqual(['unmount', 'reload #/embed?doc=abc']);
    // The page is going away: a further change does not unmount or reload again.
    host.go('#doc=abc');
    expect(log).toHaveLength(2);
  });

  it('reloads the embed into the lab when its lab link is followed', () => {
    const log: string[] = [];
    const host = fakeHost('#/embed?doc=abc', log);
    installPageSwitch('embed', host, () => log.push('unmount'));
    host.go('#doc=abc');
    expect(log).toEqual(['unmount', 'reload #doc=abc']);
  });

  it('reloads even when an unmount cleanup throws', () => {
    const log: string[] = [];
    const host = fakeHost('', log);
    installPageSwitch('lab', host, () => {
      throw new Error('cleanup failed');
    });
    expect(() => host.go('#/embed?doc=abc')).toThrow('cleanup failed');
    expect(log).toEqual(['reload #/embed?doc=abc']);
  });

  it('stops listening when uninstalled', () => {
    const log: string[] = [];
    const host = fakeHost('', log);
    installPageSwitch('lab', host, () => log.push('unmount'))();
    host.go('#/embed?doc=abc');
    expect(log).toEqual([]);
  });
});
