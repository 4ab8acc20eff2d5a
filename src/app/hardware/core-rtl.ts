/**
 * The hand-written Verilog core as the page bundles it: every `hdl/*.v` as text (Vite `?raw`),
 * kept to the files of `EXPORT_RTL_FILES`, so the page's export holds the same sources as
 * `spikelab export-verilog` (which reads them from `hdl/` with `src/cli/core-rtl.ts`).
 */
import { EXPORT_RTL_FILES } from '../../hdl/board-files.ts';

// A glob rather than one import per file: a module the core gains is bundled without an edit
// here. Only the top level of `hdl/` (the testbenches under `hdl/tb/` stay out).
const sources = import.meta.glob<string>('../../../hdl/*.v', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every file of the core, by name. Throws naming a file the bundle lacks. */
export function bundledCoreRtl(): Record<string, string> {
  return Object.fromEntries(
    EXPORT_RTL_FILES.map((name) => {
      const text = sources[`../../../hdl/${name}`];
      if (text === undefined) throw new Error(`the page bundles no hdl/${name}`);
      return [name, text];
    }),
  );
}
