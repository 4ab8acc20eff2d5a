/**
 * The Hardware tab: what of the network can go to hardware (the check), and "Quantise for
 * hardware" with the float/fixed comparison (rates table, two rasters) and Apply,
 * "Export Verilog (zip)" and the resource fit (estimate, then Yosys in a worker).
 *
 * Layout: with a comparison, a left column of sections (check, quantise, export, fit, board)
 * and a right column with its table and rasters; without one the sections flow in columns
 * across the whole width, so none is squeezed into a scrolled strip beside an empty area.
 */
import { BoardSection } from './board/BoardSection.tsx';
import { ComparisonRasters } from './ComparisonRasters.tsx';
import { ExportVerilogSection } from './ExportVerilogSection.tsx';
import { QuantiseControls } from './QuantiseControls.tsx';
import { RateTable } from './RateTable.tsx';
import { RefusalList } from './RefusalList.tsx';
import { ResourceFitSection } from './ResourceFitSection.tsx';
import { useHardwareStore } from './index.ts';
import './hardware.css';

export function HardwarePanel() {
  const comparison = useHardwareStore((s) => s.comparison);
  return (
    <section
      className={comparison === null ? 'hw-panel hw-panel--flow' : 'hw-panel'}
      aria-label="Hardware"
      data-testid="hardware-panel"
    >
      <div className="hw-side">
        <section className="hw-section" aria-label="Hardware check">
          <h3>Hardware check</h3>
          <RefusalList />
        </section>
        <section className="hw-section" aria-label="Quantise for hardware">
          <h3>Quantise for hardware</h3>
          <QuantiseControls />
        </section>
        <section className="hw-section" aria-label="Export Verilog">
          <h3>Export Verilog</h3>
          <ExportVerilogSection />
        </section>
        <section className="hw-section" aria-label="Resource fit">
          <h3>Resource fit (PYNQ-Z2)</h3>
          <ResourceFitSection />
        </section>
        <section className="hw-section" aria-label="Board">
          <h3>Board (PYNQ-Z2)</h3>
          <BoardSection />
        </section>
      </div>
      {comparison !== null && (
        <div className="hw-main">
          <RateTable rows={comparison.rows} />
          <ComparisonRasters comparison={comparison} />
        </div>
      )}
    </section>
  );
}
