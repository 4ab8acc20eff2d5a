/**
 * The two links the teacher panel hands out: the teacher's link (document, policy and lesson
 * in the hash) and the embed widget's iframe URL with its `<iframe>` snippet.
 */
import type { ControlPolicy } from '../../model/classroom/policy.ts';
import type { LessonRef } from '../../model/classroom/lesson-ref.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { encodeEmbedHash, encodeShareState } from '../../store/persistence/index.ts';

/** The page's own address with `hash` (no leading `#`) as its hash. */
function pageUrl(hash: string): string {
  const url = new URL(window.location.href);
  url.hash = hash;
  return url.toString();
}

export async function teacherLink(
  doc: NetworkDocument,
  policy: ControlPolicy,
  lesson: LessonRef | null,
): Promise<string> {
  return pageUrl(await encodeShareState(doc, { policy, lesson }));
}

export async function embedLink(doc: NetworkDocument): Promise<string> {
  return pageUrl(await encodeEmbedHash(doc));
}

/** The `<iframe>` element to paste into a course page; the title names the network. */
export function iframeSnippet(url: string, name: string): string {
  const title = name.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<iframe src="${url}" title="Spikelab: ${title}" width="480" height="280" style="border:0" loading="lazy"></iframe>`;
}
