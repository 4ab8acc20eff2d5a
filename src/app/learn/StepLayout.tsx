/**
 * The frame of every lesson step: on the left the explanation and the controls to try; on the
 * right the numbers they produce (at the top, in view while a slider moves), the figures and
 * what to notice in them.
 */
import type { ReactNode } from 'react';

export interface StepLayoutProps {
  intro: ReactNode;
  controls: ReactNode;
  readouts: ReactNode;
  notice: ReactNode;
  children: ReactNode;
}

export function StepLayout({ intro, controls, readouts, notice, children }: StepLayoutProps) {
  return (
    <div className="lsn-step">
      <div className="lsn-side">
        <div className="lsn-text">{intro}</div>
        <section className="lsn-controls" aria-labelledby="lsn-try">
          <h3 id="lsn-try">Try it</h3>
          {controls}
        </section>
      </div>
      <div className="lsn-visuals">
        {readouts}
        {children}
        <aside className="lsn-notice" aria-labelledby="lsn-notice">
          <h3 id="lsn-notice">What to notice</h3>
          {notice}
        </aside>
      </div>
    </div>
  );
}
