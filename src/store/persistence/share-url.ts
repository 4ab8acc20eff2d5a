/**
 * Share links: the document as JSON, compressed with deflate-raw (CompressionStream, built into
 * browsers and Node) and written base64url into the URL hash as `#doc=...`. The hash never
 * reaches a server, so a shared network stays between the people who share it.
 */
import type { NetworkDocument } from '../../model/document.ts';
import { validateDocument } from '../../model/index.ts';
import { base64UrlToBytes, bytesToBase64Url } from './base64url.ts';
import type { LoadResult } from './load-result.ts';
import { loadFailure } from './load-result.ts';

/** The hash parameter that carries a document. */
export const SHARE_PARAM = 'doc';

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream) {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `doc=<deflate-raw base64url of the JSON>`, without the leading `#`. */
export async function encodeShareHash(doc: NetworkDocument): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const packed = await pipe(json, new CompressionStream('deflate-raw'));
  return `${SHARE_PARAM}=${bytesToBase64Url(packed)}`;
}

/** The encoded document in a hash such as `#doc=...`, or `null` when the hash carries none. */
export function shareParam(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM);
}

const DAMAGED = 'This share link is damaged';

/** Reads the document out of a hash; every failure says the link is damaged and why. */
export async function decodeShareHash(hash: string): Promise<LoadResult> {
  const encoded = shareParam(hash);
  if (encoded === null) return loadFailure(`${DAMAGED}: it carries no #${SHARE_PARAM}= part`);
  const bytes = base64UrlToBytes(encoded);
  if (bytes === null || bytes.length === 0) {
    return loadFailure(`${DAMAGED}: it is not valid base64url (was it cut short?)`);
  }
  let text: string;
  try {
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return loadFailure(`${DAMAGED}: its data does not decompress (was it cut short?)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return loadFailure(`${DAMAGED}: its data is not JSON`);
  }
  return validateDocument(value);
}
