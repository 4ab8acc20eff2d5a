/** The version in the repository's package.json, reported in every output's metadata. */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** `version` of package.json, read once. */
export function spikelabVersion(): string {
  if (cached === undefined) {
    const url = new URL('../../package.json', import.meta.url);
    const parsed: unknown = JSON.parse(readFileSync(url, 'utf8'));
    const version =
      typeof parsed === 'object' && parsed !== null && 'version' in parsed
        ? parsed.version
        : undefined;
    cached = typeof version === 'string' ? version : 'unknown';
  }
  return cached;
}
