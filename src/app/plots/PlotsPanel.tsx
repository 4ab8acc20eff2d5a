/** Live plots of the current run: spike rasters, membrane traces and population rates. */
export function PlotsPanel() {
  return (
    <section className="plots-panel" aria-label="Plots" data-testid="plots-panel">
      <p className="plots-empty">Press Run to see spikes.</p>
    </section>
  );
}
