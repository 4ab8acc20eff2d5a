/**
 * The hand-written Verilog core (`hdl/`) as the CLI's hardware commands hand it to the pure
 * generator of `src/hdl` (the page bundles the same files instead of reading them).
 */
import { readFileSync } from 'node:fs';
import { EXPORT_RTL_FILES } from '../hdl/board-files.ts';

/** Every file of the core and its board bridge, by name, read from the repository's `hdl/`. */
export function readCoreRtl(): Record<string, string> {
  const folder = new URL('../../hdl/', import.meta.url);
  return Object.fromEntries(
    EXPORT_RTL_FILES.map((name) => [name, readFileSync(new URL(name, folder), 'utf8')]),
  );
}
