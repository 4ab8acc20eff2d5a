/**
 * Which network the page opens with: a shared link in the URL first, then the autosaved
 * network, then the default example. A damaged link or autosave is reported and skipped.
 */
import {
  decodeShareState,
  isEmbedHash,
  readAutosave,
  shareParam,
} from '../../store/persistence/index.ts';
import { applySharedClassroom } from '../teacher/apply-link.ts';
import { clampToPolicy } from '../../model/classroom/enforce.ts';
import { useNotices } from '../common/notices-store.ts';
import { DEFAULT_EXAMPLE, fetchExample } from './examples.ts';
import { openResult } from './open-result.ts';

/** Removes `#doc=...` so a reload shows the autosaved (possibly edited) network, not the link's. */
export function clearShareHash(): void {
  const url = new URL(window.location.href);
  url.hash = '';
  window.history.replaceState(null, '', url);
}

/**
 * Opens the network in a `#doc=` link, with a teacher's policy and lesson when it has them;
 * reports a damaged one (naming the part) and then changes nothing. Returns whether one was
 * opened. The embed widget's `#/embed?doc=` is its own page (EmbedApp), not opened here.
 *
 * `undoable`: the lab already shows the user's network, and opening a plain link replaces it
 * as one undo step, so following a link never loses the user's work. A teacher's link (with a
 * policy) is not undoable: undo would bring back a network the policy was never applied to.
 */
export async function openShareLink(hash: string, undoable: boolean): Promise<boolean> {
  if (!isShareLink(hash)) return false;
  const result = await decodeShareState(hash);
  clearShareHash();
  // A teacher's ranges apply from the first moment: values outside them are clamped.
  const document =
    result.ok && result.policy !== null
      ? clampToPolicy(result.policy, result.document)
      : result.ok
        ? result.document
        : null;
  const opened = openResult(document !== null ? { ok: true, document } : result, {
    title: 'the share link',
    record: undoable && result.ok && result.policy === null,
  });
  if (opened && result.ok) applySharedClassroom(result.policy, result.lesson);
  return opened;
}

/** Whether `hash` is a lab share link (`#doc=...`, not the embed widget's). */
function isShareLink(hash: string): boolean {
  return shareParam(hash) !== null && !isEmbedHash(hash);
}

export async function loadStartupDocument(): Promise<void> {
  const hash = window.location.hash;
  const saved = readAutosave(window.localStorage);
  // With a link, the autosaved network opens first, so that the link's network is one undo
  // away from it (and a damaged link leaves it open).
  const ownOpened =
    saved !== null && openResult(saved, { title: 'the autosaved network', record: false });
  if (isShareLink(hash)) {
    if ((await openShareLink(hash, ownOpened)) || ownOpened) return;
  } else if (ownOpened) {
    return;
  }
  const example = await fetchExample(DEFAULT_EXAMPLE);
  if (!openResult(example, { title: 'the default example', record: false })) {
    useNotices.getState().toast('Starting with an empty network', 'info');
  }
}
