/**
 * The Hardware tab: what of the network can go to hardware (the check), and "Quantise for
 * hardware" with the float/fixed comparison (rates table, two rasters) and Apply,
 * "Export Verilog (zip)" and the resource fit (estimate, then Yosys in a worker).
 *
 * Layout: a left column of sections (check, quantise, export, fit) and a right column with
 * the comparison's table and rasters.
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
    <section className="hw-panel" aria-label="Hardware" data-testid="hardware-panel">
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
      <div className="hw-main">
        {comparison === null ? (
          <p className="hw-note">
            Quantise to run the float network and its fixed-point version side by side: their rates
            and rasters appear here.
          </p>
        ) : (
          <>
            <RateTable rows={comparison.rows} />
            <ComparisonRasters comparison={comparison} />
          </>
        )}
      </div>
    </section>
  );
}
