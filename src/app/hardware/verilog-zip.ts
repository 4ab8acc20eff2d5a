/**
 * The page's "Export Verilog (zip)": `exportVerilog` of the document with the bundled core and
 * the app's version (package.json's, the one the CLI stamps), packed with `zipStore`. Loaded
 * on the first click (`import()`), so the core's text stays out of the page's first bundle.
 */
import { version } from '../../../package.json';
import { exportVerilog } from '../../hdl/export-verilog.ts';
import { zipStore } from '../../hdl/zip-store.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { fileStem } from '../plots/download.ts';
import { bundledCoreRtl } from './core-rtl.ts';

export interface VerilogZip {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** The archive's entries, in order ('/' separated). */
  paths: string[];
}

/** The archive of the export of `doc`; throws `exportVerilog`'s refusal and capacity errors. */
export function verilogZip(doc: NetworkDocument): VerilogZip {
  const exported = exportVerilog(doc, { rtl: bundledCoreRtl(), version });
  return {
    fileName: `${fileStem(doc.name)}-verilog.zip`,
    bytes: zipStore(exported.files.map((f) => ({ path: f.path, data: f.text }))),
    paths: exported.files.map((f) => f.path),
  };
}
