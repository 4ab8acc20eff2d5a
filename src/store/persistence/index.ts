/** Pure persistence logic: autosave, share links, files. The UI lives in src/app/persistence. */
export type { LoadResult } from './load-result.ts';
export { loadFailure } from './load-result.ts';
export * from './autosave.ts';
export * from './share-url.ts';
export * from './file.ts';
export { bytesToBase64Url, base64UrlToBytes } from './base64url.ts';
