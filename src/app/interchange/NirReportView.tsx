/**
 * What a NIR import or export did, node by node: what each became and, per parameter, the NIR
 * value, the Spikelab value and the formula between them; first and most visible, the nodes
 * that could not be carried over, then the notes.
 */
import type { NirReport } from '../../model/interchange/nir/report.ts';

interface NirReportViewProps {
  report: NirReport;
  /** The heading of the list of nodes left out ("Not imported", "Not expressed in NIR"). */
  lostTitle: string;
  /** Said when nothing was left out. */
  nothingLost: string;
}

export function NirReportView({ report, lostTitle, nothingLost }: NirReportViewProps) {
  return (
    <div className="nir-report" data-testid="nir-report">
      <LostList report={report} title={lostTitle} nothingLost={nothingLost} />
      {report.rows.map((row) => (
        <section key={row.node} className="nir-node" data-testid={`nir-row-${row.node}`}>
          <h3>
            <code>{row.node}</code> <span className="nir-type">{row.type}</span>
            <span className="nir-arrow"> → </span>
            <span className="nir-became">{row.became}</span>
          </h3>
          {row.mapping.length > 0 && (
            <table className="nir-mapping">
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">NIR</th>
                  <th scope="col">Spikelab</th>
                  <th scope="col">Formula</th>
                </tr>
              </thead>
              <tbody>
                {row.mapping.map((m) => (
                  <tr key={m.param}>
                    <th scope="row">
                      <code>{m.param}</code>
                    </th>
                    <td>{m.nir}</td>
                    <td>{m.spikelab}</td>
                    <td className="nir-formula">{m.formula}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      {report.notes.length > 0 && (
        <section className="nir-notes" aria-label="Notes">
          <h3>Notes</h3>
          <ul>
            {report.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function LostList({
  report,
  title,
  nothingLost,
}: {
  report: NirReport;
  title: string;
  nothingLost: string;
}) {
  if (report.notImported.length === 0) {
    return (
      <p className="nir-all" data-testid="nir-lost-none">
        {nothingLost}
      </p>
    );
  }
  return (
    <section className="nir-lost" role="note" aria-label={title} data-testid="nir-lost">
      <h3>
        {title}: {report.notImported.length}
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Type</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {report.notImported.map((n, i) => (
            <tr key={i}>
              <td>
                <code>{n.node}</code>
              </td>
              <td>{n.type}</td>
              <td>{n.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
