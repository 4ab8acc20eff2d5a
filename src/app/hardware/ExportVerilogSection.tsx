/**
 * "Export Verilog (zip)": builds `spikelab export-verilog`'s files for the editor's document in
 * the page and downloads them as `<network-name>-verilog.zip`. Off, with the reason, while the
 * core cannot run the network (`exportRefusals`); a layout or capacity error found while
 * building is shown naming what does not fit.
 */
import { useMemo, useState } from 'react';
import { exportRefusals } from '../../hdl/core-refusals.ts';
import { CapacityError, ExportRefusedError } from '../../hdl/export-verilog.ts';
import { hardwareRefusals } from '../../hdl/hardware-check.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { useDocumentStore } from '../../store/document/index.ts';

interface Outcome {
  /** The document it was for: a later edit hides it. */
  source: NetworkDocument;
  ok: boolean;
  lines: string[];
}

function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

async function build(doc: NetworkDocument): Promise<Outcome> {
  try {
    // The example builds in ~100 ms: the page's thread is fine, no worker needed.
    const { verilogZip } = await import('./verilog-zip.ts');
    const started = performance.now();
    const zip = verilogZip(doc);
    const ms = Math.round(performance.now() - started);
    downloadBytes(zip.fileName, zip.bytes);
    const kb = (zip.bytes.length / 1024).toFixed(0);
    return {
      source: doc,
      ok: true,
      lines: [`Downloaded ${zip.fileName}: ${zip.paths.length} files, ${kb} KiB (${ms} ms).`],
    };
  } catch (error) {
    if (error instanceof ExportRefusedError) {
      const summary = error.message.split('\n')[0] ?? error.message;
      return { source: doc, ok: false, lines: [summary, ...error.refusals.map((r) => r.message)] };
    }
    if (error instanceof CapacityError) return { source: doc, ok: false, lines: [error.message] };
    const reason = error instanceof Error ? error.message : String(error);
    return { source: doc, ok: false, lines: [`The export failed: ${reason}`] };
  }
}

/** Why the button is off, or null when the core can run the network. */
function disabledReason(doc: NetworkDocument): string[] | null {
  const refusals = exportRefusals(doc);
  if (refusals.length === 0) return null;
  // The hardware check's refusals are listed (as buttons) above: count them, name the rest.
  const listed = new Set(hardwareRefusals(doc).map((r) => r.path));
  const rest = refusals.filter((r) => !listed.has(r.path)).map((r) => r.message);
  const head =
    listed.size > 0
      ? `Off until the ${listed.size === 1 ? 'part' : `${listed.size} parts`} listed under Hardware check ${listed.size === 1 ? 'has' : 'have'} an exact hardware form${rest.length > 0 ? ', and:' : '.'}`
      : 'Off: the Verilog core cannot run this network yet:';
  return [head, ...rest];
}

export function ExportVerilogSection() {
  const doc = useDocumentStore((s) => s.document);
  const reason = useMemo(() => disabledReason(doc), [doc]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const shown = outcome !== null && outcome.source === doc ? outcome : null;

  const onExport = () => {
    setBusy(true);
    void build(doc).then((result) => {
      setOutcome(result);
      setBusy(false);
    });
  };

  return (
    <div className="hw-export">
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="hw-export-verilog"
        disabled={reason !== null || busy}
        title={reason?.join('\n')}
        onClick={onExport}
      >
        Export Verilog (zip)
      </button>
      {reason !== null && (
        <ul className="hw-export-lines hw-note" data-testid="hw-export-reason">
          {reason.map((line, k) => (
            <li key={k}>{line}</li>
          ))}
        </ul>
      )}
      {shown !== null && (
        <ul
          className={`hw-export-lines ${shown.ok ? 'hw-ok' : 'hw-error'}`}
          data-testid="hw-export-message"
        >
          {shown.lines.map((line, k) => (
            <li key={k}>{line}</li>
          ))}
        </ul>
      )}
      <p className="hw-note">
        Unzip it, then in its folder <code>iverilog -g2012 -o sim *.v &amp;&amp; vvp sim</code>{' '}
        writes <code>spikes.csv</code> (the spikes <code>spikelab run</code> gives); its README has
        the Vivado steps for a PYNQ-Z2.
      </p>
    </div>
  );
}
