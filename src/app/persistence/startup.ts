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
 */
export async function openShareLink(hash: string): Promise<boolean> {
  if (shareParam(hash) === null || isEmbedHash(hash)) return false;
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
    record: false,
  });
  if (opened && result.ok) applySharedClassroom(result.policy, result.lesson);
  return opened;
}

export async function loadStartupDocument(): Promise<void> {
  if (await openShareLink(window.location.hash)) return;
  const saved = readAutosave(window.localStorage);
  if (saved !== null) {
    if (openResult(saved, { title: 'the autosaved network', record: false })) return;
  }
  const example = await fetchExample(DEFAULT_EXAMPLE);
  if (!openResult(example, { title: 'the default example', record: false })) {
    useNotices.getState().toast('Starting with an empty network', 'info');
  }
}
