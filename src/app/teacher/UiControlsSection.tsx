/** The teacher panel's list of page parts, each with Hide and Lock switches. */
import { UI_CONTROLS } from '../../model/classroom/ui-controls.ts';
import { PolicySwitches } from './PolicySwitches.tsx';

export function UiControlsSection() {
  return (
    <section className="teacher-section" aria-labelledby="teacher-ui-heading">
      <h3 id="teacher-ui-heading">Page controls</h3>
      <ul className="teacher-list">
        {UI_CONTROLS.map((c) => (
          <li key={c.id} className="teacher-row">
            <span className="teacher-row-label">{c.label}</span>
            <PolicySwitches id={c.id} label={c.label} />
          </li>
        ))}
      </ul>
    </section>
  );
}
