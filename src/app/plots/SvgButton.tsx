/**
 * Saves the plot in `target` as SVG through plotly. While a run streams the live canvas is what
 * shows and the plotly figure lags, and a canvas has no vector form: the button waits.
 */
import type { RefObject } from 'react';
import { downloadSvg } from './plotly.ts';

export function SvgButton({
  target,
  live,
  filename,
  label,
}: {
  target: RefObject<HTMLDivElement | null>;
  live: boolean;
  filename: string;
  label: string;
}) {
  return (
    <button
      type="button"
      className="plot-svg"
      title={live ? `SVG of the ${label} once the run pauses or ends` : `Save the ${label} as SVG`}
      disabled={live}
      onClick={() => {
        if (target.current) void downloadSvg(target.current, filename);
      }}
      data-testid="plot-svg"
    >
      SVG
    </button>
  );
}
