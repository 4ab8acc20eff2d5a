/**
 * The page is either the lab or the embed widget, chosen from the hash at load (src/main.tsx).
 * A hash change can ask for the other one: a `#/embed?doc=...` link pasted into an open lab
 * tab, or the widget's "Open in Spikelab" link (`#doc=...`) followed in the same tab. Then the
 * page is rebuilt by a reload, after the mounted app is unmounted.
 *
 * Why a reload and not a swap of React roots: both pages share module-level stores (the
 * document, the run session and its worker, the teacher's policy, undo history). A reload
 * starts the other page exactly as a fresh load would, with nothing of this one left in memory;
 * the switch is rare and a page load takes a moment. Why unmount first: the lab's autosave
 * writes its pending change in its effect cleanup (useAutosave), so the unmount flushes it
 * before anything else runs, and the lab's own hash listeners (share links, lesson routes) are
 * removed before they can react to an embed link (this listener is registered first, at load).
 * The embed has no autosave, so it never writes over the lab's network.
 */
import { isEmbedHash } from '../../store/persistence/share-url.ts';

/** The two pages this app can be. */
export type PageKind = 'lab' | 'embed';

/** The page a hash opens. */
export function pageForHash(hash: string): PageKind {
  return isEmbedHash(hash) ? 'embed' : 'lab';
}

/**
 * What a hash change does to the `mounted` page: `reload` when the new hash wants the other
 * page, or when the embed's link changed (the widget reads its network once, at load);
 * `stay` when the lab stays the lab (it follows its own hashes: share links, lessons).
 *
 * @example
 * hashChangeAction('lab', '#/embed?doc=abc') // 'reload'
 * hashChangeAction('lab', '#/lesson/first-neuron/2') // 'stay'
 */
export function hashChangeAction(mounted: PageKind, hash: string): 'reload' | 'stay' {
  if (pageForHash(hash) !== mounted) return 'reload';
  return mounted === 'embed' ? 'reload' : 'stay';
}

/** What the switch needs of the window (a fake in tests). */
export interface PageSwitchHost {
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
  location: { readonly hash: string; reload(): void };
}

/**
 * Listens for hash changes on `host` and, when `hashChangeAction` says so, unmounts the
 * `mounted` page (its cleanups run: the lab's autosave is flushed) and reloads. Returns the
 * function that stops listening.
 */
export function installPageSwitch(
  mounted: PageKind,
  host: PageSwitchHost,
  unmount: () => void,
): () => void {
  const onHashChange = (): void => {
    if (hashChangeAction(mounted, host.location.hash) === 'stay') return;
    host.removeEventListener('hashchange', onHashChange);
    try {
      unmount();
    } finally {
      // Even if a cleanup threw, the asked-for page must open (the pagehide flush still runs).
      host.location.reload();
    }
  };
  host.addEventListener('hashchange', onHashChange);
  return () => host.removeEventListener('hashchange', onHashChange);
}
