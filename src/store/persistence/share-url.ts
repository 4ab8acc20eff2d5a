/**
 * Share links: the document as JSON, compressed with deflate-raw (CompressionStream, built into
 * browsers and Node) and written base64url into the URL hash as `#doc=...`. The hash never
 * reaches a server, so a shared network stays between the people who share it.
 *
 * A teacher's link adds `&policy=` (the control policy, packed the same way) and
 * `&lesson=<id>/<step>`; the embed widget's link is `#/embed?doc=...`. Every part is checked
 * before any is used, so a damaged link changes nothing and says which part is wrong.
 */
import type { ControlPolicy } from '../../model/classroom/policy.ts';
import { isEmptyPolicy } from '../../model/classroom/policy.ts';
import { parsePolicy } from '../../model/classroom/policy-schema.ts';
import type { LessonRef } from '../../model/classroom/lesson-ref.ts';
import { formatLessonRef, parseLessonRef } from '../../model/classroom/lesson-ref.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { validateDocument } from '../../model/index.ts';
import type { ValidationIssue } from '../../model/validation-issue.ts';
import { base64UrlToBytes, bytesToBase64Url } from './base64url.ts';
import type { LoadResult } from './load-result.ts';
import { loadFailure } from './load-result.ts';

/** The hash parameter that carries a document. */
export const SHARE_PARAM = 'doc';
/** The hash parameters of a teacher's link. */
export const POLICY_PARAM = 'policy';
export const LESSON_PARAM = 'lesson';
/** The route of the embeddable widget: `#/embed?doc=...`. */
export const EMBED_ROUTE = '/embed';

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream) {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function pack(value: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  return bytesToBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** `doc=<deflate-raw base64url of the JSON>`, without the leading `#`. */
export async function encodeShareHash(doc: NetworkDocument): Promise<string> {
  return `${SHARE_PARAM}=${await pack(doc)}`;
}

/** What a teacher's link carries besides the document. */
export interface ShareExtras {
  policy?: ControlPolicy | null;
  lesson?: LessonRef | null;
}

/** `doc=...&policy=...&lesson=<id>/<step>`, the parts without content left out. */
export async function encodeShareState(doc: NetworkDocument, extras: ShareExtras = {}) {
  let hash = await encodeShareHash(doc);
  if (extras.policy != null && !isEmptyPolicy(extras.policy)) {
    hash += `&${POLICY_PARAM}=${await pack(extras.policy)}`;
  }
  if (extras.lesson != null) hash += `&${LESSON_PARAM}=${formatLessonRef(extras.lesson)}`;
  return hash;
}

/** `/embed?doc=...`, the hash of the embeddable widget (without the leading `#`). */
export async function encodeEmbedHash(doc: NetworkDocument): Promise<string> {
  return `${EMBED_ROUTE}?${await encodeShareHash(doc)}`;
}

/** The parameters of a hash: `#doc=...`, or a route's query such as `#/embed?doc=...`. */
function hashParams(hash: string): URLSearchParams {
  const body = hash.replace(/^#/, '');
  const query = body.startsWith('/') ? body.slice(body.indexOf('?') + 1 || body.length) : body;
  return new URLSearchParams(query);
}

/** Whether a hash is the embed widget's route. */
export function isEmbedHash(hash: string): boolean {
  const body = hash.replace(/^#/, '');
  return body === EMBED_ROUTE || body.startsWith(`${EMBED_ROUTE}?`);
}

/** The encoded document in a hash such as `#doc=...`, or `null` when the hash carries none. */
export function shareParam(hash: string): string | null {
  return hashParams(hash).get(SHARE_PARAM);
}

const DAMAGED = 'This share link is damaged';

type Unpacked = { ok: true; value: unknown } | { ok: false; message: string };

/** The JSON packed in one parameter; `part` names it in the message ("its policy"). */
async function unpack(encoded: string, part: string): Promise<Unpacked> {
  const fail = (why: string): Unpacked => ({ ok: false, message: `${DAMAGED}: ${part} ${why}` });
  const bytes = base64UrlToBytes(encoded);
  if (bytes === null || bytes.length === 0) {
    return fail('is not valid base64url (was it cut short?)');
  }
  let text: string;
  try {
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return fail('does not decompress (was it cut short?)');
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return fail('is not JSON');
  }
}

/** Reads the document out of a hash; every failure says the link is damaged and why. */
export async function decodeShareHash(hash: string): Promise<LoadResult> {
  const encoded = shareParam(hash);
  if (encoded === null) return loadFailure(`${DAMAGED}: it carries no #${SHARE_PARAM}= part`);
  const unpacked = await unpack(encoded, 'its data');
  return unpacked.ok ? validateDocument(unpacked.value) : loadFailure(unpacked.message);
}

export type ShareState =
  | { ok: true; document: NetworkDocument; policy: ControlPolicy | null; lesson: LessonRef | null }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Everything a link carries: the document, and a teacher's policy and lesson when present.
 * Fails as a whole when any part is damaged, naming the part (`policy.ranges...` for a policy
 * that unpacks but does not fit the schema), so a student never gets half a lesson.
 */
export async function decodeShareState(hash: string): Promise<ShareState> {
  const doc = await decodeShareHash(hash);
  if (!doc.ok) return doc;
  const params = hashParams(hash);
  let policy: ControlPolicy | null = null;
  const encodedPolicy = params.get(POLICY_PARAM);
  if (encodedPolicy !== null) {
    const unpacked = await unpack(encodedPolicy, 'its policy');
    if (!unpacked.ok) return loadFailure(unpacked.message, POLICY_PARAM) as ShareState;
    const parsed = parsePolicy(unpacked.value);
    if (!parsed.ok) {
      const issues = parsed.issues.map((i) => ({
        path: i.path,
        message: `${DAMAGED}: its policy does not fit (${i.message})`,
      }));
      return { ok: false, issues };
    }
    policy = parsed.policy;
  }
  let lesson: LessonRef | null = null;
  const lessonText = params.get(LESSON_PARAM);
  if (lessonText !== null) {
    lesson = parseLessonRef(lessonText);
    if (lesson === null) {
      return loadFailure(
        `${DAMAGED}: its lesson '${lessonText}' is not <lesson id>/<step number>`,
        LESSON_PARAM,
      ) as ShareState;
    }
  }
  return { ok: true, document: doc.document, policy, lesson };
}
