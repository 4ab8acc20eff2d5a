/**
 * The numbers a step shows, as a definition list. Each value carries a test id so the
 * end-to-end test reads exactly what a student reads.
 */
export interface Readout {
  label: string;
  value: string;
  testId: string;
  /** Emphasise (the number the step is about). */
  strong?: boolean;
  /** Colour the value as good / bad news (e.g. an error within or past its bound). */
  tone?: 'good' | 'bad';
}

export function Readouts({ items, label }: { items: readonly Readout[]; label: string }) {
  return (
    <dl className="lsn-readouts" aria-label={label}>
      {items.map((r) => (
        <div key={r.testId} className={r.strong === true ? 'lsn-readout strong' : 'lsn-readout'}>
          <dt>{r.label}</dt>
          <dd data-testid={r.testId} className={r.tone === undefined ? undefined : r.tone}>
            {r.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
